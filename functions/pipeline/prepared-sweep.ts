// Sweep of superseded prepared records (_feedpub/prepared/<key>/<version>.json): ingest writes one per
// upload version and nothing else deletes them, so the private prefix grew with every edit. Run once
// per republish, after its ingest and before its chunks are planned (local driver and state machine),
// never by the live publisher. It deletes a record only when its version is not the upload's current
// one (or the upload is gone) and it is older than the grace period, measured at the sweep's start.
//
// The race it must not lose: the sweep lists (version B current), the editor re-uploads old bytes A,
// ingest finds A's record ("already prepared") and sends the key, the sweep deletes A's record, and
// the publisher finds the key pending for ever. Three layers close it:
//   1. ingest re-writes ("touches") an old record it finds prepared, so its LastModified is fresh;
//   2. just before deleting, the sweep lists the key's records again and skips any touched since;
//   3. after deleting, the sweep HEADs the upload: if a deleted record was of its current version
//      (the touch fell between 2 and the DELETE), it ingests the key again (the record is re-made by a
//      parse), and the republish's chunks, planned after the sweep, publish it.
// Layer 3 alone is sufficient: an ingest that saw the record read its HEAD before the DELETE, so the
// sweep's later HEAD sees that version or a newer one, whose own ingest prepares it. A sweep cut short
// between that DELETE and the ingest is repaired by the next one: an upload older than the grace
// period whose current version has no record (no ingest takes that long) is ingested again.
import { mapLimit } from '../core/concurrency';
import { PRIVATE_PREFIX } from '../core/outputs/formats';
import { isUploadKey } from '../core/upload-keys';
import { PREPARED_PREFIX, preparedRecordKey } from '../core/site-index/paths';
import type { PreparedRecord } from '../core/site-index/types';
import { type ListedObject, readJson } from '../store/types';
import { ingestKey, PREPARED_GRACE_MS, type IngestDeps } from './ingest';

export interface PreparedSweepDeps extends IngestDeps {
  /** Default PREPARED_GRACE_MS. */
  graceMs?: number;
  concurrency?: number;
}

export interface PreparedSweepResult {
  /** Records listed at the sweep's start. */
  listed: number;
  deleted: number;
  /** Older-version records kept because they are within the grace period or were touched since the listing. */
  keptRecent: number;
  /** Keys whose current version's record was gone (a racing touch, layer 3, or an earlier sweep cut short): ingested again. */
  reingested: string[];
}

/** The folder of one upload key's records. */
function recordDir(recordKey: string): string {
  return recordKey.slice(0, recordKey.lastIndexOf('/') + 1);
}

function olderThan(listed: ListedObject, cutoffMs: number): boolean {
  // A store that gives no date keeps its records: nothing proves them old.
  return listed.lastModified !== undefined && Date.parse(listed.lastModified) < cutoffMs;
}

export async function sweepPreparedRecords(deps: PreparedSweepDeps): Promise<PreparedSweepResult> {
  const cutoff = (deps.now ?? (() => new Date()))().getTime() - (deps.graceMs ?? PREPARED_GRACE_MS);
  const limit = deps.concurrency ?? 8;
  // Listed after the clock is read: a version uploaded after the listing is newer than the cutoff's start.
  const [listed, records] = await Promise.all([deps.uploads.listObjects(''), deps.records.listObjects(PREPARED_PREFIX)]);
  const uploads = listed.filter((u) => !u.key.startsWith(PRIVATE_PREFIX));
  const current = new Map<string, { key: string; recordKey: string }>();
  for (const u of uploads) {
    const recordKey = preparedRecordKey(u.key, u.etag);
    current.set(recordDir(recordKey), { key: u.key, recordKey });
  }

  const result: PreparedSweepResult = { listed: records.length, deleted: 0, keptRecent: 0, reingested: [] };
  const present = new Set(records.map((r) => r.key));
  const lost = uploads.filter((u) => isUploadKey(u.key) && olderThan(u, cutoff) && !present.has(preparedRecordKey(u.key, u.etag)));
  const candidates = new Map<string, string[]>();
  for (const r of records) {
    const dir = recordDir(r.key);
    if (current.get(dir)?.recordKey === r.key) continue;
    if (!olderThan(r, cutoff)) {
      result.keptRecent++;
      continue;
    }
    candidates.set(dir, [...(candidates.get(dir) ?? []), r.key]);
  }

  await mapLimit([...candidates], limit, async ([dir, keys]) => {
    // Layer 2: a record touched since the first listing is in use again.
    const now = new Map((await deps.records.listObjects(dir)).map((r) => [r.key, r]));
    const doomed = keys.filter((k) => {
      const r = now.get(k);
      if (r && !olderThan(r, cutoff)) result.keptRecent++;
      return r !== undefined && olderThan(r, cutoff);
    });
    if (doomed.length === 0) return;
    // A gone upload's key is named only inside its records: read one before they go.
    const key = current.get(dir)?.key ?? (await readJson<PreparedRecord>(deps.records, doomed[0]!))?.key;
    await mapLimit(doomed, limit, (k) => deps.records.delete(k));
    result.deleted += doomed.length;
    if (key === undefined) return;
    // Layer 3: was a deleted record the one the upload needs now?
    const head = await deps.uploads.head(key);
    if (head && doomed.includes(preparedRecordKey(key, head.etag))) {
      await ingestKey(deps, key);
      result.reingested.push(key);
    }
  });
  await mapLimit(lost, limit, async ({ key }) => {
    await ingestKey(deps, key);
    result.reingested.push(key);
  });
  result.reingested.sort();
  return result;
}
