// Per-tag feeds and pages through the publish stage on the real local S3 API: an upload writes only
// its own tags' outputs, slugs are first-claim and pinned, an edit that drops a tag leaves that tag's
// feeds. Feeds are read back with @rowanmanning/feed-parser and plain JSON, not our renderers.
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { tagSlugCandidate } from '../../functions/core/site-index/tags';
import { defaultCore } from '../../functions/pipeline/default-core';
import type { PublishDeps } from '../../functions/pipeline/publish';
import { startHarness, type Harness } from '../support/harness';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { ingestAndPublish } from '../support/stages';
import { readTombstones } from '../support/tombstones';

const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 3 };
let s3: LocalS3;
let deps: PublishDeps;
beforeAll(async () => {
  s3 = await startLocalS3();
  deps = { uploads: s3.uploads, siteStore: s3.siteStore, config, core: defaultCore, now: () => new Date('2026-05-20T12:00:00Z') };
});
afterAll(() => s3?.close());

const md = (title: string, date: string, tags: string[]) => `---\ntitle: ${title}\ndate: ${date}\ntags: ${tags.join(', ')}\n---\n\nBody of ${title}.\n`;
const put = async (key: string, body: string) => {
  await s3.uploads.put(key, body);
  return ingestAndPublish(deps, [key]);
};
const text = async (path: string) => {
  const found = await s3.siteStore.get(path);
  return found && Buffer.from(found.bytes).toString('utf8');
};
const jsonIds = async (path: string) => (JSON.parse((await text(path)) ?? '{"items":[]}') as { items: { id: string }[] }).items.map((i) => i.id);

describe('tag feeds on the local S3 API', () => {
  it('colliding tags get their own URLs, first claim keeps the plain slug', async () => {
    await put('a.md', md('Alpha', '2026-05-01T00:00:00Z', ['C++', 'Rust']));
    await put('b.md', md('Beta', '2026-04-01T00:00:00Z', ['C', 'Café']));
    await put('c.md', md('Gamma', '2026-03-01T00:00:00Z', ['cafe', 'rust']));
    const cPlus = 'c';
    const c = tagSlugCandidate('C', 1);
    expect(c).toMatch(/^c-[0-9a-f]{8}$/);
    expect(await jsonIds(`tags/${cPlus}/feed.json`)).toEqual([articleIdForKey('a.md')]);
    expect(await jsonIds(`tags/${c}/feed.json`)).toEqual([articleIdForKey('b.md')]);
    expect(await jsonIds('tags/cafe/feed.json')).toEqual([articleIdForKey('b.md')]);
    expect(await jsonIds(`tags/${tagSlugCandidate('cafe', 1)}/feed.json`)).toEqual([articleIdForKey('c.md')]);
    // "Rust" and "rust" are one tag: one page, named as first published.
    expect(await jsonIds('tags/rust/feed.json')).toEqual([articleIdForKey('a.md'), articleIdForKey('c.md')]);
    const rss = parseFeed((await text('tags/rust/feed.xml')) as string);
    expect(rss.title).toBe(`${config.title}: Rust`);
    expect(rss.url).toBe('https://news.example.com/tags/rust/');
    expect(rss.items.map((i) => i.title)).toEqual(['Alpha', 'Gamma']);
    const atom = parseFeed((await text('tags/rust/atom.xml')) as string);
    expect(atom.items.map((i) => i.url)).toEqual(['https://news.example.com/articles/alpha/', 'https://news.example.com/articles/gamma/']);
    const page = (await text('tags/rust/index.html')) as string;
    expect(page).toContain('<link rel="alternate" type="application/rss+xml" title="feedpub: Rust (RSS)" href="https://news.example.com/tags/rust/feed.xml">'.replace('feedpub', config.title));
    expect(page).toContain('href="https://news.example.com/articles/gamma/"');
    // The article page links each tag to its own page.
    const article = (await text('articles/beta/index.html')) as string;
    expect(article).toContain(`<a rel="tag" href="https://news.example.com/tags/${c}/">C</a>`);
    expect(article).toContain('<a rel="tag" href="https://news.example.com/tags/cafe/">Café</a>');
  });

  it('an upload writes only its own tags\' outputs', async () => {
    const result = await put('d.md', md('Delta', '2026-05-02T00:00:00Z', ['Rust']));
    const tagPaths = result.changedPaths.filter((p) => p.startsWith('tags/'));
    expect(tagPaths.length).toBeGreaterThan(0);
    expect(tagPaths.every((p) => p.startsWith('tags/rust/'))).toBe(true);
    expect(await jsonIds('tags/rust/feed.json')).toEqual([articleIdForKey('d.md'), articleIdForKey('a.md'), articleIdForKey('c.md')]);
  });

  it('a tag outgrows its head: monthly RFC 5005 archives appear, linked from the head', async () => {
    await put('e.md', md('Epsilon', '2026-02-01T00:00:00Z', ['Rust']));
    const head = parseFeed((await text('tags/rust/atom.xml')) as string);
    expect(head.items).toHaveLength(3);
    const months = ['2026-02', '2026-03', '2026-05'];
    for (const m of months) expect(await text(`tags/rust/archive/${m}/feed.xml`), m).toBeDefined();
    expect(await jsonIds('tags/rust/archive/2026-02/feed.json')).toEqual([articleIdForKey('e.md')]);
    expect(await text('tags/rust/atom.xml')).toContain('<link rel="prev-archive" type="application/atom+xml" href="https://news.example.com/tags/rust/archive/2026-05/atom.xml"/>');
    expect(await text('tags/rust/index.html')).toContain('href="https://news.example.com/tags/rust/archive/2026-02/"');
  });

  it('removing a tag from an article takes it out of that tag\'s feeds, and an emptied tag is removed', async () => {
    await put('b.md', md('Beta', '2026-04-01T00:00:00Z', ['Café']));
    const c = tagSlugCandidate('C', 1);
    expect(await text(`tags/${c}/feed.json`)).toBeUndefined();
    expect(await text(`tags/${c}/index.html`)).toBeUndefined();
    expect(await jsonIds('tags/cafe/feed.json')).toEqual([articleIdForKey('b.md')]);
    expect(await text('articles/beta/index.html')).not.toContain(`tags/${c}/`);
    // The slug stays pinned: "C" coming back gets its old URL, not the one "C++" holds.
    await put('f.md', md('Phi', '2026-05-03T00:00:00Z', ['C']));
    expect(await jsonIds(`tags/${c}/feed.json`)).toEqual([articleIdForKey('f.md')]);
    expect(await jsonIds('tags/c/feed.json')).toEqual([articleIdForKey('a.md')]);
  });

  it('deleting an article updates its tags; the archive shrinks back into the head', async () => {
    await s3.uploads.delete('e.md');
    await ingestAndPublish(deps, ['e.md']);
    expect(await jsonIds('tags/rust/feed.json')).toEqual([articleIdForKey('d.md'), articleIdForKey('a.md'), articleIdForKey('c.md')]);
    expect(await text('tags/rust/archive/2026-02/feed.xml')).toBeUndefined();
    expect(await text('tags/rust/archive/2026-05/feed.xml')).toBeUndefined();
    expect(await text('tags/rust/atom.xml')).not.toContain('prev-archive');
  });

  it('a re-publish of unchanged uploads writes nothing', async () => {
    const result = await ingestAndPublish(deps, ['a.md', 'b.md', 'c.md', 'd.md', 'f.md']);
    expect(result.changedPaths).toEqual([]);
  });
});

