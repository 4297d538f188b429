// Test harness: local S3 + local FIFO queue + the publish handler, wired as `npm start` wires them.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import type { PublishCore } from '../../functions/pipeline/core';
import { createPublishHandler, type PublishHandler } from '../../functions/pipeline/lambda';
import { LocalPipeline } from '../../functions/local/pipeline';
import type { ParseRunner } from '../../functions/pipeline/ingest';
import type { LocalQueueOptions } from '../../functions/local/queues';
import type { ObjectStore } from '../../functions/store/types';
import { startLocalS3, UPLOADS, type LocalS3 } from './local-s3';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

export interface Harness {
  s3: LocalS3;
  /** Both stages: ingest (parallel) then publish (FIFO). */
  queue: LocalPipeline;
  handler: PublishHandler;
  config: SiteConfig;
  readSiteText(path: string): Promise<string | undefined>;
  readSiteJson<T>(path: string): Promise<T | undefined>;
  close(): Promise<void>;
}

export async function startHarness(options: {
  core: PublishCore;
  config?: Partial<SiteConfig>;
  queue?: LocalQueueOptions;
  /** Wrap the site store (fault injection). */
  wrapSite?: (store: ObjectStore) => ObjectStore;
  route?: boolean;
  /** The ingest stage's parser (default: in this thread, exceptions caught). */
  parse?: ParseRunner;
}): Promise<Harness> {
  const s3 = await startLocalS3();
  const config: SiteConfig = { ...DEFAULT_SITE, ...options.config };
  const site = options.wrapSite ? options.wrapSite(s3.siteStore) : s3.siteStore;
  const handler = createPublishHandler({
    uploads: s3.uploads,
    siteStore: site,
    uploadsBucket: UPLOADS,
    config,
    core: options.core,
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'feedpub-test' }),
  });
  const queue = new LocalPipeline({
    uploads: s3.uploads,
    siteStore: site,
    uploadsBucket: UPLOADS,
    config,
    core: options.core,
    publish: handler,
    publishQueue: { batchWindowMs: 10, ...options.queue },
    // As in AWS (the ingest function's max concurrency).
    ingestConcurrency: 10,
    logger: new Logger({ logLevel: 'SILENT' }),
    ...(options.parse && { parse: options.parse }),
  });
  if (options.route !== false) s3.routeTo(queue);
  const readSiteText = async (path: string) => {
    const found = await s3.siteStore.get(path);
    return found && Buffer.from(found.bytes).toString('utf8');
  };
  return {
    s3,
    queue,
    handler,
    config,
    readSiteText,
    readSiteJson: async <T>(path: string) => {
      const text = await readSiteText(path);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    async close() {
      await queue.close();
      await s3.close();
    },
  };
}

/** Fisher-Yates with a seeded generator, so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
