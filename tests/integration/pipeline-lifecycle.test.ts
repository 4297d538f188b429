// One upload's life on the real local S3 API (stub renderers): hostile keys, edit, identical
// re-upload (no writes), delete, and images arriving before or after their article.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord, HeadManifest } from '../../functions/core/site-index/types';
import { articleRecordKey } from '../../functions/core/site-index/paths';
import type { SiteStatus } from '../../functions/core/model';
import { CountingObjectStore } from '../../functions/store/counting';
import { startHarness, type Harness } from '../support/harness';
import { stubCore } from '../support/stub-core';

let h: Harness;
let counting: CountingObjectStore;
beforeAll(async () => {
  h = await startHarness({
    core: stubCore,
    config: { feedSize: 10 },
    wrapSite: (s) => (counting = new CountingObjectStore(s)),
  });
});
afterAll(() => h.close());

type Feed = { items: { id: string; title: string; updated: string; images: { url?: string }[] }[]; months: string[] };
const feed = async () => (await h.readSiteJson<Feed>('feed.json')) as Feed;
const upload = async (key: string, body: string | Uint8Array) => {
  await h.s3.uploads.put(key, body);
  await h.queue.drain();
};
const remove = async (key: string) => {
  await h.s3.uploads.delete(key);
  await h.queue.drain();
};

const LONG_KEY = `${Array.from({ length: 9 }, (_, i) => `${i}`.repeat(110)).join('/')}/long.txt`;

describe('hostile keys', () => {
  it.each([
    ['spaces', 'news desk/a story.txt', 'Spaces title'],
    ['plus signs', 'c++/x+y=z.txt', 'Plus title'],
    ['unicode', 'größe/日本語 – “x”.txt', 'Unicode title'],
    // "../x" and "a/./b" are refused by the local S3 API (tests/integration/local-s3-safety.test.ts).
    ['percent escapes', 'p%2E%2E/%2e%2e/x%25.txt', 'Percent title'],
    ['a 1,000-byte key', LONG_KEY, 'Long title'],
  ])('%s publish, and delete by the same key', async (_name, key, title) => {
    expect(Buffer.byteLength(LONG_KEY)).toBeGreaterThan(1000);
    await upload(key, `${title}\nDate: 2026-05-01T00:00:00Z\n`);
    expect((await feed()).items.map((i) => i.title)).toContain(title);
    const record = await h.readSiteJson<ArticleRecord>(articleRecordKey(key));
    expect(record?.key).toBe(key);
    await remove(key);
    expect((await feed()).items.map((i) => i.title)).not.toContain(title);
    expect(await h.readSiteJson(articleRecordKey(key))).toBeUndefined();
  });

  it('a poison file whose key spells an escaped traversal is quarantined under its own record', async () => {
    await upload('%2E%2E/%2E%2E/evil.txt', 'POISON');
    const status = (await h.readSiteJson<SiteStatus>('status.json')) as SiteStatus;
    expect(status.quarantined.map((q) => q.key)).toEqual(['%2E%2E/%2E%2E/evil.txt']);
    // "%" is escaped, so this is not the record "../../evil.txt" would have (_feedpub/quarantine/%2E%2E/%2E%2E/evil.txt.json).
    expect(await h.readSiteText('_feedpub/quarantine/%252E%252E/%252E%252E/evil.txt.json')).toContain('poison content');
    expect(await h.readSiteText('_feedpub/quarantine/%2E%2E/%2E%2E/evil.txt.json')).toBeUndefined();
    await remove('%2E%2E/%2E%2E/evil.txt');
    expect(((await h.readSiteJson<SiteStatus>('status.json')) as SiteStatus).quarantined).toEqual([]);
  });
});

describe('edit, identical re-upload, delete', () => {
  it('keeps id and published on an edit, moves updated, writes nothing for identical bytes, removes on delete', async () => {
    await upload('life/story.txt', 'Life story\nDate: 2026-06-10T00:00:00Z\nFirst version.');
    const first = (await feed()).items.find((i) => i.title === 'Life story');
    const record1 = (await h.readSiteJson<ArticleRecord>(articleRecordKey('life/story.txt'))) as ArticleRecord;
    await new Promise((r) => setTimeout(r, 5));

    await upload('life/story.txt', 'Life story\nDate: 2026-06-10T00:00:00Z\nSecond version.');
    const second = (await feed()).items.find((i) => i.title === 'Life story');
    const record2 = (await h.readSiteJson<ArticleRecord>(articleRecordKey('life/story.txt'))) as ArticleRecord;
    expect(second?.id).toBe(first?.id);
    expect([record2.slug, record2.published]).toEqual([record1.slug, record1.published]);
    expect(record2.updated > record1.updated).toBe(true);
    expect(second?.updated).toBe(record2.updated);

    counting.reset();
    await upload('life/story.txt', 'Life story\nDate: 2026-06-10T00:00:00Z\nSecond version.');
    expect([counting.counts.put, counting.counts.delete]).toEqual([0, 0]);

    await remove('life/story.txt');
    expect((await feed()).items.find((i) => i.title === 'Life story')).toBeUndefined();
    expect(await h.readSiteText(`articles/${record1.slug}/index.html`)).toBeUndefined();
    const head = (await h.readSiteJson<HeadManifest>('_feedpub/head.json')) as HeadManifest;
    expect(head.months.map((m) => m.month)).not.toContain('2026-06');
    expect(await h.readSiteText('archive/2026-06/feed.json')).toBeUndefined();
  });
});

describe('images', () => {
  it('an article uploaded before its image gets it when the image arrives', async () => {
    await upload('img/first.txt', 'Article first\nDate: 2026-07-01T00:00:00Z\nImage: pic.jpg\n');
    expect((await feed()).items.find((i) => i.title === 'Article first')?.images[0]?.url).toBeUndefined();
    await upload('img/pic.jpg', new Uint8Array([0xff, 0xd8, 1, 2]));
    const images = (await feed()).items.find((i) => i.title === 'Article first')?.images ?? [];
    expect(images).toHaveLength(1);
    const path = (images[0]?.url ?? '').replace(`${h.config.baseUrl}/`, '');
    expect(path).toMatch(/^images\/[0-9a-f]{16}\.jpg$/);
    const copy = await h.s3.siteStore.get(path);
    expect([...(copy?.bytes ?? [])]).toEqual([0xff, 0xd8, 1, 2]);
  });

  it('an image uploaded before its sidecar article is attached when the article arrives', async () => {
    await upload('img/second.jpg', new Uint8Array([0xff, 0xd8, 9]));
    await upload('img/second.txt', 'Image first\nDate: 2026-07-02T00:00:00Z\n');
    const images = (await feed()).items.find((i) => i.title === 'Image first')?.images ?? [];
    expect(images).toHaveLength(1);
  });
});
