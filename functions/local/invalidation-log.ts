// The local stack's CDN invalidator: there is no CDN in front of the dev server (it reads the bucket
// on every request), so an invalidation is only recorded, one JSON line per request in
// <data dir>/cdn-invalidations.jsonl, where tests and `npm start` users can see what AWS would be asked.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CdnInvalidator } from '../pipeline/invalidation';

export interface LocalInvalidation {
  id: string;
  reference: string;
  paths: string[];
  time: string;
}

export class LocalInvalidationLog implements CdnInvalidator {
  readonly invalidations: LocalInvalidation[] = [];

  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async invalidate(paths: readonly string[], reference: string): Promise<string> {
    const entry: LocalInvalidation = { id: `local-${reference}`, reference, paths: [...paths], time: this.now().toISOString() };
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(entry)}\n`);
    this.invalidations.push(entry);
    return entry.id;
  }
}
