// Per-upload cost of the sitemaps and HTML archive pages on the real local S3 API with the real core:
// an upload rewrites its own month's child sitemap and archive page, the archive index, the news sitemap
// when the news window changed, and sitemap.xml only when a month appears or disappears. Counted as the
// store sees the writes. The news window follows the injected publish clock.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import type { ListedObject, ObjectHead, ObjectStore, PutOptions, StoredObject } from '../../functions/store/types';
import { ingestAndPublish } from '../support/stages';
import { startLocalS3, type LocalS3 } from '../support/local-s3';

/** Records each public write and delete the publisher makes (the private index under _feedpub/ aside). */
class RecordingStore implements ObjectStore {
  puts: string[] = [];
  deletes: string[] = [];
  constructor(private readonly inner: ObjectStore) {}
  reset(): void {
    this.puts = [];
    this.deletes = [];
  }
  get(key: string): Promise<StoredObject | undefined> {
    return this.inner.get(key);
  }
  head(key: string): Promise<ObjectHead | undefined> {
    return this.inner.head(key);
  }
  put(key: string, body: string | Uint8Array, options?: PutOptions): Promise<void> {
    if (!key.startsWith('_feedpub/')) this.puts.push(key);
    return this.inner.put(key, body, options);
  }
  delete(key: string): Promise<void> {
    if (!key.startsWith('_feedpub/')) this.deletes.push(key);
    return this.inner.delete(key);
  }
  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }
  listObjects(prefix: string): Promise<ListedObject[]> {
    return this.inner.listObjects(prefix);
  }
}

let s3: LocalS3;
let site: RecordingStore;
let clock = '2026-03-10T09:00:00Z';
const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', publisher: 'Example News' };
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['url', 'sitemap'].includes(name) });

beforeAll(async () => {
  s3 = await startLocalS3();
  site = new RecordingStore(s3.siteStore);
});
afterAll(() => s3?.close());

const story = (title: string, date: string) => `Title: ${title}\nDate: ${date}\n\nBody of ${title}.\n`;

async function publish(files: Record<string, string | null>): Promise<void> {
  for (const [key, body] of Object.entries(files)) {
    if (body === null) await s3.uploads.delete(key);
    else await s3.uploads.put(key, body);
  }
  site.reset();
  await ingestAndPublish({ uploads: s3.uploads, siteStore: site, config, core: defaultCore, now: () => new Date(clock) }, Object.keys(files));
}

const crawlOutputs = (keys: string[]) => keys.filter((k) => k.startsWith('sitemap') || k.startsWith('archive/') && k.endsWith('index.html')).sort();
const text = async (path: string) => {
  const found = await s3.siteStore.get(path);
  return found === undefined ? undefined : Buffer.from(found.bytes).toString('utf8');
};
const locs = async (path: string): Promise<string[]> => {
  const doc = xml.parse((await text(path)) ?? '');
  return (doc.urlset?.url ?? doc.sitemapindex?.sitemap ?? []).map((e: { loc: string }) => e.loc);
};

