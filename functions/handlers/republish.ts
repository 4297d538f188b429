// Lambda entries of the republish state machine (infra/republish.ts): one bundle, four handlers.
// Thin: configuration from the environment the stack sets, the work in pipeline/republish-steps.ts.
import { defaultCore } from '../pipeline/default-core';
import { publishEnv } from '../pipeline/env';
import { finishRun, ingestBatch, planChunks, type ListedObject } from '../pipeline/republish-steps';
import { pingHub } from '../pipeline/websub';
import { sweepPreparedRecords } from '../pipeline/prepared-sweep';
import { siteUrl } from '../core/site';
import { isUploadKey } from '../core/upload-keys';
import { HEAD_FEED_PATHS } from '../core/outputs/formats';
import { createS3Client, S3ObjectStore } from '../store/s3';

const env = publishEnv(process.env);
if (!env.ok) throw new Error(`feedpub republish handler: ${env.error}`);
const { uploadsBucket, siteBucket, site, distributionId, s3Endpoint } = env.value;
// S3_ENDPOINT (the local S3 server) as for the live handlers: the state machine's test runs these.
const s3 = createS3Client(s3Endpoint ? { endpoint: s3Endpoint } : {});
const uploads = new S3ObjectStore(s3, uploadsBucket);
const siteStore = new S3ObjectStore(s3, siteBucket);
const chunkSize = Number(process.env.REPUBLISH_CHUNK_SIZE) || 200;

export const ingestHandler = async (event: { Items?: ListedObject[] }) =>
  ingestBatch({ uploads, records: siteStore, config: site, core: defaultCore }, event.Items ?? [], isUploadKey);

/** Between the ingest map and the plan: deletes prepared records of superseded versions (prepared-sweep.ts). */
export const sweepHandler = async () => sweepPreparedRecords({ uploads, records: siteStore, config: site, core: defaultCore });

export const planHandler = async (event: { run: string }) => planChunks(uploads, siteStore, defaultCore.isImageKey, isUploadKey, event.run, chunkSize);

export const finishHandler = async (event: { run: string; ingestResults?: string; error?: string }) => {
  const report = await finishRun(siteStore, event);
  // One invalidation of everything (one billed path) and one hub ping for the whole run.
  if (distributionId && report.replacedCached) {
    const { CloudFrontClient, CreateInvalidationCommand } = await import('@aws-sdk/client-cloudfront');
    await new CloudFrontClient({}).send(
      new CreateInvalidationCommand({ DistributionId: distributionId, InvalidationBatch: { CallerReference: `feedpub-republish-${event.run}`, Paths: { Quantity: 1, Items: ['/*'] } } }),
    );
  }
  if (site.websubHub && report.feedsChanged) await pingHub(site.websubHub, HEAD_FEED_PATHS.map((p) => siteUrl(site, p)));
  return report;
};
