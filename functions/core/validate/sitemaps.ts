// Sitemaps (sitemaps.org) and Google News sitemaps: each file within the protocol's limits with the
// fields it requires, then across files: every <loc> names a file of the site, the index reaches every
// sitemap file, and every article page is listed.
import { SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS } from '../render/sitemap';
import { NEWS_MAX_URLS } from '../render/news-sitemap';
import { OUTPUTS } from '../outputs/formats';
import { isRfc3339Date } from './dates';
import { sitePathOf } from './links';
import { isAbsoluteHttpUrl } from './urls';
import { childOf, listOf, textOf } from './xml';
import type { Violation } from './types';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const ARTICLE_PAGE = /^articles\/[^/]+\/index\.html$/;
// W3C Datetime: a date, or a date and time (minutes or seconds, optional fraction) with a zone.
const W3C_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** What the cross-file checks need from one sitemap or sitemap index. */
export interface SitemapSummary {
  path: string;
  kind: 'urlset' | 'sitemapindex';
  locs: string[];
}

function isW3cDatetime(value: string): boolean {
  return W3C_DATE.test(value) || isRfc3339Date(value.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})([Zz+-])/, '$1:00$2'));
}

/** One parsed sitemap file: its limits and fields; undefined when the document is no sitemap. */
export function checkSitemap(path: string, doc: Record<string, unknown>, bytes: number): { violations: Violation[]; summary: SitemapSummary } | undefined {
  const kind = 'urlset' in doc ? 'urlset' : 'sitemapindex' in doc ? 'sitemapindex' : undefined;
  if (kind === undefined) return undefined;
  const violations: Violation[] = [];
  const report = (rule: string, message: string) => violations.push({ path, rule, message });
  const root = doc[kind];
  if (childOf(root, '@_xmlns') !== SITEMAP_NS) report('sitemap-namespace', `<${kind}> is not in the sitemaps.org namespace ${SITEMAP_NS}`);
  const entries = listOf(childOf(root, kind === 'urlset' ? 'url' : 'sitemap'));
  if (entries.length === 0) report('sitemap-empty', `<${kind}> has no entries (the schema requires at least one)`);
  if (entries.length > SITEMAP_MAX_URLS) report('sitemap-limit', `${entries.length} entries: a sitemap holds at most ${SITEMAP_MAX_URLS}`);
  if (bytes > SITEMAP_MAX_BYTES) report('sitemap-limit', `${bytes} bytes: a sitemap weighs at most ${SITEMAP_MAX_BYTES} uncompressed`);
  let news = 0;
  const locs: string[] = [];
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    const loc = textOf(childOf(entry, 'loc'));
    if (loc === '' || !isAbsoluteHttpUrl(loc)) report('sitemap-loc', `${where} has no absolute http(s) <loc>: ${JSON.stringify(loc)}`);
    else locs.push(loc);
    const lastmod = childOf(entry, 'lastmod');
    if (lastmod !== undefined && !isW3cDatetime(textOf(lastmod))) report('sitemap-lastmod', `${where} <lastmod> ${JSON.stringify(textOf(lastmod))} is not a W3C datetime`);
    const item = childOf(entry, 'news:news');
    if (item === undefined) return;
    news++;
    const publication = childOf(item, 'news:publication');
    for (const [field, value] of [
      ['news:publication/news:name', childOf(publication, 'news:name')],
      ['news:publication/news:language', childOf(publication, 'news:language')],
      ['news:publication_date', childOf(item, 'news:publication_date')],
      ['news:title', childOf(item, 'news:title')],
    ] as const) {
      if (textOf(value) === '') report('news-required', `${where} has no ${field}`);
    }
    const language = textOf(childOf(publication, 'news:language'));
    if (language !== '' && !/^([a-z]{2,3}|zh-cn|zh-tw)$/.test(language)) report('news-language', `${where} news:language ${JSON.stringify(language)} is not an ISO 639 code (or zh-cn / zh-tw)`);
    const date = textOf(childOf(item, 'news:publication_date'));
    if (date !== '' && !isW3cDatetime(date)) report('news-date', `${where} news:publication_date ${JSON.stringify(date)} is not a W3C datetime`);
  });
  if (news > NEWS_MAX_URLS) report('news-limit', `${news} news:news entries: Google News reads at most ${NEWS_MAX_URLS} per sitemap`);
  return { violations, summary: { path, kind, locs } };
}

/** Across files: locs resolve, the index reaches every sitemap, every article page is listed. */
export function checkSitemapLinks(sitemaps: SitemapSummary[], baseUrl: string | undefined, paths: Iterable<string>, exists: (path: string) => boolean): Violation[] {
  if (sitemaps.length === 0 || baseUrl === undefined) return [];
  const violations: Violation[] = [];
  const listed = new Set<string>();
  const reached = new Set<string>();
  for (const sitemap of sitemaps) {
    const folder = sitemap.path.slice(0, sitemap.path.lastIndexOf('/') + 1);
    for (const loc of sitemap.locs) {
      const target = sitePathOf(loc, baseUrl);
      if (target === undefined) violations.push({ path: sitemap.path, rule: 'sitemap-link', message: `${loc} is outside the site ${baseUrl}` });
      else if (!exists(target)) violations.push({ path: sitemap.path, rule: 'sitemap-link', message: `${loc} names ${target}, which does not exist` });
      else if (!target.startsWith(folder)) violations.push({ path: sitemap.path, rule: 'sitemap-link', message: `${loc} is not below the sitemap's own folder /${folder}` });
      else if (sitemap.kind === 'sitemapindex') reached.add(target);
      else listed.add(target);
    }
  }
  const index = sitemaps.find((s) => s.path === OUTPUTS.sitemapIndex.path);
  if (index === undefined) return violations;
  for (const s of sitemaps) {
    if (s !== index && !reached.has(s.path)) violations.push({ path: s.path, rule: 'sitemap-unreached', message: `not listed in ${index.path}` });
  }
  const unlisted = [...paths].filter((p) => ARTICLE_PAGE.test(p) && !listed.has(p));
  if (unlisted.length > 0) violations.push({ path: index.path, rule: 'sitemap-unlisted', message: `${unlisted.length} article page(s) are in no sitemap, e.g. ${unlisted[0]}` });
  return violations;
}
