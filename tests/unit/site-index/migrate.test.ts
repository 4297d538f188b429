import { describe, expect, it } from 'vitest';
import { migrateArticle, migrateDeletion, migrateIndexPart } from '../../../functions/core/site-index/migrate';
import { renderJsonFeed } from '../../../functions/core/render/jsonfeed';
import { HEAD_KEY, monthManifestKey, slugRecordKey } from '../../../functions/core/site-index/paths';
import { DEFAULT_SITE, type Article } from '../../../functions/core/model';
import { contentHashOf } from '../../../functions/core/normalize';
import { withAbsoluteUrls } from '../../../functions/core/render/resolve';

// An entry as the code before site-relative paths stored it (checked by hand against that code:
// reconcileArticle set siteUrl(site, articlePath(slug)); attachImages set siteUrl(site, asset.path)).
function oldEntry(): Article {
  const base = {
    id: 'urn:uuid:1', slug: 'harbour-fire', url: 'https://old.example.com/articles/harbour-fire/', title: 'Harbour fire', summary: 's',
    contentHtml: '<p>x</p>', contentText: '', authors: ['Staff'], published: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z',
    tags: [], language: 'en', readingTimeMinutes: 1, repairs: [], warnings: [], source: { key: 'a.txt', size: 1 }, contentHash: '',
    images: [
      { src: 'a.jpg', alt: 'Fire', caption: 'Fire', url: 'https://old.example.com/images/0123456789abcdef.jpg', type: 'image/jpeg' },
      { src: 'https://cdn.example.net/images/0123456789abcdef.jpg', alt: 'Wire', caption: 'Wire', url: 'https://cdn.example.net/images/0123456789abcdef.jpg' },
    ],
  };
  return { ...base, contentHash: contentHashOf(base) };
}

describe('migrateArticle (index written with absolute URLs)', () => {
  it('keeps site paths only: permalink from the slug, published copies by their content-addressed path, named URLs as they are', () => {
    const m = migrateArticle(oldEntry());
    expect(m.url).toBe('articles/harbour-fire/');
    expect(m.images.map((i) => i.url)).toEqual(['images/0123456789abcdef.jpg', 'https://cdn.example.net/images/0123456789abcdef.jpg']);
  });

  it('rehashes, so the entry equals what the current attach step computes and `updated` does not move', () => {
    const old = oldEntry();
    const m = migrateArticle(old);
    expect(m.contentHash).not.toBe(old.contentHash);
    expect(m.contentHash).toBe(contentHashOf(m));
  });

  it('a base URL with a path prefix is dropped with it', () => {
    const old = { ...oldEntry(), url: 'https://old.example.com/news/articles/harbour-fire/' };
    old.images = [{ src: 'a.jpg', alt: '', caption: '', url: 'https://old.example.com/news/images/00000000000000ff.png' }];
    expect(migrateArticle(old).images[0]?.url).toBe('images/00000000000000ff.png');
  });

  it('is the identity on a current entry (same object), so a reader can tell nothing was migrated', () => {
    const m = migrateArticle(oldEntry());
    expect(migrateArticle(m)).toBe(m);
  });

  it('head and month manifests are migrated on read; other parts are left alone', () => {
    const head = { version: 1, items: [oldEntry()], months: [], quarantine: [], lastPublish: null, outputs: {} };
    expect((migrateIndexPart(HEAD_KEY, head) as typeof head).items[0]?.url).toBe('articles/harbour-fire/');
    const month = { month: '2026-01', articles: [oldEntry()], outputs: {} };
    expect((migrateIndexPart(monthManifestKey('2026-01'), month) as typeof month).articles[0]?.url).toBe('articles/harbour-fire/');
    const slug = { slug: 'x', key: 'https://old.example.com/x' };
    expect(migrateIndexPart(slugRecordKey('x'), slug)).toBe(slug);
  });

  it('renders under the current base URL after migration', () => {
    const site = { ...DEFAULT_SITE, baseUrl: 'https://new.example.org' };
    const r = withAbsoluteUrls(site, migrateArticle(oldEntry()));
    expect(r.url).toBe('https://new.example.org/articles/harbour-fire/');
    expect(r.images.map((i) => i.url)).toEqual(['https://new.example.org/images/0123456789abcdef.jpg', 'https://cdn.example.net/images/0123456789abcdef.jpg']);
  });
});

describe('migrateDeletion (deletion records written with an absolute URL)', () => {
  // As the code before this change stored them: deletionRecordFor({ url: siteUrl(site, articlePath(slug)) }).
  const old = { id: 'urn:uuid:9', when: '2026-03-11T10:00:00Z', month: '2026-02', url: 'https://old.example.com/news/articles/harbour-fire/' };

  it('keeps the site path only (a base URL with a path prefix is dropped with it); a current record is the same object', () => {
    const m = migrateDeletion(old);
    expect(m).toEqual({ ...old, url: 'articles/harbour-fire/' });
    expect(migrateDeletion(m)).toBe(m);
  });

  it('head and month manifests migrate their records on read, and render under the current base URL', () => {
    const head = { version: 1, items: [], months: [], quarantine: [], lastPublish: null, outputs: {}, deleted: [old] };
    const migratedHead = migrateIndexPart(HEAD_KEY, head) as typeof head;
    expect(migratedHead.deleted[0]?.url).toBe('articles/harbour-fire/');
    const month = { month: '2026-02', articles: [], outputs: {}, deleted: [old] };
    expect((migrateIndexPart(monthManifestKey('2026-02'), month) as typeof month).deleted[0]?.url).toBe('articles/harbour-fire/');
    // A manifest with current records (or none) is returned as it is, so the publisher knows not to rewrite it.
    const current = { ...month, deleted: [migrateDeletion(old)] };
    expect(migrateIndexPart(monthManifestKey('2026-02'), current)).toBe(current);
    const site = { ...DEFAULT_SITE, baseUrl: 'https://new.example.org' };
    const feed = JSON.parse(renderJsonFeed(site, [], { self: 'https://new.example.org/feed.json', archive: false }, undefined, migratedHead.deleted)) as { _feedpub: { deleted: { url: string }[] } };
    expect(feed._feedpub.deleted[0]?.url).toBe('https://new.example.org/articles/harbour-fire/');
  });
});
