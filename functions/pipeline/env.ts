// The publish handler's configuration, read from its environment (set by the CDK stack).
import type { Result, SiteConfig } from '../core/model';
import { parseSiteConfig } from '../core/site';

export interface PublishEnv {
  uploadsBucket: string;
  siteBucket: string;
  site: SiteConfig;
  distributionId?: string;
  /** Local S3 API endpoint (s3rver), for running the handler outside AWS. */
  s3Endpoint?: string;
}

export function publishEnv(env: Record<string, string | undefined>): Result<PublishEnv, string> {
  const uploadsBucket = env.UPLOADS_BUCKET;
  const siteBucket = env.SITE_BUCKET;
  if (!uploadsBucket || !siteBucket) return { ok: false, error: 'UPLOADS_BUCKET and SITE_BUCKET must be set' };
  let raw: unknown = {};
  if (env.SITE_CONFIG) {
    try {
      raw = JSON.parse(env.SITE_CONFIG);
    } catch {
      return { ok: false, error: 'SITE_CONFIG is not valid JSON (it should hold content/site.json)' };
    }
  }
  // The deployed domain is only known to the stack; it wins over the one in site.json.
  const withBase = env.BASE_URL && raw && typeof raw === 'object' ? { ...(raw as object), baseUrl: env.BASE_URL } : raw;
  const site = parseSiteConfig(withBase);
  if (!site.ok) return site;
  return {
    ok: true,
    value: {
      uploadsBucket,
      siteBucket,
      site: site.value,
      ...(env.DISTRIBUTION_ID && { distributionId: env.DISTRIBUTION_ID }),
      ...(env.S3_ENDPOINT && { s3Endpoint: env.S3_ENDPOINT }),
    },
  };
}
