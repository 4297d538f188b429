// N concurrent uploads -> exactly N items, through the real local S3 API, its events, the FIFO
// stand-in and the handler: the single-writer design, proven. Stub renderers keep it fast.
import { afterEach, describe, expect, it } from 'vitest';
import type { HeadManifest, MonthManifest } from '../../functions/core/site-index/types';
import type { SiteStatus } from '../../functions/core/model';
import { s3NotificationBody } from '../../functions/pipeline/events';
import { startHarness, shuffled, type Harness } from '../support/harness';
import { UPLOADS } from '../support/local-s3';
import { stubCore } from '../support/stub-core';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const N = 200;
const keyOf = (i: number) => `burst/${i % 7}/story ${i}.txt`;
const bodyOf = (i: number) => `Story number ${i}\nDate: 2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')}T0${i % 10}:00:00Z\nText ${i}.`;

async function countPublished(harness: Harness): Promise<{ status: SiteStatus; ids: Set<string>; head: HeadManifest }> {
  const head = (await harness.readSiteJson<HeadManifest>('_feedpub/head.json')) as HeadManifest;
  const ids = new Set<string>();
  let total = 0;
  for (const { month } of head.months) {
    const manifest = (await harness.readSiteJson<MonthManifest>(`_feedpub/months/${month}.json`)) as MonthManifest;
    const archive = JSON.parse((await harness.readSiteText(`archive/${month}/feed.json`)) as string) as { items: { id: string }[] };
    expect(archive.items.map((i) => i.id)).toEqual(manifest.articles.map((a) => a.id));
    for (const a of manifest.articles) ids.add(a.id);
    total += manifest.articles.length;
  }
  expect(total).toBe(ids.size);
  const status = (await harness.readSiteJson<SiteStatus>('status.json')) as SiteStatus;
  return { status, ids, head };
}

// 200 uploads through s3rver take ~15 s on a quiet machine and over 30 s at a load average of 12
// on two cores (several suites at once): the bound is for hangs, not speed.
describe('concurrent uploads', () => {
  // Both stages on s3rver, 200+ uploads: minutes on a loaded 2-core machine; the bound is generous on purpose.
  it(`${N} parallel uploads through S3 events yield exactly ${N} items`, { timeout: 120_000 }, async () => {
    h = await startHarness({ core: stubCore, config: { feedSize: 20 } });
    const harness = h;
    await Promise.all(Array.from({ length: N }, (_, i) => harness.s3.uploads.put(keyOf(i), bodyOf(i))));
    await harness.queue.drain();
    const { status, ids, head } = await countPublished(harness);
    expect(ids.size).toBe(N);
    expect(status.articles).toBe(N);
    expect(head.items).toHaveLength(20);
    expect(harness.queue.deadLetters).toEqual([]);
  });

  it('the same with every event delivered twice, shuffled, and deletes racing edits', { timeout: 120_000 }, async () => {
    h = await startHarness({ core: stubCore, config: { feedSize: 20 }, route: false });
    const harness = h;
    await Promise.all(Array.from({ length: N }, (_, i) => harness.s3.uploads.put(keyOf(i), bodyOf(i))));
    // Ten of them deleted before their events are seen: reconcile from S3 must drop them.
    for (let i = 0; i < 10; i++) await harness.s3.uploads.delete(keyOf(i));
    const events = Array.from({ length: N }, (_, i) =>
      s3NotificationBody({ bucket: UPLOADS, key: keyOf(i), eventName: 'ObjectCreated:Put' }),
    );
    const removals = Array.from({ length: 10 }, (_, i) =>
      s3NotificationBody({ bucket: UPLOADS, key: keyOf(i), eventName: 'ObjectRemoved:Delete' }),
    );
    for (const body of shuffled([...events, ...events, ...removals], 42)) harness.queue.enqueue(body);
    await harness.queue.drain();
    const { status, ids } = await countPublished(harness);
    expect(ids.size).toBe(N - 10);
    expect(status.articles).toBe(N - 10);
    expect(await harness.readSiteText('articles/story-number-3/index.html')).toBeUndefined();
    expect(await harness.readSiteText('articles/story-number-13/index.html')).toBeDefined();
  });
});