describe('deletion records in tag feeds (RFC 6721, read back with sax)', () => {
  // Its own tags and clock, so the describe above cannot interfere. feedSize 3: "Harbour" (5 articles) has month archives.
  let clock = '2026-07-01T09:00:00Z';
  const at = () => ({ ...deps, now: () => new Date(clock) });
  const publish = async (key: string, body?: string) => {
    if (body === undefined) await s3.uploads.delete(key);
    else await s3.uploads.put(key, body);
    return ingestAndPublish(at(), [key]);
  };
  const gone = 'del/h2.md';
  const goneId = articleIdForKey(gone);
  const jsonDeleted = async (path: string) => (JSON.parse((await text(path)) ?? '{}') as { _feedpub?: { deleted: { id: string; url: string; date_deleted: string }[] } })._feedpub?.deleted;

  it('a deleted article leaves records in the head and month feeds of every tag it was in, and in no other', async () => {
    await publish('del/h1.md', md('Harbour one', '2026-06-01T00:00:00Z', ['Harbour']));
    await publish(gone, md('Harbour two', '2026-06-02T00:00:00Z', ['Harbour', 'Ferries']));
    await publish('del/h3.md', md('Harbour three', '2026-06-20T00:00:00Z', ['Harbour', 'Tides']));
    await publish('del/h4.md', md('Harbour four', '2026-06-21T00:00:00Z', ['Harbour']));
    await publish('del/h5.md', md('Harbour five', '2026-06-22T00:00:00Z', ['Harbour']));
    expect(await text('tags/harbour/archive/2026-06/atom.xml')).toBeDefined();
    for (const path of ['tags/harbour/atom.xml', 'tags/ferries/atom.xml']) expect(readTombstones((await text(path)) as string), path).toEqual([]);

    clock = '2026-07-02T10:00:00Z';
    await publish(gone);
    const expected = [{ ref: goneId, when: '2026-07-02T10:00:00Z' }];
    for (const path of ['tags/harbour/atom.xml', 'tags/harbour/feed.xml', 'tags/harbour/archive/2026-06/atom.xml', 'tags/harbour/archive/2026-06/feed.xml', 'tags/ferries/atom.xml', 'tags/ferries/feed.xml']) {
      const found = readTombstones((await text(path)) as string);
      expect(found.map(({ ref, when }) => ({ ref, when })), path).toEqual(expected);
      expect(found[0]?.parent, path).toBe(path.endsWith('atom.xml') ? 'atom:feed' : 'channel');
    }
    for (const path of ['tags/harbour/feed.json', 'tags/harbour/archive/2026-06/feed.json', 'tags/ferries/feed.json']) {
      expect(await jsonDeleted(path), path).toEqual([{ id: goneId, url: 'https://news.example.com/articles/harbour-two/', date_deleted: '2026-07-02T10:00:00Z' }]);
    }
    // The same `when` as the site's own records; a tag it was not in carries none.
    expect(readTombstones((await text('atom.xml')) as string).map((t) => t.when)).toEqual(['2026-07-02T10:00:00Z']);
    expect(readTombstones((await text('tags/tides/atom.xml')) as string)).toEqual([]);
    expect(await jsonDeleted('tags/tides/feed.json')).toBeUndefined();
    // Readers see only the live entries.
    expect(parseFeed((await text('tags/harbour/archive/2026-06/atom.xml')) as string).items.map((i) => i.title).sort()).toEqual(
      ['Harbour five', 'Harbour four', 'Harbour one', 'Harbour three'],
    );
    // A tag left with no article keeps its head feeds for the record (empty, still valid to a parser).
    expect(parseFeed((await text('tags/ferries/atom.xml')) as string).items).toEqual([]);
    expect(await jsonIds('tags/ferries/feed.json')).toEqual([]);
  });

  it('a re-publish writes nothing; the article coming back clears its records from each tag', async () => {
    clock = '2026-07-03T10:00:00Z';
    const again = await ingestAndPublish(at(), ['del/h1.md', 'del/h3.md', 'del/h4.md', 'del/h5.md']);
    expect(again.changedPaths).toEqual([]);
    await publish(gone, md('Harbour two', '2026-06-02T00:00:00Z', ['Harbour', 'Ferries']));
    for (const path of ['tags/harbour/atom.xml', 'tags/harbour/archive/2026-06/atom.xml', 'tags/ferries/atom.xml']) {
      expect(readTombstones((await text(path)) as string), path).toEqual([]);
    }
    expect(await jsonDeleted('tags/ferries/feed.json')).toBeUndefined();
    expect(await jsonIds('tags/ferries/feed.json')).toEqual([goneId]);
  });

  it('a tag head record ages out after 30 days, at the next publish of the tag (as the site head record does)', async () => {
    clock = '2026-07-04T10:00:00Z';
    await publish(gone);
    expect(await jsonDeleted('tags/ferries/feed.json')).toHaveLength(1);
    // 31 days on, the same tag is published again (a new article, then deleted): the old record has aged out.
    clock = '2026-08-05T10:00:00Z';
    await publish('del/f1.md', md('Ferry one', '2026-08-01T00:00:00Z', ['Ferries']));
    expect((await jsonDeleted('tags/ferries/feed.json')) ?? []).toEqual([]);
    expect(await jsonIds('tags/ferries/feed.json')).toEqual([articleIdForKey('del/f1.md')]);
  });
});

