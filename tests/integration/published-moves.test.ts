// "published never moves" holds for dates feedpub chose, not for dates the editor states (issue 9):
// on the real local S3 API, a re-upload with a corrected Date: moves the item and its archive month;
// a re-upload without a date keeps the date feedpub pinned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import { defaultCore } from '../../functions/pipeline/default-core';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ core: defaultCore, config: { feedSize: 20, baseUrl: 'https://news.example.com' } });
});
afterAll(() => h?.close());

interface JsonFeed {
  items: { id: string; date_published: string }[];
}
const jsonFeed = async (path = 'feed.json') => {
  const body = await h.readSiteText(path);
  return (body === undefined ? { items: [] } : JSON.parse(body)) as JsonFeed;
};
const upload = async (key: string, body: string) => {
  await h.s3.uploads.put(key, body, {});
  await h.queue.drain();
};

describe('a changed explicit Date: moves published', () => {
  it('moves the item to the stated date and its archive month', async () => {
    const key = 'desk/dated.txt';
    const id = articleIdForKey(key);
    await upload(key, 'Date: 2025-03-04\n\nDated story\n\nThe first version.');
    expect((await jsonFeed()).items.find((i) => i.id === id)?.date_published).toBe('2025-03-04T00:00:00Z');
    await upload(key, 'Date: 2025-05-06\n\nDated story\n\nThe date was wrong.');
    expect((await jsonFeed()).items.filter((i) => i.id === id).map((i) => i.date_published)).toEqual(['2025-05-06T00:00:00Z']);
    expect((await jsonFeed('archive/2025-05/feed.json')).items.map((i) => i.id)).toContain(id);
    expect((await jsonFeed('archive/2025-03/feed.json')).items.map((i) => i.id)).not.toContain(id);
  });

  it('keeps a date feedpub chose when the re-upload states none', async () => {
    const key = 'desk/undated.txt';
    const id = articleIdForKey(key);
    await upload(key, 'Undated story\n\nThe first version.');
    const first = (await jsonFeed()).items.find((i) => i.id === id)?.date_published;
    expect(first).toBeDefined();
    await new Promise((r) => setTimeout(r, 1100)); // dates have second precision
    await upload(key, 'Undated story\n\nThe second version.');
    expect((await jsonFeed()).items.find((i) => i.id === id)?.date_published).toBe(first);
  });
});
