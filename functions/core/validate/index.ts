// Validates a built site as a whole: each feed on its own (well-formed, required elements, dates, schema,
// unique ids, absolute URLs), then the links between files. Pure: the caller reads the files.
import { checkAtom } from './atom';
import { checkUniqueIds } from './ids';
import { checkInterop } from './interop';
import { checkJsonFeed, isJsonFeed } from './jsonfeed';
import { baseUrlOf, checkSiteLinks } from './links';
import { checkSitemap, checkSitemapLinks, type SitemapSummary } from './sitemaps';
import { checkRss } from './rss';
import { checkAbsoluteUrls } from './urls';
import { readXml } from './xml';
import type { FeedCheck, FeedSummary, Violation } from './types';

export type { Violation } from './types';

export type SiteFiles = Map<string, Uint8Array | string>;

export interface SiteValidation {
  files: number;
  feeds: number;
  items: number;
  violations: Violation[];
}

const XML_FILE = /\.(xml|xsl)$/;

function textOf(body: Uint8Array | string): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

function checkFile(path: string, body: Uint8Array | string): (FeedCheck & { sitemap?: SitemapSummary }) | undefined {
  if (XML_FILE.test(path)) {
    const read = readXml(path, textOf(body));
    if ('violation' in read) return { violations: [read.violation] };
    const sitemap = checkSitemap(path, read.doc, typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    if (sitemap) return { violations: sitemap.violations, sitemap: sitemap.summary };
    const withInterop = (check: FeedCheck): FeedCheck => ({ ...check, violations: [...check.violations, ...checkInterop(path, textOf(body))] });
    if ('rss' in read.doc) return withInterop(checkRss(path, read.doc));
    if ('feed' in read.doc) return withInterop(checkAtom(path, read.doc));
    return undefined;
  }
  if (path.endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textOf(body));
    } catch (error) {
      return { violations: [{ path, rule: 'json-parse', message: `not valid JSON: ${(error as Error).message}` }] };
    }
    return isJsonFeed(parsed) ? checkJsonFeed(path, parsed) : undefined;
  }
  return undefined;
}

/** Every check, with counts for the "ok" line. Violations are sorted by path, then rule. */
export function validateSiteReport(files: SiteFiles): SiteValidation {
  const violations: Violation[] = [];
  const feeds: FeedSummary[] = [];
  const sitemaps: SitemapSummary[] = [];
  for (const [path, body] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const checked = checkFile(path, body);
    if (!checked) continue;
    violations.push(...checked.violations);
    if (checked.sitemap) sitemaps.push(checked.sitemap);
    if (checked.summary) {
      feeds.push(checked.summary);
      violations.push(...checkUniqueIds(checked.summary), ...checkAbsoluteUrls(checked.summary));
    }
  }
  violations.push(...checkSiteLinks(feeds, (path) => files.has(path)));
  violations.push(...checkSitemapLinks(sitemaps, baseUrlOf(feeds), files.keys(), (path) => files.has(path)));
  violations.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { files: files.size, feeds: feeds.length, items: feeds.reduce((n, f) => n + f.items.length, 0), violations };
}

export function validateSite(files: SiteFiles): Violation[] {
  return validateSiteReport(files).violations;
}
