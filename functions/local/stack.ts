// The whole pipeline on one machine: local S3 API -> event router -> ingest queue -> the same
// ingest handler as Lambda (parsing on worker threads, so the dev server never waits on a parse)
// -> FIFO queue -> the same publish handler as Lambda -> site bucket -> dev server. `feedpub dev` (npm start) and the
// integration tests start it; close() stops it in reverse order, letting the batch in flight finish.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { join } from 'node:path';
import { listContentKeys, loadDates, loadSiteConfig } from '../folder-build';
import { HEAD_KEY } from '../core/site-index/paths';
import type { HeadManifest } from '../core/site-index/types';
import type { SiteConfig } from '../core/model';
import { HEAD_FEED_PATHS, OUTPUTS, PRIVATE_PREFIX } from '../core/outputs/formats';
import type { PublishCore } from '../pipeline/core';
import { defaultCore } from '../pipeline/default-core';
import { inThreadParser } from '../pipeline/ingest';
import { s3NotificationBody } from '../pipeline/events';
import { createPublishHandler } from '../pipeline/lambda';
import { startDevServer, type DevServer } from './devserver';
import { FailedUploads, notificationKeys } from './failed-uploads';
import { LocalInvalidationLog } from './invalidation-log';
import { createParsePool, type ParsePoolOptions } from './parse-pool';
import { LocalPipeline } from './pipeline';
import { findUnpublishedUploads } from './reconcile';
import { routeUploadEvents } from './router';
import { localEditorStatus } from './editor-status-html';
import { LocalRepublisher } from './republish';
import { republishControl } from './republish-control';
import { TimerScheduler } from './schedule-timers';
import { startLocalS3, type LocalS3 } from './s3server';
import { uploadFiles, type FileUpload, type UploadedFile } from './upload';

/** Marks a site bucket as seeded, so deleting the samples does not bring them back on restart. */
export const SEED_MARKER = `${PRIVATE_PREFIX}local-seed.json`;

export interface StackOptions {
  /** Dev server port (0: any free port). */
  port: number;
  /** Local S3 API port (0: any free port). */
  s3Port: number;
  /** Objects of both buckets are kept under it (dataDir/s3). */
  dataDir: string;
  /** Holds site.json and the sample uploads. */
  contentDir: string;
  /** A core other than the default (tests' stub core): it cannot cross into a worker thread, so its
   * parses run in this thread unless parsePool names a worker module. */
  core?: PublishCore;
  logger?: Logger;
  /** Wait for the seed (and the uploads found unpublished at start) to be published before returning (default true). */
  awaitSeed?: boolean;
  /** On close, how long queued uploads may take to publish before the rest is left for the next start (default 10 s). */
  drainTimeoutMs?: number;
  /** The ingest stage's worker threads (size, parse deadline; tests pass a slow parser module). */
  parsePool?: ParsePoolOptions;
  /** The clock of both stages (tests inject one; scheduled publishing and date plausibility measure against it). */
  now?: () => Date;
  /** Held-article skew (default two minutes); tests shorten it to publish a held article within seconds. */
  scheduleSkewMs?: number;
}

export interface LocalStack {
  urls: { site: string; s3: string; status: string; feeds: string[] };
  s3: LocalS3;
  /** Both stages: ingest (parallel, worker threads) then publish (FIFO, single writer). */
  queue: LocalPipeline;
  devServer: DevServer;
  site: SiteConfig;
  /** Files uploaded from contentDir on this start (empty when the data dir was seeded before). */
  seeded: UploadedFile[];
  /** Upload keys queued at start because the site had not taken in their last change (see reconcile.ts). */
  reconciled: string[];
  /** Uploads given up on after retries, shown on /status/ until published again. */
  failed: FailedUploads;
  /** Timers that re-send held (future-dated) articles at their time. */
  scheduler: TimerScheduler;
  /** What AWS would be asked to invalidate on CloudFront (image takedowns), logged to dataDir/cdn-invalidations.jsonl. */
  cdn: LocalInvalidationLog;
  /** `feedpub republish` runs here (POST /_feedpub/republish on the site server). */
  republisher: LocalRepublisher;
  close(): Promise<void>;
}

/** content/ as uploads, the way `feedpub build` reads it: dates.json entries become the `date` metadata. */
async function seedFiles(contentDir: string): Promise<FileUpload[]> {
  const dates = await loadDates(contentDir);
  return (await listContentKeys(contentDir)).map((key) => {
    const date = dates.get(key) ?? dates.get(key.slice(key.lastIndexOf('/') + 1));
    return { path: join(contentDir, ...key.split('/')), key, ...(date !== undefined && { metadata: { date } }) };
  });
}

