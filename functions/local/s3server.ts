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
