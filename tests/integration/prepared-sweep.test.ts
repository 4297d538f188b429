// The sweep of superseded prepared records (functions/pipeline/prepared-sweep.ts) on the real local S3
// server. Record ages are the server's LastModified (real time), so the injected clocks here are the
// real clock shifted: "two hours later" is Date.now() + 2 h. Checked: records of older versions and of
// gone uploads go, current ones stay, nothing younger than the grace period goes; an old record an
// ingest touches is kept; and the race (old bytes uploaded again while the sweep runs, the touch
// landing between the sweep's last listing and its DELETE) never leaves the key pending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { PREPARED_PREFIX, preparedRecordKey } from '../../functions/core/site-index/paths';
import { defaultCore } from '../../functions/pipeline/default-core';
import { ingestKey, PREPARED_GRACE_MS, type IngestDeps } from '../../functions/pipeline/ingest';
import { sweepPreparedRecords } from '../../functions/pipeline/prepared-sweep';
import { publishBatch, type PublishDeps } from '../../functions/pipeline/publish';
import { republishSite } from '../../functions/pipeline/republish';
import { publishChunk } from '../../functions/pipeline/republish-chunk';
import { CountingObjectStore } from '../../functions/store/counting';
import type { ListedObject, ObjectStore } from '../../functions/store/types';
import { startLocalS3, type LocalS3 } from '../support/local-s3';

const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const HOUR = 60 * 60 * 1000;
const later = (ms: number) => () => new Date(Date.now() + ms);
const article = (title: string) => `${title}\nDate: 2026-05-20T08:00:00Z\n\nThe body of ${title}, long enough to be an article of its own.\n`;

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3?.close());

const ingestDeps = (now: () => Date, records: ObjectStore = s3.siteStore): IngestDeps => ({ uploads: s3.uploads, records, config, core: defaultCore, now });
const publishDeps = (now: () => Date): PublishDeps => ({ uploads: s3.uploads, siteStore: s3.siteStore, config, core: defaultCore, now });
const upload = async (key: string, body: string, now = later(0)) => {
  await s3.uploads.put(key, body);
  return ingestKey(ingestDeps(now), key);
};
/** The folder of one upload key's records. */
const dirOf = (key: string) => preparedRecordKey(key, '').replace(/[^/]+$/, '');
const recordsOf = (key: string) => s3.siteStore.list(dirOf(key));
const currentRecord = async (key: string) => preparedRecordKey(key, (await s3.uploads.head(key))?.etag);
const titleOf = async (key: string) => {
  const record = await s3.siteStore.get(await currentRecord(key));
  return record && (JSON.parse(Buffer.from(record.bytes).toString('utf8')) as { article?: { title: string } }).article?.title;
};

/** The site store with a hook run once, just before the sweep re-lists or deletes in one key's folder. */
function hooked(kind: 'relist' | 'delete', key: string, hook: () => Promise<void>): ObjectStore {
  const inner = s3.siteStore;
  let fired = false;
  const fire = async () => {
    if (fired) return;
    fired = true;
    await hook();
  };
  return {
    get: (k) => inner.get(k),
    head: (k) => inner.head(k),
    put: (k, b, o) => inner.put(k, b, o),
    list: (p) => inner.list(p),
    async listObjects(prefix: string): Promise<ListedObject[]> {
      // The first listing is of the whole prefix; a key's folder is listed again just before deleting.
      if (kind === 'relist' && prefix === dirOf(key)) await fire();
      return inner.listObjects(prefix);
    },
    async delete(k: string) {
      if (kind === 'delete' && k.startsWith(dirOf(key))) await fire();
      return inner.delete(k);
    },
  };
}

