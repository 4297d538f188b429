// sitemap.xml (a sitemap index), one child sitemap per archive month (split past the protocol's limits),
// and robots.txt naming the index. Protocol: https://www.sitemaps.org/protocol.html
//
// Why per month: an upload changes only its own month's child (and the index only when a month
// appears or disappears), so the cost of one upload does not grow with the archive. The index lists its
// children without lastmod: with it, every upload would rewrite the index too.
// The sitemap shape is tiny and fixed, so it is written directly: each entry's byte count is then known.
import type { Article, SiteConfig, SiteFile } from '../model';
import type { MonthCount } from '../site-index/types';
import { monthSitemapPath, OUTPUTS, outputHeaders } from '../outputs/formats';
import { articlePath, siteUrl } from '../site';
import { newestFirst } from '../order';
import { rfc3339 } from './dates';
import { escapeXmlText } from './xml';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** sitemaps.org: at most 50,000 URLs and 52,428,800 bytes (uncompressed) per sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 52_428_800;
/** Longer than any slug feedpub makes (80 characters, plus a "-<n>" for a taken slug): the size bound of an entry. */
const SLUG_BOUND = 100;

/** Element text with all five XML entities escaped, as sitemaps.org asks for every data value. */
export function escapeSitemapText(text: string): string {
  return escapeXmlText(text).replaceAll("'", '&apos;').replaceAll('"', '&quot;');
}

/** The URL as sitemaps.org wants it: RFC 3986 (non-ASCII percent-encoded), entity-escaped. */
export function sitemapLoc(url: string): string {
  return escapeSitemapText(new URL(url).href);
}

const URLSET_OPEN = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}">\n`;
const URLSET_CLOSE = '</urlset>\n';

function urlEntry(url: string, lastmod: string): string {
  return `  <url>\n    <loc>${sitemapLoc(url)}</loc>\n    <lastmod>${rfc3339(lastmod)}</lastmod>\n  </url>\n`;
}

/**
 * URLs per child sitemap for this site: 50,000, or fewer when a very long base URL would make 50,000
 * entries weigh more than 50 MB. From the site alone, so the index knows a month's children from its
 * article count without reading the month.
 */
export function urlsPerSitemap(site: SiteConfig): number {
  const longest = Buffer.byteLength(urlEntry(siteUrl(site, articlePath('x'.repeat(SLUG_BOUND))), '2000-01-01T00:00:00Z'));
  const room = SITEMAP_MAX_BYTES - Buffer.byteLength(URLSET_OPEN) - Buffer.byteLength(URLSET_CLOSE);
  return Math.max(1, Math.min(SITEMAP_MAX_URLS, Math.floor(room / longest)));
}

/** The child sitemap paths of a month holding `count` articles. */
export function monthSitemapPaths(site: SiteConfig, month: string, count: number): string[] {
  const parts = Math.max(1, Math.ceil(count / urlsPerSitemap(site)));
  return Array.from({ length: parts }, (_, i) => monthSitemapPath(month, i + 1));
}

/**
 * The month's child sitemap(s): its article permalinks with lastmod = updated. Oldest first, so a new
 * article lands in the last part and the earlier parts of a split month keep their bytes.
 */
export function renderMonthSitemaps(site: SiteConfig, month: string, items: Article[]): SiteFile[] {
  const oldestFirst = [...items].sort(newestFirst).reverse();
  const perFile = urlsPerSitemap(site);
  const paths = monthSitemapPaths(site, month, oldestFirst.length);
  return paths.map((path, i) => ({
    path,
    body: URLSET_OPEN + oldestFirst.slice(i * perFile, (i + 1) * perFile).map((a) => urlEntry(a.url, a.updated)).join('') + URLSET_CLOSE,
    ...outputHeaders('monthSitemap'),
  }));
}

/** sitemap.xml: every month's children (oldest month first), then the news sitemap when there is one. */
export function renderSitemapIndex(site: SiteConfig, months: MonthCount[], withNews: boolean): SiteFile {
  const children = [...months]
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .filter((m) => m.count > 0)
    .flatMap((m) => monthSitemapPaths(site, m.month, m.count));
  if (withNews) children.push(OUTPUTS.newsSitemap.path);
  const entries = children.map((path) => `  <sitemap>\n    <loc>${sitemapLoc(siteUrl(site, path))}</loc>\n  </sitemap>\n`);
  return {
    path: OUTPUTS.sitemapIndex.path,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('')}</sitemapindex>\n`,
    ...outputHeaders('sitemapIndex'),
  };
}

/** robots.txt: everything may be crawled; the sitemap index's absolute URL. */
export function renderRobots(site: SiteConfig): SiteFile {
  return {
    path: OUTPUTS.robots.path,
    body: `User-agent: *\nDisallow:\n\nSitemap: ${new URL(siteUrl(site, OUTPUTS.sitemapIndex.path)).href}\n`,
    ...outputHeaders('robots'),
  };
}
