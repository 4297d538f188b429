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

/** Skip-unchanged rule: compare a rendered file's hash with the one its manifest recorded. */
export function planOutputs(files: SiteFile[], previous: OutputHashes): OutputPlan {
  const hashes: OutputHashes = {};
  const write: SiteFile[] = [];
  for (const file of files) {
    const hash = hashBody(file.body);
    hashes[file.path] = hash;
    if (previous[file.path] !== hash) write.push(file);
  }
  const stale = Object.keys(previous).filter((path) => !(path in hashes));
  return { write, hashes, stale };
}
