// Test helper: the local S3 API of `npm start` (functions/local) on a random port and a temp
// directory that is removed on close, plus routing into a queue.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeUploadEvents } from '../../functions/local/router';
import { SITE_BUCKET, startLocalS3 as startServer, UPLOADS_BUCKET, type LocalS3 as LocalS3Server } from '../../functions/local/s3server';
import type { NotificationSink } from '../../functions/local/router';

export const UPLOADS = UPLOADS_BUCKET;
export const SITE = SITE_BUCKET;

export interface LocalS3 extends LocalS3Server {
  /** Routes object events of the uploads bucket into the queue (S3-encoded keys). */
  routeTo(queue: NotificationSink): void;
}

export async function startLocalS3(): Promise<LocalS3> {
  const dataDir = await mkdtemp(join(tmpdir(), 'feedpub-s3-'));
  const server = await startServer({ port: 0, dataDir, maxAttempts: 3 });
  return {
    ...server,
    routeTo(queue) {
      routeUploadEvents(server, queue);
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
