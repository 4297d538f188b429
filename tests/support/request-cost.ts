// Both pipeline stages (the ingest handler, then the publish handler) on one change to the uploads
// bucket of a real local S3 server, with the requests each stage sent counted from the server's own
// request log (retries included). tests/integration/s3-requests.test.ts and bench/publish.bench.ts.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SiteConfig } from '../../functions/core/model';
import type { S3Request } from '../../functions/local/s3server';
import { defaultCore } from '../../functions/pipeline/default-core';
import { s3NotificationBody } from '../../functions/pipeline/events';
import { createIngestHandler } from '../../functions/pipeline/ingest-lambda';
import { createPublishHandler } from '../../functions/pipeline/lambda';
import { startLocalS3, UPLOADS, type LocalS3 } from '../support/local-s3';
import { png as pngOf } from './images';

export interface RequestCost {
  ingest: number;
  publish: number;
  total: number;
  /** One line per request: stage, method (LIST for a listing), bucket:key. */
  detail: string[];
}

export interface RequestCostRig {
  s3: LocalS3;
  /** Puts `body` (undefined: deletes the key), then runs both stages on its event. */
  change(key: string, body: string | Uint8Array | undefined): Promise<RequestCost>;
  close(): Promise<void>;
}

export async function startRequestCostRig(config: SiteConfig, now: () => Date): Promise<RequestCostRig> {
  const s3 = await startLocalS3();
  let log: S3Request[] = [];
  s3.onRequest((r) => void log.push(r));
  const silent = new Logger({ logLevel: 'SILENT' });
  const deps = { uploads: s3.uploads, config, core: defaultCore, uploadsBucket: UPLOADS, now };
  const ingest = createIngestHandler({ ...deps, records: s3.siteStore, logger: silent, sendToPublish: async () => {} });
  const publish = createPublishHandler({ ...deps, siteStore: s3.siteStore, logger: silent, metrics: new Metrics({ namespace: 'request-cost' }) });
  let messages = 0;
  const show = (stage: string, r: S3Request) => `${stage} ${r.list ? 'LIST' : r.method} ${r.bucket === UPLOADS ? 'uploads' : 'site'}:${r.key}`;
  return {
    s3,
    async change(key, body) {
      if (body === undefined) await s3.uploads.delete(key);
      else await s3.uploads.put(key, body);
      const eventName = body === undefined ? 'ObjectRemoved:Delete' : 'ObjectCreated:Put';
      // S3's creation events carry the new version's size and ETag (read here before the count starts).
      const created = body === undefined ? undefined : await s3.uploads.head(key);
      const version = created && { size: created.size, ...(created.etag !== undefined && { etag: created.etag }) };
      const event = { Records: [{ messageId: `m${++messages}`, body: s3NotificationBody({ bucket: UPLOADS, key, eventName, ...version }), attributes: { ApproximateReceiveCount: '1' } }] };
      log = [];
      const ingested = await ingest(event as never);
      const ingestLog = log;
      log = [];
      const published = await publish(event as never);
      const publishLog = log;
      log = [];
      if (ingested.batchItemFailures.length > 0 || published.batchItemFailures.length > 0) throw new Error(`a stage failed on ${key}`);
      return {
        ingest: ingestLog.length,
        publish: publishLog.length,
        total: ingestLog.length + publishLog.length,
        detail: [...ingestLog.map((r) => show('ingest', r)), ...publishLog.map((r) => show('publish', r))],
      };
    },
    close: () => s3.close(),
  };
}

/** A .txt news story dated `day` of June 2026, its body unique to its title (no duplicate-body claims between stories). */
export function story(title: string, day: number, extraHeaders = ''): string {
  return `${title}\nDate: 2026-06-${String(day).padStart(2, '0')}T09:00:00Z\n${extraHeaders}\n${`A paragraph of ${title.toLowerCase()}, long enough to read like news. `.repeat(8)}\n`;
}

/** A PNG header (signature + IHDR) of a square image: all describeImage reads. */
/** A square PNG (tests/support/images.ts) for uploads. */
export const png = (width: number): Uint8Array => pngOf(width);
