import { DEFAULT_SITE, type Result, type SiteConfig } from './model';
import { isTimeZone } from './timezone';

/**
 * The one site.json loader: its text (`source` names it in errors: a path, or SITE_CONFIG), `overrides`
 * over it (values only the deploy knows: the distribution's URL, cdk context), validated with defaults.
 * The build, `feedpub parse` and `feedpub credit` (through functions/folder-build/site-config.ts, which reads
 * the file), the pipeline's environment and the CDK app all go through it or siteConfigFrom.
 */
export function siteConfigFromText(text: string, source: string, overrides: Readonly<Record<string, unknown>> = {}): Result<SiteConfig, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `${source} is not valid JSON: ${(error as Error).message}` };
  }
  const site = siteConfigFrom(raw, overrides);
  return site.ok ? site : { ok: false, error: `${source}: ${site.error}` };
}

/** siteConfigFromText for JSON already parsed (the CDK app's options, tests): `overrides` over it, validated. */
export function siteConfigFrom(raw: unknown, overrides: Readonly<Record<string, unknown>> = {}): Result<SiteConfig, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'site config must be a JSON object' };
  return parseSiteConfig({ ...raw, ...overrides });
}

/** Validates site.json and fills defaults; a bad value is an error naming the field, not a crash. */
export function parseSiteConfig(input: unknown): Result<SiteConfig, string> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: 'site config must be a JSON object' };
  }
  const raw = input as Record<string, unknown>;
  const site: SiteConfig = {
    ...DEFAULT_SITE,
    ...raw,
    creditStyle: { ...DEFAULT_SITE.creditStyle, ...(raw.creditStyle as object | undefined) },
  } as SiteConfig;
  for (const field of ['title', 'baseUrl', 'description', 'language', 'defaultAuthor'] as const) {
    if (typeof site[field] !== 'string' || site[field].trim() === '') {
      return { ok: false, error: `site config: "${field}" must be a non-empty string` };
    }
  }
  let base: URL;
  try {
    base = new URL(site.baseUrl);
  } catch {
    return { ok: false, error: `site config: "baseUrl" is not an absolute URL: ${site.baseUrl}` };
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    return { ok: false, error: `site config: "baseUrl" must be http(s): ${site.baseUrl}` };
  }
  site.baseUrl = site.baseUrl.replace(/\/+$/, '');
  if (!Number.isInteger(site.feedSize) || site.feedSize < 1 || site.feedSize > 1000) {
    return { ok: false, error: 'site config: "feedSize" must be an integer from 1 to 1000' };
  }
  if (!Number.isInteger(site.maxUploadBytes) || site.maxUploadBytes < 1) {
    return { ok: false, error: 'site config: "maxUploadBytes" must be a positive integer' };
  }
  for (const field of ['itemContentBytes', 'headFeedBytes'] as const) {
    // Below 4 KB a cut item or a summary-only feed cannot carry even its own link and summaries.
    if (!Number.isInteger(site[field]) || site[field] < 4096) {
      return { ok: false, error: `site config: "${field}" must be an integer of at least 4096 (bytes)` };
    }
  }
  if (!Number.isInteger(site.maxImageBytes) || site.maxImageBytes < 1) {
    return { ok: false, error: 'site config: "maxImageBytes" must be a positive integer' };
  }
  if (typeof site.repairFusedWords !== 'boolean') {
    return { ok: false, error: 'site config: "repairFusedWords" must be true or false' };
  }
  if (typeof site.creditStyle.format !== 'string' || !site.creditStyle.format.includes('{')) {
    return { ok: false, error: 'site config: "creditStyle.format" must be a template like "{photographer}/{agency}"' };
  }
  if (typeof site.timeZone !== 'string' || !isTimeZone(site.timeZone)) {
    return { ok: false, error: `site config: "timeZone" must be an IANA time zone such as "Australia/Sydney": ${String(site.timeZone)}` };
  }
  for (const field of ['icon', 'websubHub'] as const) {
    const value = site[field];
    if (value !== undefined && !URL.canParse(value)) {
      return { ok: false, error: `site config: "${field}" is not an absolute URL: ${value}` };
    }
  }
  return { ok: true, value: site };
}

/** Absolute URL of a site path ("articles/x/" -> "https://site/articles/x/"). */
export function siteUrl(site: SiteConfig, path: string): string {
  return `${site.baseUrl}/${path.replace(/^\/+/, '')}`;
}

export function articlePath(slug: string): string {
  return `articles/${slug}/`;
}