describe('sitemap and archive page writes per upload', () => {
  it('a first publish writes every month\'s outputs, the index and robots.txt (nothing in the news window yet)', async () => {
    await publish({
      'jan-1.txt': story('January one', '2026-01-05T10:00:00Z'),
      'jan-2.txt': story('January two', '2026-01-20T10:00:00Z'),
      'feb-1.txt': story('February one', '2026-02-14T10:00:00Z'),
      'mar-1.txt': story('March one', '2026-03-02T10:00:00Z'),
    });
    expect(crawlOutputs(site.puts)).toEqual([
      'archive/2026-01/index.html', 'archive/2026-02/index.html', 'archive/2026-03/index.html', 'archive/index.html',
      'sitemap-2026-01.xml', 'sitemap-2026-02.xml', 'sitemap-2026-03.xml', 'sitemap.xml',
    ]);
    // Nothing in the two days before the clock yet: no news sitemap.
    expect(site.puts).toContain('robots.txt');
    expect(await locs('sitemap.xml')).toEqual(['2026-01', '2026-02', '2026-03'].map((m) => `https://news.example.com/sitemap-${m}.xml`));
    const stored = await s3.siteStore.get('sitemap.xml');
    expect([stored?.contentType, stored?.cacheControl]).toEqual(['application/xml; charset=utf-8', 'public, max-age=60']);
  });

  it('the first article in the news window: its month\'s child and page, the archive index, the news sitemap, and sitemap.xml (a new child)', async () => {
    await publish({ 'mar-2.txt': story('March two', '2026-03-09T18:00:00Z') });
    expect(crawlOutputs(site.puts)).toEqual(['archive/2026-03/index.html', 'archive/index.html', 'sitemap-2026-03.xml', 'sitemap-news.xml', 'sitemap.xml']);
    expect(site.deletes).toEqual([]);
    expect(await locs('sitemap-news.xml')).toEqual(['https://news.example.com/articles/march-two/']);
    expect(await locs('sitemap.xml')).toContain('https://news.example.com/sitemap-news.xml');
  });

  it('the next upload into the current month: the same four, not sitemap.xml', async () => {
    await publish({ 'mar-3.txt': story('March three', '2026-03-10T08:00:00Z') });
    expect(crawlOutputs(site.puts)).toEqual(['archive/2026-03/index.html', 'archive/index.html', 'sitemap-2026-03.xml', 'sitemap-news.xml']);
  });

  it('a back-dated upload into a past month: that month\'s child and page and the archive index only', async () => {
    await publish({ 'jan-3.txt': story('January three', '2026-01-25T10:00:00Z') });
    expect(crawlOutputs(site.puts)).toEqual(['archive/2026-01/index.html', 'archive/index.html', 'sitemap-2026-01.xml']);
    expect(await locs('sitemap-2026-01.xml')).toHaveLength(3);
  });

  it('a new month adds a child: sitemap.xml is rewritten, and the neighbouring month page for its link', async () => {
    await publish({ 'dec.txt': story('December one', '2025-12-24T10:00:00Z') });
    expect(crawlOutputs(site.puts)).toEqual(['archive/2025-12/index.html', 'archive/2026-01/index.html', 'archive/index.html', 'sitemap-2025-12.xml', 'sitemap.xml']);
    expect(await locs('sitemap.xml')).toContain('https://news.example.com/sitemap-2025-12.xml');
  });

  it('deleting the month\'s only article deletes its child and page and rewrites the index', async () => {
    await publish({ 'dec.txt': null });
    expect(crawlOutputs(site.deletes)).toEqual(['archive/2025-12/index.html', 'sitemap-2025-12.xml']);
    expect(crawlOutputs(site.puts)).toEqual(['archive/2026-01/index.html', 'archive/index.html', 'sitemap.xml']);
    for (const child of await locs('sitemap.xml')) expect(await text(new URL(child).pathname.slice(1)), child).toBeDefined();
  });

  it('the news window moves with the publish clock: two days later only newer articles are listed', async () => {
    // March two (09 18:00) is now 61 hours old, March three (10 08:00) 47 hours.
    clock = '2026-03-12T07:00:00Z';
    await publish({ 'mar-4.txt': story('March four', '2026-03-12T06:00:00Z') });
    expect(await locs('sitemap-news.xml')).toEqual(['https://news.example.com/articles/march-four/', 'https://news.example.com/articles/march-three/']);
    const news = xml.parse((await text('sitemap-news.xml')) ?? '').urlset.url[0]['news:news'];
    expect(news['news:publication']).toEqual({ 'news:name': 'Example News', 'news:language': 'en' });
    expect(news['news:publication_date']).toBe('2026-03-12T06:00:00Z');
    expect(news['news:title']).toBe('March four');
  });
});
