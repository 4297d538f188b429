// Test helper: a real local S3 API (s3rver) on a random port with both buckets, and an S3 event
// router into the local FIFO queue, shaped the way production delivers events to the handler.
import type { S3Client } from '@aws-sdk/client-s3';
import type { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { s3NotificationBody } from '../../functions/pipeline/events';
import type { LocalFifoQueue } from '../../functions/pipeline/queue';
import { createS3Client, S3ObjectStore } from '../../functions/store/s3';

export const UPLOADS = 'feedpub-uploads';
export const SITE = 'feedpub-site';

export interface LocalS3 {
  endpoint: string;
  client: S3Client;
  uploads: S3ObjectStore;
  site: S3ObjectStore;
  /** Routes object events of the uploads bucket into the queue (S3-encoded keys). */
  routeTo(queue: LocalFifoQueue): void;
  close(): Promise<void>;
}

interface S3rverEvent {
  Records: { eventName: string; eventTime: string; s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } } }[];
}

export async function startLocalS3(): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'feedpub-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: UPLOADS, configs: [] }, { name: SITE, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = createS3Client({ endpoint, maxAttempts: 3 });
  return {
    endpoint,
    client,
    uploads: new S3ObjectStore(client, UPLOADS),
    site: new S3ObjectStore(client, SITE),
    routeTo(queue) {
      // s3rver is a Koa app (an EventEmitter); its typings omit that.
      (server as unknown as EventEmitter).on('event', (event: S3rverEvent) => {
        for (const r of event.Records) {
          if (r.s3.bucket.name !== UPLOADS) continue;
          queue.enqueue(
            s3NotificationBody({
              bucket: r.s3.bucket.name,
              key: r.s3.object.key,
              eventName: r.eventName,
              eventTime: r.eventTime,
              ...(r.s3.object.size !== undefined && { size: r.s3.object.size }),
              ...(r.s3.object.eTag !== undefined && { etag: r.s3.object.eTag }),
            }),
          );
        }
      });
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
