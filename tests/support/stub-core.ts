// A deliberately small stand-in for the parsers and renderers, so the pipeline's own rules
// (ordering, crash redo, skip-unchanged) are tested apart from them. Integration tests use the real core.
import { createHash } from 'node:crypto';
import { articleIdForKey } from '../../functions/core/ids';
import type { Article, SiteFile } from '../../functions/core/model';
import type { PublishCore } from '../../functions/pipeline/core';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const file = (path: string, value: unknown): SiteFile => ({
  path,
  body: JSON.stringify(value),
  contentType: 'application/json; charset=utf-8',
  cacheControl: 'max-age=60',
});
const brief = (items: Article[]) => items.map((a) => ({ id: a.id, title: a.title, updated: a.updated, images: a.images }));

export const stubCore: PublishCore = {
  ingestUpload(input, site) {
    const text = Buffer.from(input.bytes).toString('utf8');
    if (text.trim() === '') return { ok: false, error: { code: 'empty', reason: 'empty file', key: input.key, size: 0 } };
    if (text.includes('POISON')) {
      return { ok: false, error: { code: 'binary', reason: 'poison content', key: input.key, size: input.bytes.byteLength } };
    }
    const lines = text.split('\n');
    const title = (lines[0] ?? '').trim();
    const date = /^Date: (.+)$/m.exec(text)?.[1];
    const image = /^Image: (.+)$/m.exec(text)?.[1];
    const published = date ? new Date(date).toISOString() : input.fallbackDate;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'untitled';
    return {
      ok: true,
      value: {
        id: articleIdForKey(input.key),
        slug,
        url: `articles/${slug}/`,
        title,
        summary: '',
        contentHtml: `<p>${text}</p>`,
        contentText: text,
        authors: [site.defaultAuthor],
        published,
        updated: published,
        tags: [],
        language: 'en',
        readingTimeMinutes: 1,
        images: image ? [{ src: image, alt: '', caption: '' }] : [],
        repairs: [],
        warnings: [],
        source: { key: input.key, size: input.bytes.byteLength, ...(input.etag !== undefined && { etag: input.etag }) },
        contentHash: sha(text),
      },
    };
  },
  isImageKey: (key) => /\.(jpe?g|png)$/i.test(key),
  describeImage(key, bytes) {
    if (bytes.byteLength === 0) return { ok: false, error: { code: 'empty', reason: 'empty image', key, size: 0 } };
    return { ok: true, value: { path: `images/${sha(bytes).slice(0, 16)}.jpg`, contentType: 'image/jpeg', width: 10, height: 5, bytes } };
  },
  attachImages(article, assets) {
    // Site paths, as the real core stores them (resolved against baseUrl at render time).
    const images = [...assets.values()].map((a) => ({ url: a.path, alt: '', caption: '', type: a.contentType }));
    return { ...article, images };
  },
  uniqueSlug(desired, key, taken) {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? desired : `${desired}-${n}`;
      const owner = taken(slug);
      if (owner === undefined || owner === key) return slug;
    }
  },
  renderHeadFeeds: (_site, items, months) => [
    file('feed.json', { items: brief(items), months }),
    file('feed.xml', { items: brief(items), months }),
  ],
  renderArchiveFeeds: (_site, month, items, months) => [file(`archive/${month}/feed.json`, { month, items: brief(items), months })],
  renderArchiveMonth: (_site, month, items) => [file(`archive/${month}/index.html`, { month, ids: brief(items).map((a) => a.id) })],
  renderSiteIndexes: (_site, months) => [file('sitemap.xml', months)],
  renderArticlePage: (_site, a) => file(`articles/${a.slug}/index.html`, { id: a.id, title: a.title, updated: a.updated, images: a.images }),
  renderHomePage: (_site, latest) => file('index.html', brief(latest).slice(0, 5)),
  renderStatus: (_site, status) => [file('status.json', status)],
  renderStaticAssets: () => [file('style.css', 'body{}')],
};