describe('tag feeds through the local pipeline (s3rver events -> router -> ingest -> FIFO -> publisher, as npm start)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ core: defaultCore, config: { baseUrl: 'https://news.example.com' } });
  });
  afterAll(() => h?.close());
  const upload = async (key: string, body: string) => {
    await h.s3.uploads.put(key, body);
    await h.queue.drain();
  };
  const ids = async (path: string) => ((await h.readSiteJson<{ items: { id: string }[] }>(path))?.items ?? []).map((i) => i.id);

  it('an upload with tags publishes them; removing a tag from the article updates that tag\'s feed', async () => {
    await upload('desk/x.md', md('Kappa', '2026-05-01T00:00:00Z', ['Harbour', 'Weather']));
    await upload('desk/y.md', md('Lambda', '2026-05-02T00:00:00Z', ['Weather']));
    expect(await ids('tags/harbour/feed.json')).toEqual([articleIdForKey('desk/x.md')]);
    expect(await ids('tags/weather/feed.json')).toEqual([articleIdForKey('desk/y.md'), articleIdForKey('desk/x.md')]);
    await upload('desk/x.md', md('Kappa', '2026-05-01T00:00:00Z', ['Harbour']));
    expect(await ids('tags/weather/feed.json')).toEqual([articleIdForKey('desk/y.md')]);
    expect(parseFeed((await h.readSiteText('tags/weather/feed.xml')) as string).items.map((i) => i.title)).toEqual(['Lambda']);
    expect(await ids('tags/harbour/feed.json')).toEqual([articleIdForKey('desk/x.md')]);
    expect(h.queue.deadLetters).toEqual([]);
  });
});
