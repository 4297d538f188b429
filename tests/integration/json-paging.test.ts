// JSON Feed paging through the pipeline, on the real local S3 API with the real core: a poller that
// follows next_url from feed.json meets every article exactly once, after adds, a back-dated upload and
// a delete (the head shifts; its continuation page and the months before it follow).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import { ingestAndPublish } from '../support/stages';
import { startLocalS3, type LocalS3 } from '../support/local-s3';

let s3: LocalS3;
const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 3 };
const now = () => new Date('2026-06-15T00:00:00Z');

beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3?.close());

const article = (title: string, date: string) => `Title: ${title}\nDate: ${date}\n\nThe story of ${title}.\n`;

async function publish(files: Record<string, string | null>): Promise<void> {
  for (const [key, body] of Object.entries(files)) {
    if (body === null) await s3.uploads.delete(key);
    else await s3.uploads.put(key, body);
  }
  await ingestAndPublish({ uploads: s3.uploads, siteStore: s3.siteStore, config, core: defaultCore, now }, Object.keys(files));
}

/** Titles in the order a poller meets them, following next_url from feed.json. */
async function walk(): Promise<string[]> {
  const titles: string[] = [];
  const visited = new Set<string>();
  for (let path: string | undefined = 'feed.json'; path !== undefined; ) {
    if (visited.has(path)) throw new Error(`next_url loops back to ${path}`);
    visited.add(path);
    const object = await s3.siteStore.get(path);
    if (object === undefined) throw new Error(`next_url names ${path}, which does not exist`);
    const doc = JSON.parse(Buffer.from(object.bytes).toString('utf8'));
    titles.push(...doc.items.map((i: { title: string }) => i.title));
    path = doc.next_url === undefined ? undefined : doc.next_url.slice(`${config.baseUrl}/`.length);
  }
  return titles;
}

describe('JSON Feed paging through the pipeline', () => {
  it('reaches every article once, newest first, after the first batch', async () => {
    await publish({
      'a.txt': article('April one', '2026-04-03'),
      'b.txt': article('April two', '2026-04-20'),
      'c.txt': article('May one', '2026-05-02'),
      'd.txt': article('May two', '2026-05-10'),
      'e.txt': article('May three', '2026-05-28'),
      'f.txt': article('June one', '2026-06-01'),
    });
    expect(await walk()).toEqual(['June one', 'May three', 'May two', 'May one', 'April two', 'April one']);
  });

  it('after a newer article shifts the head and a back-dated one lands in an old month', async () => {
    await publish({ 'g.txt': article('June two', '2026-06-10'), 'h.txt': article('April zero', '2026-04-01') });
    expect(await walk()).toEqual(['June two', 'June one', 'May three', 'May two', 'May one', 'April two', 'April one', 'April zero']);
  });

  it('after a delete from the head (an older article moves up into it)', async () => {
    await publish({ 'f.txt': null });
    expect(await walk()).toEqual(['June two', 'May three', 'May two', 'May one', 'April two', 'April one', 'April zero']);
  });
});
