// Sidecar images (same base name as the article) through the real pipeline and core on the memory
// store: every article extension, image extensions in either case, image before or after article.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sidecarArticleKeys, sidecarImageKeys } from '../../../functions/core/site-index/imagerefs';
import { DEFAULT_SITE, type SiteConfig } from '../../../functions/core/model';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { ingestAndPublish } from '../../support/stages';
import { MemoryObjectStore } from '../../../functions/store/memory';

const PNG = join(import.meta.dirname, '../../../content/010_harbour.png');
const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const T = new Date('2026-03-01T00:00:00Z');

describe('sidecar keys', () => {
  it.each([
    ['news/b.markdown', 'news/b.png'],
    ['news/b.txt', 'news/b.PNG'],
    ['b.md', 'b.JPG'],
    ['b.TXT', 'b.jpeg'],
    ['b.MARKDOWN', 'b.WEBP'],
  ])('%s has sidecar %s, and back', (article, image) => {
    expect(sidecarImageKeys(article)).toContain(image);
    // The article key as uploaded, whatever the case of its extension, or its lower/upper form.
    const articleCandidates = sidecarArticleKeys(image);
    const ext = article.slice(article.lastIndexOf('.') + 1);
    const base = article.slice(0, article.lastIndexOf('.'));
    expect([article, `${base}.${ext.toLowerCase()}`, `${base}.${ext.toUpperCase()}`].some((k) => articleCandidates.includes(k))).toBe(true);
  });

  it('pairs only the same base name in the same folder', () => {
    expect(sidecarImageKeys('news/b.txt')).not.toContain('b.png');
    expect(sidecarImageKeys('news/b.txt').every((k) => k.startsWith('news/b.'))).toBe(true);
    expect(sidecarArticleKeys('news/b.PNG').every((k) => k.startsWith('news/b.'))).toBe(true);
  });

  it('is deterministic and free of duplicates', () => {
    const keys = sidecarImageKeys('a/b.txt');
    expect(new Set(keys).size).toBe(keys.length);
    expect(sidecarImageKeys('a/b.txt')).toEqual(keys);
    expect(sidecarArticleKeys('a/b.png')).toEqual(sidecarArticleKeys('a/b.png'));
  });
});

async function publishInOrder(keys: Array<[string, string | Uint8Array]>): Promise<{ feed: { items: { id: string; image?: string; _feedpub: { images: { url?: string }[] } }[] } }> {
  const uploads = new MemoryObjectStore(() => T);
  const site = new MemoryObjectStore(() => T);
  const deps = { uploads, siteStore: site, config, core: defaultCore, now: () => T };
  for (const [key, body] of keys) {
    await uploads.put(key, body);
    // One event per upload, as S3 sends them.
    await ingestAndPublish(deps, [key]);
  }
  const feed = await site.get('feed.json');
  return { feed: JSON.parse(Buffer.from(feed?.bytes ?? []).toString('utf8')) };
}

describe('sidecars through the pipeline (real core, memory store)', () => {
  const article = (title: string) => `${title}\n\nThe body of the story, long enough to be an article paragraph.\n`;
  const markdown = (title: string) => `---\ntitle: ${title}\n---\n\nThe body of the story.\n`;

  it.each([
    ['news/b.markdown', markdown('Markdown story'), 'news/b.png'],
    ['news/c.txt', article('Upper-case image story'), 'news/c.PNG'],
    ['news/d.TXT', article('Upper-case article story'), 'news/d.jpg'],
  ])('%s with %s: attached whichever arrives first', async (articleKey, body, imageKey) => {
    const png = await readFile(PNG);
    for (const order of [
      [[imageKey, png], [articleKey, body]],
      [[articleKey, body], [imageKey, png]],
    ] as Array<Array<[string, string | Uint8Array]>>) {
      const { feed } = await publishInOrder(order);
      expect(feed.items, order.map(([k]) => k).join(' then ')).toHaveLength(1);
      const images = feed.items[0]?._feedpub.images ?? [];
      expect(images.map((i) => i.url), order.map(([k]) => k).join(' then ')).toEqual([expect.stringMatching(/^https:\/\/news\.example\.com\/images\/[0-9a-f]{16}\.png$/)]);
    }
  });
});
