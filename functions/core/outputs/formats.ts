// Every kind of file the site publishes, described once (Hugo's `DefaultFormats`): path, media type,
// Content-Type, Cache-Control, discovery rel and the CDN cache class that serves it. The renderers, the
// pipeline, the validator, the build summary, the dev server and the CDK stack all read these records,
// so a new output (a tag feed, a sitemap) is a new record or a new path function here, not an edit in
// ten files. tests/repo/one-output-table.test.ts fails when one of these facts is written down elsewhere.

const UTF8 = '; charset=utf-8';

/** Cache-Control values, named for how often the file changes. */
export const CACHE_CONTROL = {
  /** Head feeds, the current month's archive and status: readers poll them; short, with background refresh. */
  live: 'public, max-age=60, stale-while-revalidate=300',
  /** Archives of past months change only on a late edit. */
  pastArchive: 'public, max-age=3600',
  page: 'public, max-age=300',
  /**
   * The home page, quarantine reports, sitemaps and HTML archive pages: change with every publish. A
   * max-age no longer than the head feeds' means a replaced copy is never invalidated on the CDN
   * (billed per path), only left to expire.
   */
  home: 'public, max-age=60',
  asset: 'public, max-age=3600',
  /** Content-addressed files (images/<hash>.<ext>): the same path never holds other bytes. */
  immutable: 'public, max-age=31536000, immutable',
  /** The CDN's "/dir" -> "/dir/" redirect (infra/viewer-request.js). */
  folderRedirect: 'public, max-age=3600',
  /** A moved domain's 301 to the current one (infra/viewer-request.js): a day, so a mistaken move is not cached for long. */
  domainRedirect: 'public, max-age=86400',
  /** Private records (_feedpub/), and anything made per request (the dev server's live status notice, redirects to /subscribe/). */
  none: 'no-store',
} as const;

// ---- CDN cache classes ---------------------------------------------------------------------------

export type CdnCacheClassName = 'images' | 'sitemaps' | 'feeds' | 'pages';

/** One CloudFront cache behaviour: which paths, how long the edge keeps them, which headers it adds. */
export interface CdnCacheClass {
  name: CdnCacheClassName;
  /** CloudFront path patterns ("*" any run of characters); empty for the default behaviour. */
  pathPatterns: readonly string[];
  /** CachePolicy comment (shown in the AWS console). */
  comment: string;
  defaultTtlSeconds: number;
  maxTtlSeconds: number;
  /** CORS for any origin, GET/HEAD/OPTIONS (web feed readers fetch feeds from their own origin). */
  cors: boolean;
  /** Runs the viewer-request function (folder index, browsers on an RSS/Atom feed -> /subscribe/). */
  viewerRequest: boolean;
}

/** In CloudFront's order of precedence: the first class whose pattern matches serves the path; `pages` is the default. */
export const CDN_CACHE_CLASSES: readonly CdnCacheClass[] = [
  // Images are published under their content hash: never change, cache for a year.
  { name: 'images', pathPatterns: ['images/*'], comment: 'feedpub hashed images: 1 year', defaultTtlSeconds: 365 * 86400, maxTtlSeconds: 365 * 86400, cors: false, viewerRequest: false },
  // Sitemaps are *.xml but no feed: crawlers need no CORS and no browser redirect; short, as the news sitemap changes with every publish.
  { name: 'sitemaps', pathPatterns: ['sitemap*.xml'], comment: 'feedpub sitemaps: 60 s default, 300 s max', defaultTtlSeconds: 60, maxTtlSeconds: 300, cors: false, viewerRequest: false },
  // Feeds: short; the origin's Cache-Control (max-age, stale-while-revalidate) rules within bounds.
  { name: 'feeds', pathPatterns: ['*.xml', '*.json'], comment: 'feedpub feeds: 60 s default, 300 s max', defaultTtlSeconds: 60, maxTtlSeconds: 300, cors: true, viewerRequest: true },
  { name: 'pages', pathPatterns: [], comment: 'feedpub pages: 300 s default', defaultTtlSeconds: 300, maxTtlSeconds: 3600, cors: false, viewerRequest: true },
];

