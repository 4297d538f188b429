// Lambda entry: SQS (FIFO, one message group) batches of S3 upload events -> publish into the site
// bucket. Configuration comes from the environment set by the stack; a bad one fails the init
// with the reason, instead of failing every message later.
import { publishEnv } from '../pipeline/env';
import { defaultCore } from '../pipeline/default-core';
import { createPublishHandler, type PublishHandler } from '../pipeline/lambda';
import { recordChunkFailure, recordChunkReport } from '../pipeline/republish-steps';
import { AwsScheduler } from '../pipeline/scheduler-aws';
import { createS3Client, S3ObjectStore } from '../store/s3';

const env = publishEnv(process.env);
if (!env.ok) throw new Error(`feedpub publish handler: ${env.error}`);
const { uploadsBucket, siteBucket, site, distributionId, s3Endpoint, schedule } = env.value;
const s3 = createS3Client(s3Endpoint ? { endpoint: s3Endpoint } : {});

// The CloudFront client is only loaded when a distribution is configured.
async function build(): Promise<PublishHandler> {
  const cloudFront = distributionId
    ? { client: new (await import('@aws-sdk/client-cloudfront')).CloudFrontClient({}), distributionId }
    : undefined;
  // Without a schedule group (a handler run outside the stack), held articles wait for their next event.
  const scheduler = schedule
    ? new AwsScheduler({ client: new (await import('@aws-sdk/client-scheduler')).SchedulerClient({}), uploadsBucket, ...schedule })
    : undefined;
  // A republish chunk carries its Step Functions task token, answered once the chunk is committed;
  // the Step Functions client is loaded on the first chunk only.
  let sfn: import('@aws-sdk/client-sfn').SFNClient | undefined;
  const siteStore = new S3ObjectStore(s3, siteBucket);
  return createPublishHandler({
    onRepublishChunk: async (chunk, report) => {
      if (!chunk.taskToken) return;
      // Before the answer: the run's Finish step counts committed chunks from these records.
      await recordChunkReport(siteStore, report);
      const { SFNClient, SendTaskSuccessCommand } = await import('@aws-sdk/client-sfn');
      sfn ??= new SFNClient({});
      await sfn.send(new SendTaskSuccessCommand({ taskToken: chunk.taskToken, output: JSON.stringify(report) }));
    },
    onRepublishChunkFailed: async (chunk, reason) => {
      if (chunk.taskToken) await recordChunkFailure(siteStore, chunk, reason);
    },
    uploads: new S3ObjectStore(s3, uploadsBucket),
    siteStore,
    uploadsBucket,
    config: site,
    core: defaultCore,
    ...(cloudFront && { cloudFront }),
    ...(scheduler && { scheduler }),
  });
}

let ready: Promise<PublishHandler> | undefined;

export const handler: PublishHandler = async (event, context) => {
  // A failed build is not cached: the next invocation tries again.
  ready ??= build().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return (await ready)(event, context);
};