export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  const configured = await loadSiteConfig(options.contentDir);
  const s3 = await startLocalS3({ port: options.s3Port, dataDir: join(options.dataDir, 's3') });
  const closers: Array<() => Promise<void> | void> = [() => s3.close()];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    const failed = new FailedUploads();
    let republisher: LocalRepublisher | undefined;
    const devServer = await startDevServer({
      store: s3.siteStore,
      port: options.port,
      statusNotice: async ({ loopback }) => {
        const notices = [failed.noticeHtml(), loopback ? await localEditorStatus(s3.siteStore) : undefined].filter((n) => n !== undefined);
        return notices.length > 0 ? notices.join('\n') : undefined;
      },
      control: (req, res, pathname) => (republisher ? republishControl(republisher)(req, res, pathname) : Promise.resolve(false)),
    });
    closers.push(() => devServer.close());
    // Links in the pages must point at this server, whatever port it got.
    const site: SiteConfig = { ...configured, baseUrl: devServer.url };
    const logger = options.logger ?? new Logger({ serviceName: 'feedpub-publish' });
    // At its time a held key goes through both stages again, as EventBridge Scheduler sends it in AWS.
    let queue: LocalPipeline | undefined;
    const scheduler = new TimerScheduler({
      fire: (key) => queue?.enqueue(s3NotificationBody({ bucket: s3.uploadsBucket, key, eventName: 'ObjectCreated:Put' })),
      ...(options.now && { now: options.now }),
    });
    closers.push(() => scheduler.close());
    const cdn = new LocalInvalidationLog(join(options.dataDir, 'cdn-invalidations.jsonl'), options.now);
    const handler = createPublishHandler({
      uploads: s3.uploads,
      siteStore: s3.siteStore,
      uploadsBucket: s3.uploadsBucket,
      config: site,
      core: options.core ?? defaultCore,
      logger,
      metrics: new Metrics({ namespace: 'feedpub', serviceName: 'feedpub-publish' }),
      scheduler,
      cdn,
      ...(options.now && { now: options.now }),
      ...(options.scheduleSkewMs !== undefined && { scheduleSkewMs: options.scheduleSkewMs }),
      onRepublishChunk: async (chunk, report) => republisher?.chunkDone(chunk, report),
      onRepublishChunkFailed: async (chunk, reason) => republisher?.chunkFailed(chunk, reason),
    });
    const pool = options.core && !options.parsePool ? undefined : createParsePool(options.parsePool);
    if (pool) closers.push(() => pool.close());
    queue = new LocalPipeline({
      uploads: s3.uploads,
      siteStore: s3.siteStore,
      uploadsBucket: s3.uploadsBucket,
      config: site,
      core: options.core ?? defaultCore,
      publish: failed.clearingOnSuccess(handler),
      parse: pool ? pool.parse : inThreadParser(options.core ?? defaultCore),
      logger,
      publishQueue: { batchWindowMs: 20 },
      ...(options.now && { now: options.now }),
      // In AWS the message would wait in the DLQ for a redrive; locally, re-upload the key to retry.
      onDeadLetter: (letter) => {
        republisher?.deadLettered(letter.body, letter.reason);
        failed.add(letter);
        logger.error('dead-lettered after retries; upload the file again to retry', {
          keys: notificationKeys(letter.body),
          receiveCount: letter.receiveCount,
          reason: letter.reason,
        });
      },
    });
    const pipeline = queue;
    const localRepublisher = new LocalRepublisher({
      uploads: s3.uploads,
      siteStore: s3.siteStore,
      config: site,
      core: options.core ?? defaultCore,
      ...(pool ? { parse: pool.parse } : { parse: inThreadParser(options.core ?? defaultCore) }),
      ...(options.now && { now: options.now }),
      enqueue: (body) => pipeline.publish.enqueue(body),
    });
    republisher = localRepublisher;
    closers.push(() => localRepublisher.close());
    closers.push(async () => {
      const left = await pipeline.close(options.drainTimeoutMs !== undefined ? { timeoutMs: options.drainTimeoutMs } : {});
      if (left > 0) logger.warn('stopped with uploads still queued; they are published at the next start', { queued: left });
    });
    closers.push(routeUploadEvents(s3, pipeline));
    // Timers died with the last run: re-arm the holds it left (a due one fires at once).
    const headObject = await s3.siteStore.get(HEAD_KEY);
    const held = headObject ? ((JSON.parse(Buffer.from(headObject.bytes).toString('utf8')) as HeadManifest).scheduled ?? []) : [];
    for (const entry of held) await scheduler.schedule(entry.key, entry.at);

    let seeded: UploadedFile[] = [];
    const reconciled: string[] = [];
    if (await s3.siteStore.get(SEED_MARKER)) {
      // Events still queued when the last run stopped were lost with it: find those uploads again.
      const { changed, removed } = await findUnpublishedUploads(s3.uploads, s3.siteStore, (options.core ?? defaultCore).isImageKey);
      for (const [keys, eventName] of [
        [changed, 'ObjectCreated:Put'],
        [removed, 'ObjectRemoved:Delete'],
      ] as const) {
        for (const key of keys) pipeline.enqueue(s3NotificationBody({ bucket: s3.uploadsBucket, key, eventName }));
        reconciled.push(...keys);
      }
    } else {
      seeded = await uploadFiles(s3.uploads, await seedFiles(options.contentDir));
      await s3.siteStore.put(SEED_MARKER, JSON.stringify({ from: options.contentDir, keys: seeded.map((f) => f.key) }), {
        contentType: OUTPUTS.privateRecord.contentType,
      });
    }
    if (options.awaitSeed !== false) await pipeline.drain();

    return {
      urls: {
        site: `${devServer.url}/`,
        s3: s3.endpoint.replace('127.0.0.1', 'localhost'),
        status: `${devServer.url}/status/`,
        feeds: HEAD_FEED_PATHS.map((f) => `${devServer.url}/${f}`),
      },
      s3,
      queue: pipeline,
      devServer,
      site,
      seeded,
      reconciled,
      failed,
      scheduler,
      cdn,
      republisher: localRepublisher,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
