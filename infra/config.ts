// The stack's configuration: cdk.json context (or `-c name=value`) over content/site.json.
// Every bad value is an error naming the context key, so `cdk synth` stops before deploying it.
import type { Result, SiteConfig } from '../functions/core/model';
import { siteConfigFrom } from '../functions/core/site';

export interface StackConfig {
  /** Names the stack `feedpub-<stage>`. */
  stage: string;
  /** Custom domain served by CloudFront; requires certificateArn. */
  domainName?: string;
  /** ACM certificate for domainName; CloudFront only accepts certificates from us-east-1. */
  certificateArn?: string;
  /** Domains the site moved from: still served by the distribution (the certificate must cover them), each a 301 to domainName. */
  previousDomainNames: string[];
  /** Subscribed to the alarm topic when set. */
  alarmEmail?: string;
  /** The function invalidates changed paths in CloudFront (billed per path past 1,000 a month). */
  cdnInvalidation: boolean;
  /** content/site.json with the context overrides (feedSize, websubHub, baseUrl for a custom domain). */
  site: SiteConfig;
}

/** The context keys this app reads; anything else in cdk.json is CDK's own. */
export const CONTEXT_KEYS = ['stage', 'domainName', 'certificateArn', 'previousDomainNames', 'feedSize', 'websubHub', 'alarmEmail', 'cdnInvalidation'] as const;

type ContextReader = (key: (typeof CONTEXT_KEYS)[number]) => unknown;

// `-c key=value` always arrives as a string; cdk.json may hold numbers. Empty means unset.
function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

const STAGE = /^[a-z][a-z0-9-]{0,19}$/;
// A hostname of dot-separated labels; CloudFront wants it without scheme, port or path.
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function stackConfig(context: ContextReader, siteJson: unknown): Result<StackConfig, string> {
  const stage = text(context('stage')) ?? 'dev';
  if (!STAGE.test(stage)) {
    return { ok: false, error: `context "stage" must be lower-case letters, digits and "-", starting with a letter (at most 20): ${stage}` };
  }
  const domainName = text(context('domainName'))?.toLowerCase();
  const certificateArn = text(context('certificateArn'));
  if (domainName !== undefined && !DOMAIN.test(domainName)) {
    return { ok: false, error: `context "domainName" must be a host name like news.example.com (no scheme or path): ${domainName}` };
  }
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    return { ok: false, error: 'context "domainName" and "certificateArn" go together: set both or neither' };
  }
  if (certificateArn !== undefined && !CERTIFICATE_ARN.test(certificateArn)) {
    return { ok: false, error: `context "certificateArn" must be an ACM certificate ARN in us-east-1 (CloudFront requires that region): ${certificateArn}` };
  }
  const previousDomainNames = (text(context('previousDomainNames')) ?? '').split(',').map((d) => d.trim().toLowerCase()).filter((d) => d !== '');
  for (const previous of previousDomainNames) {
    if (!DOMAIN.test(previous)) return { ok: false, error: `context "previousDomainNames" must be host names separated by commas: ${previous}` };
  }
  if (previousDomainNames.length > 0 && domainName === undefined) {
    return { ok: false, error: 'context "previousDomainNames" needs "domainName": the domain they redirect to' };
  }
  if (domainName !== undefined && previousDomainNames.includes(domainName)) {
    return { ok: false, error: `context "previousDomainNames" cannot hold the current domain ${domainName}` };
  }
  const alarmEmail = text(context('alarmEmail'));
  if (alarmEmail !== undefined && !EMAIL.test(alarmEmail)) {
    return { ok: false, error: `context "alarmEmail" is not an email address: ${alarmEmail}` };
  }

  const invalidation = text(context('cdnInvalidation'))?.toLowerCase() ?? 'true';
  if (invalidation !== 'true' && invalidation !== 'false') {
    return { ok: false, error: `context "cdnInvalidation" must be true or false: ${invalidation}` };
  }

  const overrides: Record<string, unknown> = {};
  const feedSize = text(context('feedSize'));
  if (feedSize !== undefined) overrides.feedSize = Number(feedSize);
  const websubHub = text(context('websubHub'));
  if (websubHub !== undefined) overrides.websubHub = websubHub;
  // Without a custom domain the URL is the distribution's, known only at deploy time: the
  // function gets it as BASE_URL, which wins over site.json's baseUrl (functions/pipeline/env.ts).
  if (domainName !== undefined) overrides.baseUrl = `https://${domainName}`;
  const site = siteConfigFrom(siteJson, overrides);
  if (!site.ok) return { ok: false, error: `${site.error} (content/site.json with cdk context overrides)` };

  return {
    ok: true,
    value: {
      stage,
      site: site.value,
      cdnInvalidation: invalidation === 'true',
      previousDomainNames,
      ...(domainName !== undefined && { domainName }),
      ...(certificateArn !== undefined && { certificateArn }),
      ...(alarmEmail !== undefined && { alarmEmail }),
    },
  };
}
