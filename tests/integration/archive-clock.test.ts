// Archive completeness follows the publish clock (injected), on the real local S3 API with the real core:
// a month is fh:archive and long-cached only once the site's calendar has left it; a future-dated
// article does not close the current month; a back-dated upload re-renders its past month and reports
// it stale for the CDN; the turn of the month re-renders the month that just closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import type { BatchResult } from '../../functions/pipeline/publish';
import { ingestAndPublish } from '../support/stages';
import { startLocalS3, type LocalS3 } from '../support/local-s3';

let s3: LocalS3;
let clock = '2026-03-10T09:00:00Z';
const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const LIVE = 'public, max-age=60, stale-while-revalidate=300';
const PAST = 'public, max-age=3600';

beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3?.close());

async function publish(files: Record<string, string>): Promise<BatchResult> {
  for (const [key, body] of Object.entries(files)) await s3.uploads.put(key, body);
  return ingestAndPublish({ uploads: s3.uploads, siteStore: s3.siteStore, config, core: defaultCore, now: () => new Date(clock) }, Object.keys(files));
}

async function archive(month: string) {
  const object = await s3.siteStore.get(`archive/${month}/feed.xml`);
  const text = object === undefined ? '' : Buffer.from(object.bytes).toString('utf8');
  return { cacheControl: object?.cacheControl, complete: text.includes('<fh:archive/>'), text };
}

describe('archive months and the publish clock', () => {
  it('past month complete; current month open; a future-dated article is held, so its month has no archive yet', async () => {
    await publish({
      'feb.txt': 'Title: February story\nDate: 2026-02-10\n\nBody.\n',
      'mar.txt': 'Title: March story\nDate: 2026-03-05\n\nBody.\n',
      'may.txt': 'Title: Future-dated story\nDate: 2026-05-01\n\nBody.\n',
    });
    expect(await archive('2026-02')).toMatchObject({ complete: true, cacheControl: PAST });
    expect(await archive('2026-03')).toMatchObject({ complete: false, cacheControl: LIVE });
    // Scheduled publishing (docs/scheduling.md): dated two months ahead of the clock, it waits.
    expect(await s3.siteStore.get('archive/2026-05/feed.xml')).toBeUndefined();
  });

  it('a back-dated upload re-renders its complete month and reports it stale', async () => {
    clock = '2026-03-11T09:00:00Z';
    const result = await publish({ 'late.txt': 'Title: Back-dated story\nDate: 2026-02-20\n\nBody.\n' });
    const feb = await archive('2026-02');
    expect(feb.text).toContain('Back-dated story');
    expect(feb).toMatchObject({ complete: true, cacheControl: PAST });
    expect(result.stalePaths).toEqual(expect.arrayContaining(['archive/2026-02/feed.xml', 'archive/2026-02/atom.xml', 'archive/2026-02/feed.json']));
  });

  it('at the turn of the month the month that closed is re-rendered complete, even without an upload in it', async () => {
    clock = '2026-04-02T09:00:00Z';
    // Into the future month: March's articles and links do not change, only the calendar did.
    await publish({ 'may2.txt': 'Title: Another May story\nDate: 2026-05-02\n\nBody.\n' });
    expect(await archive('2026-03')).toMatchObject({ complete: true, cacheControl: PAST });
    expect(await s3.siteStore.get('archive/2026-05/feed.xml')).toBeUndefined();
  });
});
