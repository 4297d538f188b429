// Stage 1 of `feedpub build`: the pipeline's ingest stage (functions/pipeline/ingest.ts) over the
// content folder, many files per call. It runs in this thread or in a worker (./ingest-pool.ts) and
// hands back each upload's version and its prepared record, which stage 2 (the publisher) reads.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../core/model';
import { rfc3339 } from '../core/instant';
import { ingestKey, type IngestCore, type IngestOptions } from '../pipeline/ingest';
import { ContentFolderStore } from '../store/content-folder';
import type { ObjectHead, ObjectStore } from '../store/types';
import { describeImage } from '../core/images';
import { isImageKey } from '../core/upload-keys';
import { ingestUpload } from '../core/ingest';

/** One content file to ingest: its upload key and the date dates.json gives it, if any. */
export interface ContentEntry {
  key: string;
  stated?: string;
}

export interface IngestedFile {
  key: string;
  /** The version ingested (absent when the file vanished since it was listed). */
  head?: ObjectHead;
  /** The prepared record as the ingest stage wrote it (JSON), under preparedRecordKey(key, head.etag). */
  record?: string;
}

const buildCore: IngestCore = { ingestUpload, isImageKey, describeImage };

/**
 * Each file's first-seen date, as its upload's LastModified: dates.json, else the file's mtime. The stat
 * is made here, beside the read, so a build's 10,000 stats run on the ingest cores, not before them.
 * A file gone since the listing has no date (and so no upload).
 */
function firstSeenDates(root: string, entries: readonly ContentEntry[]): Map<string, string> {
  const dates = new Map<string, string>();
  for (const { key, stated } of entries) {
    const mtime = stated === undefined ? statSync(join(root, ...key.split('/')), { throwIfNoEntry: false })?.mtime : undefined;
    const date = stated ?? (mtime && rfc3339(mtime));
    if (date !== undefined) dates.set(key, date);
  }
  return dates;
}

export interface EntryOptions extends Pick<IngestOptions, 'abandonedAfter'> {
  /** Another parser (the pool's test hook: one that never finishes on a marked file). */
  ingestUpload?: IngestCore['ingestUpload'];
  /** Told before each file, by its position in `entries` (the pool's deadline watches it). */
  onFile?: (index: number) => void;
}

/** Ingests `entries` from `root` with the pipeline's ingest stage; results in input order. */
export async function ingestEntries(root: string, entries: readonly ContentEntry[], config: SiteConfig, now: string, options: EntryOptions = {}): Promise<IngestedFile[]> {
  const uploads = new ContentFolderStore(root, firstSeenDates(root, entries));
  const core = options.ingestUpload ? { ...buildCore, ingestUpload: options.ingestUpload } : buildCore;
  const ingestOptions = options.abandonedAfter !== undefined ? { abandonedAfter: options.abandonedAfter } : {};
  const out: IngestedFile[] = [];
  for (const [index, { key }] of entries.entries()) {
    options.onFile?.(index);
    let record: string | undefined;
    const records: ObjectStore = {
      get: async () => undefined,
      head: async () => undefined,
      put: async (_k, body) => {
        record = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
      },
      delete: async () => {},
      list: async () => [],
      listObjects: async () => [],
    };
    const head = await uploads.head(key);
    await ingestKey({ uploads, records, config, core, now: () => new Date(now) }, key, ingestOptions);
    uploads.release(key);
    out.push({ key, ...(head !== undefined && { head }), ...(record !== undefined && { record }) });
  }
  return out;
}
