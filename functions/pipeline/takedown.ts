// The publish stage's takedown phase (docs/takedown.md): after a batch's pages and archives are
// written and before its commit, the copies nobody shows any more are deleted from the site bucket and
// invalidated on the CDN. Order, each step redone by a crashed batch's redo:
//   1. copy records with their new reference sets (an emptied one is kept, refs [], as the mark)
//   2. the emptied copies' objects deleted (before the CDN is asked, so it cannot refetch them)
//   3. one CDN invalidation for every pending path (a failure leaves them pending for the next batch)
//   4. (after the commit) the emptied records deleted: head.json now lists what is still pending
import { createHash } from 'node:crypto';
import { mapLimit } from '../core/concurrency';
import {
  applyCopyDelta,
  copyDeltas,
  copyRecordKey,
  nextPendingTakedowns,
  takedownInvalidationPaths,
  type CopyRecord,
  type RefChange,
  type TakedownEntry,
} from '../core/site-index/copies';
import type { CdnInvalidator } from './invalidation';

export interface TakedownIo {
  readJson<T>(key: string): Promise<T | undefined>;
  writeJson(key: string, value: unknown): Promise<void>;
  deleteIndex(key: string): Promise<void>;
  /** Deletes a public file (and reports it as changed). */
  deleteFile(path: string): Promise<void>;
  limit: number;
  now: string;
  cdn?: CdnInvalidator;
  onInvalidationFailed?: (paths: string[], error: unknown) => void;
}

export interface TakedownResult {
  /** Still waiting for the CDN (head.json's `takedowns`). */
  pending: TakedownEntry[];
  /** Copies deleted from the site bucket by this batch. */
  takenDown: string[];
  /** The invalidation request this batch made, if any. */
  invalidation?: { id: string; paths: string[] };
  /** Emptied copy records to delete after the commit. */
  emptiedRecords: string[];
}

/** `orphans`: copies without a record that nobody shows (the copy sweep, copy-sweep.ts): taken down like an emptied one. */
export async function takeDownUnreferencedCopies(io: TakedownIo, changes: readonly RefChange[], previous: readonly TakedownEntry[], orphans: readonly string[] = []): Promise<TakedownResult> {
  const deltas = copyDeltas(changes);
  const orphaned = new Set(orphans);
  for (const path of orphans) if (!deltas.has(path)) deltas.set(path, { add: new Set(), remove: new Set() });
  const takenDown: string[] = [];
  const revived = new Set<string>();
  await mapLimit([...deltas], io.limit, async ([path, delta]) => {
    const key = copyRecordKey(path);
    const record = await io.readJson<CopyRecord>(key);
    // A copy published before reference records existed has unknown references: never taken down
    // on a removal alone (an add gives it a record).
    if (record === undefined && delta.add.size === 0 && !orphaned.has(path)) return;
    const refs = applyCopyDelta(record?.refs ?? [], delta);
    // Shown again (same bytes, same path): a pending invalidation of it is moot.
    if (refs.length > 0) revived.add(path);
    else takenDown.push(path);
    if (record === undefined || record.refs.join('\n') !== refs.join('\n')) await io.writeJson(key, { path, refs } satisfies CopyRecord);
  });
  takenDown.sort();
  await mapLimit(takenDown, io.limit, (path) => io.deleteFile(path));
  let pending = nextPendingTakedowns(previous, takenDown, revived, io.now);
  let invalidation: TakedownResult['invalidation'];
  if (io.cdn === undefined) {
    // Nothing can be invalidated: a CDN copy lives out its max-age (docs/takedown.md).
    pending = [];
  } else if (pending.length > 0) {
    const paths = takedownInvalidationPaths(pending.map((e) => e.path));
    const reference = `feedpub-takedown-${createHash('sha256').update(`${io.now}\n${paths.join('\n')}`).digest('hex').slice(0, 32)}`;
    try {
      invalidation = { id: await io.cdn.invalidate(paths, reference), paths };
      pending = [];
    } catch (error) {
      io.onInvalidationFailed?.(paths, error);
    }
  }
  return { pending, takenDown, ...(invalidation && { invalidation }), emptiedRecords: takenDown.map(copyRecordKey) };
}