function patternMatches(pattern: string, path: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/** The cache class CloudFront serves a site path (no leading slash) with. */
export function cdnCacheClassOf(path: string): CdnCacheClass {
  const fallback = CDN_CACHE_CLASSES.find((c) => c.pathPatterns.length === 0)!;
  return CDN_CACHE_CLASSES.find((c) => c.pathPatterns.some((p) => patternMatches(p, path))) ?? fallback;
}

// ---- Feed formats --------------------------------------------------------------------------------

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedFormatRecord {
  name: FeedFormat;
  /** Link text and discovery title suffix: "<site title> (RSS)". */
  label: string;
  /** The specification and version, as the subscribe page names it. */
  specName: string;
  /** The name core/validate gives a document of this format. */
  validatorName: 'rss' | 'atom' | 'jsonfeed';
  mediaType: string;
  contentType: string;
  /** File name in every feed folder: the head ("") and archive/<YYYY-MM>/. */
  fileName: string;
  /** Rel of the HTML discovery link (`<link rel="alternate" type=... href=...>`). */
  rel: 'alternate';
  /** A browser opening this feed, head or monthly archive, is sent to /subscribe/ (JSON Feed is not opened by people, and browsers show JSON readably). */
  browserRedirect: boolean;
}

/** In this order everywhere: discovery links, feed links, subscribe page, render order. */
export const FEED_FORMATS: readonly FeedFormatRecord[] = [
  { name: 'rss', label: 'RSS', specName: 'RSS 2.0', validatorName: 'rss', mediaType: 'application/rss+xml', contentType: `application/rss+xml${UTF8}`, fileName: 'feed.xml', rel: 'alternate', browserRedirect: true },
  { name: 'atom', label: 'Atom', specName: 'Atom 1.0', validatorName: 'atom', mediaType: 'application/atom+xml', contentType: `application/atom+xml${UTF8}`, fileName: 'atom.xml', rel: 'alternate', browserRedirect: true },
  { name: 'json', label: 'JSON Feed', specName: 'JSON Feed 1.1', validatorName: 'jsonfeed', mediaType: 'application/feed+json', contentType: `application/feed+json${UTF8}`, fileName: 'feed.json', rel: 'alternate', browserRedirect: false },
];

export const FEED_FORMAT_NAMES: readonly FeedFormat[] = FEED_FORMATS.map((f) => f.name);

export function feedFormat(name: FeedFormat): FeedFormatRecord {
  return FEED_FORMATS.find((f) => f.name === name)!;
}

// ---- Paths ---------------------------------------------------------------------------------------
// A feed folder holds one file per feed format. The head is the site root; a new kind of feed (per tag,
// say) is a new folder function.

export const HEAD_FEED_FOLDER = '';

export function archiveFeedFolder(month: string): string {
  return `archive/${month}/`;
}

/** A month's HTML archive page lives in the folder of its archive feeds: /archive/<YYYY-MM>/. */
export function archiveMonthPagePath(month: string): string {
  return `${archiveFeedFolder(month)}index.html`;
}

/**
 * Child sitemap `part` (1-based) of a month: "sitemap-2026-03.xml", then "sitemap-2026-03-2.xml"... At
 * the site root, not in a folder: a sitemap may only list URLs below its own folder (sitemaps.org).
 */
export function monthSitemapPath(month: string, part: number): string {
  return part === 1 ? `sitemap-${month}.xml` : `sitemap-${month}-${part}.xml`;
}

/**
 * A tag's feed folder, `tags/<tag slug>/`: head feeds, feed-continued.json and index.html; its archives
 * are `archiveFeedFolder` inside it (`tags/<slug>/archive/<YYYY-MM>/`). Slugs: core/site-index/tags.ts.
 */
export function tagFeedFolder(tagSlug: string): string {
  return `tags/${tagSlug}/`;
}

/** What a tag slug is made of (slugFromTitle's lower-case ASCII and hyphens, plus hash suffixes): request-path patterns match tag folders with it. */
export const TAG_SLUG_PATTERN = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** A feed folder's month archive: `archive/<month>/` for the head (""), `tags/<slug>/archive/<month>/` for a tag. */
export function folderArchiveFeedFolder(folder: string, month: string): string {
  return `${folder}${archiveFeedFolder(month)}`;
}

export function feedPath(folder: string, format: FeedFormat): string {
  return `${folder}${feedFormat(format).fileName}`;
}

/** The head feed paths, in FEED_FORMATS order: "feed.xml", "atom.xml", "feed.json". */
export const HEAD_FEED_PATHS: readonly string[] = FEED_FORMAT_NAMES.map((format) => feedPath(HEAD_FEED_FOLDER, format));

// ---- Every other published output ----------------------------------------------------------------

export interface SiteOutput {
  /** Path in the site bucket; `<name>` marks a part that varies. */
  path: string;
  /** Absent: the feed format's (FEED_FORMATS) or the image's real type (core/images.ts). */
  contentType?: string;
  cacheControl: string;
  /** How the CDN caches it; absent for private records, which the CDN never serves. */
  cdn?: CdnCacheClassName;
}

const JSON_CONTENT_TYPE = `application/json${UTF8}`;
const HTML_CONTENT_TYPE = `text/html${UTF8}`;
const XML_CONTENT_TYPE = `application/xml${UTF8}`;
/** robots.txt, and plain-text error responses (the dev server's 503). */
export const TEXT_CONTENT_TYPE = `text/plain${UTF8}`;

/** The site bucket's private records (the index, prepared and quarantine records, run files): never served, never invalidated. */
export const PRIVATE_PREFIX = '_feedpub/';

/** Keyed by what the file is; SITE_OUTPUTS lists them in this order. */
export const OUTPUTS = {
  headFeed: { path: '<feed file>', cacheControl: CACHE_CONTROL.live, cdn: 'feeds' },
  /** JSON Feed page 2: the items of the head's oldest month the head no longer carries (see jsonHeadPaging). */
  jsonContinued: { path: 'feed-continued.json', contentType: feedFormat('json').contentType, cacheControl: CACHE_CONTROL.live, cdn: 'feeds' },
  /** The current (or a future) month still grows: cached like the head. */
  openArchiveFeed: { path: 'archive/<YYYY-MM>/<feed file>', cacheControl: CACHE_CONTROL.live, cdn: 'feeds' },
  pastArchiveFeed: { path: 'archive/<YYYY-MM>/<feed file>', cacheControl: CACHE_CONTROL.pastArchive, cdn: 'feeds' },
  /** A tag's feeds, archives and pages (docs/tags.md): cached like the site's. */
  tagHeadFeed: { path: 'tags/<tag>/<feed file>', cacheControl: CACHE_CONTROL.live, cdn: 'feeds' },
  tagJsonContinued: { path: 'tags/<tag>/feed-continued.json', contentType: feedFormat('json').contentType, cacheControl: CACHE_CONTROL.live, cdn: 'feeds' },
  tagOpenArchiveFeed: { path: 'tags/<tag>/archive/<YYYY-MM>/<feed file>', cacheControl: CACHE_CONTROL.live, cdn: 'feeds' },
  tagPastArchiveFeed: { path: 'tags/<tag>/archive/<YYYY-MM>/<feed file>', cacheControl: CACHE_CONTROL.pastArchive, cdn: 'feeds' },
  /** The tag's newest articles and its months: changes with every publish of the tag, like the home page. */
  tagPage: { path: 'tags/<tag>/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'pages' },
  /** Every tag that has articles, linked to its page: changes only when a tag appears or goes (docs/tags.md). */
  tagIndexPage: { path: 'tags/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'pages' },
  /** Changes with each article of the month in the tag: a 60 s bound, so no CDN invalidation is needed per edit. */
  tagArchivePage: { path: 'tags/<tag>/archive/<YYYY-MM>/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'pages' },
  articlePage: { path: 'articles/<slug>/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.page, cdn: 'pages' },
  home: { path: 'index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'pages' },
  stylesheet: { path: 'style.css', contentType: `text/css${UTF8}`, cacheControl: CACHE_CONTROL.asset, cdn: 'pages' },
  feedXsl: { path: 'feed.xsl', contentType: `application/xslt+xml${UTF8}`, cacheControl: CACHE_CONTROL.asset, cdn: 'pages' },
  notFound: { path: '404.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.asset, cdn: 'pages' },
  subscribe: { path: 'subscribe/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.asset, cdn: 'pages' },
  statusJson: { path: 'status.json', contentType: JSON_CONTENT_TYPE, cacheControl: CACHE_CONTROL.live, cdn: 'feeds' },
  statusPage: { path: 'status/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.live, cdn: 'pages' },
  /** Lists every month's HTML archive page with its count. */
  archiveIndexPage: { path: 'archive/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'pages' },
  /** One month's articles, newest first. */
  archiveMonthPage: { path: 'archive/<YYYY-MM>/index.html', contentType: HTML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'pages' },
  /** Sitemap index: every month's child sitemaps and the news sitemap (see docs/outputs.md, "Sitemaps"). */
  sitemapIndex: { path: 'sitemap.xml', contentType: XML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'sitemaps' },
  /** The article permalinks of one archive month, with lastmod (see monthSitemapPath). */
  monthSitemap: { path: 'sitemap-<YYYY-MM>.xml', contentType: XML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'sitemaps' },
  /** Google News sitemap: the articles published in the last two days (by the publish clock). */
  newsSitemap: { path: 'sitemap-news.xml', contentType: XML_CONTENT_TYPE, cacheControl: CACHE_CONTROL.home, cdn: 'sitemaps' },
  /** Names the sitemap index for crawlers; changes only with the base URL. */
  robots: { path: 'robots.txt', contentType: TEXT_CONTENT_TYPE, cacheControl: CACHE_CONTROL.asset, cdn: 'pages' },
  image: { path: 'images/<sha256 16 hex>.<ext>', cacheControl: CACHE_CONTROL.immutable, cdn: 'images' },
  /** The index, prepared records, quarantine records (_feedpub/quarantine/<key>.json), markers: read by the pipeline and `feedpub status` only. */
  privateRecord: { path: `${PRIVATE_PREFIX}<record>.json`, contentType: JSON_CONTENT_TYPE, cacheControl: CACHE_CONTROL.none },
} as const satisfies Record<string, SiteOutput>;

export type OutputName = keyof typeof OUTPUTS;

export const SITE_OUTPUTS: readonly (SiteOutput & { name: OutputName })[] = (Object.keys(OUTPUTS) as OutputName[]).map((name) => ({ name, ...OUTPUTS[name] }));

/** Content-Type and Cache-Control of an output whose Content-Type is fixed, as SiteFile/ObjectStore fields. */
export function outputHeaders(name: Exclude<OutputName, 'headFeed' | 'openArchiveFeed' | 'pastArchiveFeed' | 'tagHeadFeed' | 'tagOpenArchiveFeed' | 'tagPastArchiveFeed' | 'image'>): { contentType: string; cacheControl: string } {
  const output: SiteOutput = OUTPUTS[name];
  return { contentType: output.contentType!, cacheControl: output.cacheControl };
}
