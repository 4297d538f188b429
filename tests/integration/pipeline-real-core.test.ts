// The pipeline with the real core (parse, normalize, credits, images, renderers) on the real local
// S3 API: what readers get. Feeds are read back with other parsers than the ones that wrote them.
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import type { SiteStatus } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import { startHarness, type Harness } from '../support/harness';

const CONTENT = join(import.meta.dirname, '../../content');
const SEED_KEY = '000_47caeb000f8095de.txt';
const SEED_TITLE = 'US pushes for cease-fire as Israel escalates fight against Hezbollah';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ core: defaultCore, config: { feedSize: 20, baseUrl: 'https://news.example.com' } });
});
afterAll(() => h?.close());

interface JsonFeed {
  next_url?: string;
  items: { id: string; url: string; title: string; content_html: string; date_published: string; date_modified: string; _feedpub: { images: { credit?: { display: string; photographer?: string; agency?: string } }[] } }[];
}
const text = async (path: string) => (await h.readSiteText(path)) as string;
const jsonFeed = async (path = 'feed.json') => JSON.parse(await text(path)) as JsonFeed;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'media:credit', 'media:content'].includes(name) });
const upload = async (key: string, body: string | Uint8Array, metadata?: Record<string, string>) => {
  await h.s3.uploads.put(key, body, metadata ? { metadata } : {});
  await h.queue.drain();
};

describe('the seed', () => {
  it('appears in all three feeds with its credit, structured in Media RSS and the JSON Feed extension', async () => {
    await upload(SEED_KEY, await readFile(join(CONTENT, SEED_KEY)), { date: '2024-10-31T00:00:00Z' });
    const id = articleIdForKey(SEED_KEY);
    for (const path of ['feed.xml', 'atom.xml']) {
      const item = parseFeed(await text(path)).items.find((i) => i.title === SEED_TITLE);
      expect(item?.content, path).toContain('Maher Abou Taleb/Reuters');
    }
    const rssItem = xml.parse(await text('feed.xml')).rss.channel.item.find((i: { title: string }) => i.title === SEED_TITLE);
    const credits = [...(rssItem['media:credit'] ?? []), ...(rssItem['media:content'] ?? []).flatMap((c: { 'media:credit'?: unknown[] }) => c['media:credit'] ?? [])];
    expect(credits).toContainEqual({ '#text': 'Maher Abou Taleb', '@role': 'photographer', '@scheme': 'urn:ebu' });
    expect(credits).toContainEqual({ '#text': 'Reuters', '@role': 'distribution company', '@scheme': 'urn:ebu' });
    const item = (await jsonFeed()).items.find((i) => i.id === id);
    expect(item?.title).toBe(SEED_TITLE);
    expect(item?._feedpub.images[0]?.credit).toMatchObject({ display: 'Maher Abou Taleb/Reuters', photographer: 'Maher Abou Taleb', agency: 'Reuters' });
    expect(item?.date_published).toBe('2024-10-31T00:00:00Z');
    // Scrape repairs reach the published text.
    expect(item?.content_html).toContain('Netanyahu reportedly');
    expect(item?.content_html).not.toContain('More from GZERO');
    const page = await text(new URL(item?.url ?? '').pathname.slice(1) + 'index.html');
    expect(page).toContain('Maher Abou Taleb/Reuters');
  });
});

describe('an article and its image', () => {
  it('the sidecar image is copied under a hashed name and described with its real size', async () => {
    await upload('010_harbour.png', await readFile(join(CONTENT, '010_harbour.png')));
    await upload('010_harbour.md', await readFile(join(CONTENT, '010_harbour.md')));
    const rssItem = xml.parse(await text('feed.xml')).rss.channel.item.find((i: { title: string }) => i.title.startsWith('Harbour dredging'));
    const media = rssItem['media:content'][0];
    expect(media['@url']).toMatch(/^https:\/\/news\.example\.com\/images\/[0-9a-f]{16}\.png$/);
    expect([media['@width'], media['@height'], media['@type']]).toEqual(['8', '6', 'image/png']);
    const copy = await h.s3.siteStore.get(new URL(media['@url']).pathname.slice(1));
    expect(Buffer.from(copy?.bytes ?? []).equals(await readFile(join(CONTENT, '010_harbour.png')))).toBe(true);
    expect(copy?.contentType).toBe('image/png');
  });
});

describe('edit and delete', () => {
  const key = 'desk/Lifecycle story.md';
  const id = articleIdForKey(key);
  const version = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2026-03-04T05:06:07Z\n---\n\n${body}\n`;

  it('an edit keeps id, permalink and published; updated moves; a delete removes feeds, archive and page', async () => {
    await upload(key, version('Lifecycle first title', 'The first version of the body.'));
    const first = (await jsonFeed()).items.find((i) => i.id === id);
    expect(first?.title).toBe('Lifecycle first title');
    await new Promise((r) => setTimeout(r, 1100)); // dates have second precision
    await upload(key, version('Lifecycle retitled', 'The second version of the body.'));
    const second = (await jsonFeed()).items.filter((i) => i.id === id);
    expect(second).toHaveLength(1);
    expect(second[0]?.title).toBe('Lifecycle retitled');
    expect(second[0]?.url).toBe(first?.url);
    expect(second[0]?.date_published).toBe('2026-03-04T05:06:07Z');
    expect(Date.parse(second[0]?.date_modified ?? '')).toBeGreaterThan(Date.parse(first?.date_modified ?? ''));
    expect((await jsonFeed('archive/2026-03/feed.json')).items.map((i) => i.id)).toContain(id);

    await h.s3.uploads.delete(key);
    await h.queue.drain();
    expect((await jsonFeed()).items.map((i) => i.id)).not.toContain(id);
    for (const path of ['feed.xml', 'atom.xml']) expect(parseFeed(await text(path)).items.map((i) => i.title)).not.toContain('Lifecycle retitled');
    expect(await h.readSiteText('archive/2026-03/feed.json')).toBeUndefined();
    expect(await h.readSiteText(`${new URL(first?.url ?? '').pathname.slice(1)}index.html`)).toBeUndefined();
  });
});

describe('many uploads at once', () => {
  const N = 200;
  it(`${N} concurrent uploads -> ${N} items across the feed.json archive pages`, async () => {
    const before = (await h.readSiteJson<SiteStatus>('status.json'))?.articles ?? 0;
    const keys = Array.from({ length: N }, (_, i) => `burst/${i % 5}/story ${i}.txt`);
    await Promise.all(
      keys.map((key, i) =>
        h.s3.uploads.put(key, `Burst story number ${i}\n\nDate: 2026-0${1 + (i % 4)}-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00Z\n\nParagraph ${i} of the burst.\n`),
      ),
    );
    await h.queue.drain();
    expect(h.queue.deadLetters).toEqual([]);
    // Walk the pages from the head feed, as a JSON Feed reader pages back: every item exactly once.
    const ids = new Set<string>();
    let archiveItems = 0;
    let next: string | undefined = `${h.config.baseUrl}/feed.json`;
    while (next) {
      const page = await jsonFeed(new URL(next).pathname.slice(1));
      archiveItems += page.items.length;
      for (const item of page.items) ids.add(item.id);
      next = page.next_url;
    }
    expect(archiveItems).toBe(ids.size);
    for (const key of keys) expect(ids.has(articleIdForKey(key)), key).toBe(true);
    expect(ids.size).toBe(before + N);
    expect((await h.readSiteJson<SiteStatus>('status.json'))?.articles).toBe(before + N);
  }, 120_000);
});
