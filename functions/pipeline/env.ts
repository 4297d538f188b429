// The publish handler's configuration, read from its environment (set by the CDK stack).
import type { Result, SiteConfig } from '../core/model';
import { siteConfigFrom, siteConfigFromText } from '../core/site';

export interface PublishEnv {
  uploadsBucket: string;
  siteBucket: string;
  site: SiteConfig;
  distributionId?: string;
  /** Local S3 API endpoint (s3rver), for running the handler outside AWS. */
  s3Endpoint?: string;
  /** EventBridge Scheduler for held articles: all three or none. */
  schedule?: { groupName: string; targetArn: string; roleArn: string };
}

export function publishEnv(env: Record<string, string | undefined>): Result<PublishEnv, string> {
  const uploadsBucket = env.UPLOADS_BUCKET;
  const siteBucket = env.SITE_BUCKET;
  if (!uploadsBucket || !siteBucket) return { ok: false, error: 'UPLOADS_BUCKET and SITE_BUCKET must be set' };
  // The deployed domain is only known to the stack; it wins over the one in site.json.
  const overrides = env.BASE_URL ? { baseUrl: env.BASE_URL } : {};
  // SITE_CONFIG holds content/site.json; without it, the defaults.
  const site = env.SITE_CONFIG ? siteConfigFromText(env.SITE_CONFIG, 'SITE_CONFIG', overrides) : siteConfigFrom({}, overrides);
  if (!site.ok) return site;
  return {
    ok: true,
    value: {
      uploadsBucket,
      siteBucket,
      site: site.value,
      ...(env.DISTRIBUTION_ID && { distributionId: env.DISTRIBUTION_ID }),
      ...(env.S3_ENDPOINT && { s3Endpoint: env.S3_ENDPOINT }),
      ...(env.SCHEDULE_GROUP &&
        env.SCHEDULE_TARGET_ARN &&
        env.SCHEDULE_ROLE_ARN && { schedule: { groupName: env.SCHEDULE_GROUP, targetArn: env.SCHEDULE_TARGET_ARN, roleArn: env.SCHEDULE_ROLE_ARN } }),
    },
  };
}

export interface IngestEnv {
  uploadsBucket: string;
  siteBucket: string;
  publishQueueUrl: string;
  site: SiteConfig;
  maxReceiveCount?: number;
  timeoutSeconds?: number;
  s3Endpoint?: string;
}

/** The ingest handler's environment: the publish one plus the FIFO queue it forwards to. */
export function ingestEnv(env: Record<string, string | undefined>): Result<IngestEnv, string> {
  const base = publishEnv(env);
  if (!base.ok) return base;
  if (!env.PUBLISH_QUEUE_URL) return { ok: false, error: 'PUBLISH_QUEUE_URL must be set' };
  const positive = (name: string): number | undefined => {
    const n = Number(env[name]);
    return env[name] !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const maxReceiveCount = positive('INGEST_MAX_RECEIVE_COUNT');
  const timeoutSeconds = positive('INGEST_TIMEOUT_SECONDS');
  return {
    ok: true,
    value: {
      uploadsBucket: base.value.uploadsBucket,
      siteBucket: base.value.siteBucket,
      site: base.value.site,
      publishQueueUrl: env.PUBLISH_QUEUE_URL,
      ...(maxReceiveCount !== undefined && { maxReceiveCount }),
      ...(timeoutSeconds !== undefined && { timeoutSeconds }),
      ...(base.value.s3Endpoint && { s3Endpoint: base.value.s3Endpoint }),
    },
  };
}
