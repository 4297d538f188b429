// Lambda entry: standard-queue S3 events, one per invocation -> the prepared record of the upload's
// current version in the site bucket (_feedpub/prepared/ only) -> the event forwarded to the FIFO
// publish queue. A bad configuration fails the init with the reason.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { defaultCore } from '../pipeline/default-core';
import { ingestEnv } from '../pipeline/env';
import { createIngestHandler } from '../pipeline/ingest-lambda';
import { createS3Client, S3ObjectStore } from '../store/s3';

const env = ingestEnv(process.env);
if (!env.ok) throw new Error(`feedpub ingest handler: ${env.error}`);
const { uploadsBucket, siteBucket, site, publishQueueUrl, maxReceiveCount, timeoutSeconds, s3Endpoint } = env.value;
const s3 = createS3Client(s3Endpoint ? { endpoint: s3Endpoint } : {});
const sqs = new SQSClient({});
/** The one message group of the publish queue: one batch at a time, the single writer. */
const MESSAGE_GROUP_ID = 'feedpub';

let current: SQSEvent | undefined;
const ingest = createIngestHandler({
  uploads: new S3ObjectStore(s3, uploadsBucket),
  records: new S3ObjectStore(s3, siteBucket),
  config: site,
  core: defaultCore,
  uploadsBucket,
  ...(maxReceiveCount !== undefined && { maxReceiveCount }),
  ...(timeoutSeconds !== undefined && { timeoutSeconds }),
  sendToPublish: async (body) => {
    // Batch size 1: the message being handled. Its id deduplicates a resend after a retried ingest.
    const messageId = current?.Records[0]?.messageId ?? createHash('sha256').update(body).digest('hex');
    await sqs.send(new SendMessageCommand({ QueueUrl: publishQueueUrl, MessageBody: body, MessageGroupId: MESSAGE_GROUP_ID, MessageDeduplicationId: messageId }));
  },
});

export const handler = async (event: SQSEvent) => {
  current = event;
  return ingest(event);
};
