// A real local S3 API (s3rver) with the feedpub buckets, kept on disk under dataDir. `npm start`
// and the tests start it the same way; the router turns its object events into queue messages.
import type { S3Client } from '@aws-sdk/client-s3';
import type { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { createS3Client, S3ObjectStore } from '../store/s3';

export const UPLOADS_BUCKET = 'feedpub-uploads';
export const SITE_BUCKET = 'feedpub-site';

/** One object event as s3rver emits it: keys raw (not URL-encoded as real S3 sends them). */
export interface S3rverEventRecord {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } };
}

/**
 * s3rver knows one access key ("S3RVER") and rejects the rest with InvalidAccessKeyId. Any
 * credentials should do locally (`aws s3 cp` with whatever profile is set), so unknown key ids are
 * mapped to its one account; SigV4 signatures are not checked by s3rver, SigV2 ones are let through
 * by allowMismatchedSignatures below.
 */
function acceptAnyAccessKey(): void {
  const { registry, DUMMY_ACCOUNT } = createRequire(import.meta.url)('s3rver/lib/models/account') as {
    registry: Map<string, unknown>;
    DUMMY_ACCOUNT: unknown;
  };
  registry.get = (id: string) => Map.prototype.get.call(registry, id) ?? DUMMY_ACCOUNT;
}

/** The parts of s3rver's Koa app and request context used below (its typings omit them). */
interface S3rverApp {
  middleware: Array<(ctx: S3rverContext, next: () => Promise<void>) => Promise<void>>;
  emit(event: 'event', payload: unknown): boolean;
}
interface S3rverContext {
  method: string;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  ip: string;
  store: S3rverStore;
}
interface S3rverStore {
  deleteObject(bucket: string, key: string): Promise<void>;
  existsObject(bucket: string, key: string): Promise<boolean>;
}

/**
 * s3rver's deleteObject removes the object's files, then the folders left empty. Two deletes in one
 * folder at once (a multi-delete runs its keys in parallel) race on that cleanup: the loser's rmdir
 * or readdir fails with ENOENT/ENOTEMPTY after its object is gone, the request fails, the client's
 * retry finds nothing to delete, and no event is ever sent. A failed cleanup is not a failed delete.
 */
function tolerateFolderCleanupRace(store: S3rverStore): void {
  const deleteObject = store.deleteObject.bind(store);
  store.deleteObject = async (bucket, key) => {
    try {
      await deleteObject(bucket, key);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code === 'ENOENT' || code === 'ENOTEMPTY') && !(await store.existsObject(bucket, key))) return;
      throw error;
    }
  };
}

/**
 * s3rver emits ObjectRemoved:Delete for DELETE Object but nothing for Multi-Object Delete (POST
 * ?delete: `aws s3 rm --recursive`, `aws s3 sync --delete`, DeleteObjectsCommand), so those deletes
 * would never unpublish. S3 notifies each key a multi-delete removes; this does the same, for the
 * keys s3rver actually deleted, with s3rver's own event model (as its single delete does).
 */
function emitMultiDeleteEvents(app: S3rverApp): void {
  const S3Event = createRequire(import.meta.url)('s3rver/lib/models/event') as new (
    data: { bucket: string; eventType: 'Delete'; S3Item: { key: string } },
    request: { reqHeaders: unknown; sourceIp: string },
  ) => unknown;
  // First in the chain, so the request's store is the recording one before any route runs.
  app.middleware.unshift(async (ctx, next) => {
    if (ctx.method !== 'POST' || !('delete' in ctx.query)) return next();
    const store = ctx.store;
    const deleted: Array<{ bucket: string; key: string }> = [];
    ctx.store = Object.assign(Object.create(store) as S3rverStore, {
      async deleteObject(bucket: string, key: string) {
        await store.deleteObject(bucket, key);
        deleted.push({ bucket, key });
      },
    });
    try {
      await next();
    } finally {
      for (const { bucket, key } of deleted) {
        app.emit('event', new S3Event({ bucket, eventType: 'Delete', S3Item: { key } }, { reqHeaders: ctx.headers, sourceIp: ctx.ip }));
      }
    }
  });
}

export interface LocalS3Options {
  /** 0 picks a free port. */
  port: number;
  /** Where objects are kept; survives restarts. */
  dataDir: string;
  address?: string;
  buckets?: { uploads: string; site: string };
  /** SDK attempts per call for the returned client. */
  maxAttempts?: number;
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  client: S3Client;
  uploadsBucket: string;
  siteBucket: string;
  uploads: S3ObjectStore;
  site: S3ObjectStore;
  /** Subscribes to every object event (all buckets); returns the unsubscribe function. */
  onEvent(listener: (record: S3rverEventRecord) => void): () => void;
  close(): Promise<void>;
}

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const buckets = options.buckets ?? { uploads: UPLOADS_BUCKET, site: SITE_BUCKET };
  await mkdir(options.dataDir, { recursive: true });
  acceptAnyAccessKey();
  const address = options.address ?? '127.0.0.1';
  const server = new S3rver({
    port: options.port,
    address,
    silent: true,
    allowMismatchedSignatures: true,
    directory: options.dataDir,
    // Creates the buckets when missing; existing objects are kept.
    configureBuckets: [
      { name: buckets.uploads, configs: [] },
      { name: buckets.site, configs: [] },
    ],
  });
  tolerateFolderCleanupRace((server as unknown as { store: S3rverStore }).store);
  emitMultiDeleteEvents(server as unknown as S3rverApp);
  const bound = (await server.run()) as AddressInfo;
  const endpoint = `http://${address}:${bound.port}`;
  const client = createS3Client({ endpoint, ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }) });
  // s3rver is a Koa app (an EventEmitter); its typings omit that.
  const emitter = server as unknown as EventEmitter;
  return {
    endpoint,
    port: bound.port,
    client,
    uploadsBucket: buckets.uploads,
    siteBucket: buckets.site,
    uploads: new S3ObjectStore(client, buckets.uploads),
    site: new S3ObjectStore(client, buckets.site),
    onEvent(listener) {
      const forEach = (event: { Records: S3rverEventRecord[] }) => {
        for (const record of event.Records) listener(record);
      };
      emitter.on('event', forEach);
      return () => emitter.off('event', forEach);
    },
    async close() {
      client.destroy();
      await server.close();
    },
  };
}
