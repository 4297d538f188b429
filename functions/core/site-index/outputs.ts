import { createHash } from 'node:crypto';
import type { SiteFile } from '../model';
import type { OutputHashes } from './types';

export function hashBody(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface OutputPlan {
  /** Files whose bytes differ from what the owning manifest says was written. */
  write: SiteFile[];
  /** Hashes to store in the manifest once the writes are done. */
  hashes: OutputHashes;
  /** Paths written before but no longer produced: to delete. */
  stale: string[];
}

/** The hash recorded for an output of an unhashed plan (a batch whose index is discarded: nothing compares it). */
export const UNHASHED = '';

/**
 * Skip-unchanged rule: compare a rendered file's hash with the one its manifest recorded.
 * `hashed` false (a build from empty whose index nobody reads after it): every file is written and
 * recorded as UNHASHED; hashing ~190 MB only to compare it with nothing was ~8% of a 10k build.
 */
export function planOutputs(files: SiteFile[], previous: OutputHashes, hashed = true): OutputPlan {
  const hashes: OutputHashes = {};
  const write: SiteFile[] = [];
  for (const file of files) {
    const hash = hashed ? hashBody(file.body) : UNHASHED;
    hashes[file.path] = hash;
    if (!hashed || previous[file.path] !== hash) write.push(file);
  }
  const stale = Object.keys(previous).filter((path) => !(path in hashes));
  return { write, hashes, stale };
}