describe('sweep of prepared records', () => {
  it('removes records of older versions and gone uploads after the grace period; current and young records stay', async () => {
    await upload('desk/edited.txt', article('First draft'));
    const oldVersion = await currentRecord('desk/edited.txt');
    await upload('desk/edited.txt', article('Final version'));
    await upload('desk/single.txt', article('Only version'));
    await upload('desk/gone.txt', article('Withdrawn story'));
    const goneRecord = await currentRecord('desk/gone.txt');
    await s3.uploads.delete('desk/gone.txt');
    expect(await recordsOf('desk/edited.txt')).toHaveLength(2);

    // Within the grace period (the real one, 1 h): nothing goes.
    const early = await sweepPreparedRecords(ingestDeps(later(0)));
    expect(early).toMatchObject({ listed: 4, deleted: 0, keptRecent: 2, reingested: [] });
    expect(await s3.siteStore.head(oldVersion)).toBeDefined();

    // Two hours later, through the local republish driver (its sweep runs between ingest and publish).
    const now = later(2 * HOUR);
    const report = await republishSite({
      ...ingestDeps(now),
      siteStore: s3.siteStore,
      run: 'sweep-1',
      submit: async (chunk) => (await publishChunk(publishDeps(now), chunk)).report,
    });
    expect(report.sweep).toMatchObject({ listed: 4, deleted: 2, keptRecent: 0, reingested: [] });
    expect(await s3.siteStore.head(oldVersion)).toBeUndefined();
    expect(await s3.siteStore.head(goneRecord)).toBeUndefined();
    expect(await recordsOf('desk/gone.txt')).toEqual([]);
    expect(await recordsOf('desk/edited.txt')).toEqual([await currentRecord('desk/edited.txt')]);
    expect(await titleOf('desk/edited.txt')).toBe('Final version');
    expect(await titleOf('desk/single.txt')).toBe('Only version');
    // The site is whole: both live keys publish from their records (nothing pending).
    const published = await publishBatch(publishDeps(now), ['desk/edited.txt', 'desk/single.txt']);
    expect(published.results.map((r) => r.outcome)).not.toContain('pending');
    expect(report.outcomes.pending).toBeUndefined();
  });

  it('an upload older than the grace period whose current record is missing (a sweep cut short after its DELETE) is ingested again', async () => {
    const key = 'desk/lost.txt';
    await upload(key, article('Lost record'));
    await s3.siteStore.delete(await currentRecord(key));
    const young = await sweepPreparedRecords(ingestDeps(later(0)));
    expect(young.reingested).toEqual([]);
    const result = await sweepPreparedRecords(ingestDeps(later(2 * HOUR)));
    expect(result.reingested).toEqual([key]);
    expect(await titleOf(key)).toBe('Lost record');
    const published = await publishBatch(publishDeps(later(2 * HOUR)), [key]);
    expect(published.results.find((r) => r.key === key)?.outcome).toBe('published');
  });

  it('ingest touches an old record it finds prepared (one PUT), and not a young one', async () => {
    await upload('desk/touch.txt', article('Touch me'));
    const counted = new CountingObjectStore(s3.siteStore);
    await ingestKey(ingestDeps(later(10 * 60 * 1000), counted), 'desk/touch.txt');
    expect(counted.reset().put).toBe(0);
    await ingestKey(ingestDeps(later(PREPARED_GRACE_MS / 2 + 60_000), counted), 'desk/touch.txt');
    expect(counted.reset().put).toBe(1);
    // A republish's own ingest does not touch (its sweep comes after it).
    await ingestKey(ingestDeps(later(PREPARED_GRACE_MS / 2 + 60_000), counted), 'desk/touch.txt', { touchPrepared: false });
    expect(counted.reset().put).toBe(0);
  });

  // The race: the sweep has listed (version B current); the editor uploads version A's bytes again and
  // ingest finds A's old record. The grace period is 2 s here (waited out), so a touch, stamped by the
  // server's real clock, is fresh to the sweep, while records made before the wait are old.
  const GRACE = 2000;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const reupload = (key: string, body: string) => async () => {
    await s3.uploads.put(key, body);
    // The live ingest, whose clock sees the record as old enough to touch.
    expect((await ingestKey(ingestDeps(later(HOUR)), key)).verdict).toBe('already-prepared');
  };

  it('race, touch before the re-check: the touched record is kept', async () => {
    const key = 'desk/race-early.txt';
    await upload(key, article('Version A early'));
    const a = await currentRecord(key);
    await upload(key, article('Version B early'));
    await pause(GRACE + 1200);
    const result = await sweepPreparedRecords({ ...ingestDeps(later(0), hooked('relist', key, reupload(key, article('Version A early')))), graceMs: GRACE });
    expect(await s3.siteStore.head(a)).toBeDefined();
    expect(result.reingested).toEqual([]);
    const published = await publishBatch(publishDeps(later(0)), [key]);
    expect(published.results.find((r) => r.key === key)?.outcome).not.toBe('pending');
    expect(await titleOf(key)).toBe('Version A early');
  });

  it('race, touch between the re-check and the DELETE: the sweep ingests the key again, so it never stays pending', async () => {
    const key = 'desk/race-late.txt';
    await upload(key, article('Version A late'));
    const a = await currentRecord(key);
    await upload(key, article('Version B late'));
    await pause(GRACE + 1200);
    const result = await sweepPreparedRecords({ ...ingestDeps(later(0), hooked('delete', key, reupload(key, article('Version A late')))), graceMs: GRACE });
    // The DELETE took the record the live ingest had just relied on; the sweep saw so and re-made it.
    expect(result.reingested).toEqual([key]);
    expect(await currentRecord(key)).toBe(a);
    expect(await s3.siteStore.head(a)).toBeDefined();
    // The live ingest's message reaches the publisher: A is published, not pending.
    const published = await publishBatch(publishDeps(later(0)), [key]);
    expect(published.results.find((r) => r.key === key)?.outcome).toMatch(/^(published|updated)$/);
    expect(await titleOf(key)).toBe('Version A late');
  });
});
