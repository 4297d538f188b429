// s3rver object events -> S3-encoded notification bodies -> the ingest queue, as S3 -> SQS does in
// production: only the uploads bucket, one message per object event, keys URL-encoded.
import { s3NotificationBody } from '../pipeline/events';
import type { LocalS3 } from './s3server';

/** Where the router sends notifications: the ingest queue (or a whole local pipeline). */
export interface NotificationSink {
  enqueue(body: string): string;
}

/** Starts routing; returns the function that stops it. */
export function routeUploadEvents(s3: LocalS3, queue: NotificationSink): () => void {
  return s3.onEvent((record) => {
    if (record.s3.bucket.name !== s3.uploadsBucket) return;
    const { key, size, eTag, sequencer } = record.s3.object;
    queue.enqueue(
      s3NotificationBody({
        bucket: record.s3.bucket.name,
        key,
        eventName: record.eventName,
        eventTime: record.eventTime,
        ...(size !== undefined && { size }),
        ...(eTag !== undefined && { etag: eTag }),
        ...(sequencer !== undefined && { sequencer }),
      }),
    );
  });
}
