// Stage 1 of `feedpub build`: the pipeline's ingest stage (functions/pipeline/ingest.ts) over the
// content folder, many files per call. It runs in this thread or in a worker (./ingest-pool.ts) and
// hands back each upload's version and its prepared record, which stage 2 (the publisher) reads.
import type { SiteConfig } from '../core/model';
import { ingestKey, type IngestCore } from '../pipeline/ingest';
import { ContentFolderStore } from '../store/content-folder';
import type { ObjectHead, ObjectStore } from '../store/types';
import { describeImage } from '../core/images';
import { isImageKey } from '../core/upload-keys';
import { ingestUpload } from '../core/ingest';

/** One content file to ingest: its upload key and the date it is first seen at (dates.json or mtime). */
export interface ContentEntry {
  key: string;
  fallbackDate: string;
}

export interface IngestedFile {
  key: string;
  /** The version ingested (absent when the file vanished since it was listed). */
  head?: ObjectHead;
  /** The prepared record as the ingest stage wrote it (JSON), under preparedRecordKey(key, head.etag). */
  record?: string;
}

const buildCore: IngestCore = { ingestUpload, isImageKey, describeImage };

/** Ingests `entries` from `root` with the pipeline's ingest stage; results in input order. */
export async function ingestEntries(root: string, entries: readonly ContentEntry[], config: SiteConfig, now: string): Promise<IngestedFile[]> {
  const uploads = new ContentFolderStore(root, new Map(entries.map((e) => [e.key, e.fallbackDate])));
  const out: IngestedFile[] = [];
  for (const { key } of entries) {
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
    await ingestKey({ uploads, records, config, core: buildCore, now: () => new Date(now) }, key);
    uploads.release(key);
    out.push({ key, ...(head !== undefined && { head }), ...(record !== undefined && { record }) });
  }
  return out;
}
