// s3rver object events -> S3-encoded notification bodies -> the FIFO queue, as S3 -> SQS does in
// production: only the uploads bucket, one message per object event, keys URL-encoded.
import { s3NotificationBody } from '../pipeline/events';
import type { LocalFifoQueue } from '../pipeline/queue';
import type { LocalS3 } from './s3server';

/** Starts routing; returns the function that stops it. */
export function routeUploadEvents(s3: LocalS3, queue: LocalFifoQueue): () => void {
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
