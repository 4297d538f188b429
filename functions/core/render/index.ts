// The render API the pipeline and `feedpub build` call: Article[] in, SiteFile[] (path, bytes, headers) out.
// Pure and deterministic: same inputs, same bytes, in the same order.
import type { Article, SiteConfig, SiteFile, SiteStatus } from '../model';
import { siteUrl } from '../site';
import { isMonthComplete } from '../index/months';
import { monthOf, newestFirst } from '../order';
import { feedXsl, STYLE_CSS } from './assets';
import { renderWithinBudget } from './budget';
import { ATOM_CONTENT_TYPE, renderAtom } from './atom';
import { JSON_FEED_CONTENT_TYPE, renderJsonFeed } from './jsonfeed';
import { renderHome, renderNotFound } from './home';
import { articlePagePath, renderPage } from './page';
import { RSS_CONTENT_TYPE, renderRss } from './rss';
import { renderStatusJson, renderStatusPage } from './status';
import { renderSubscribePage, SUBSCRIBE_PAGE_PATH } from './subscribe';
import {
  archiveFeedLinks,
  archiveFeedPath,
  FEED_FORMATS,
  JSON_CONTINUED_PATH,
  jsonHeadPaging,
  type FeedFormat,
  type FeedLinks,
  headFeedLinks,
  headFeedPath,
} from './urls';

const UTF8 = '; charset=utf-8';

export const CONTENT_TYPES = {
  rss: RSS_CONTENT_TYPE + UTF8,
  atom: ATOM_CONTENT_TYPE + UTF8,
  json: JSON_FEED_CONTENT_TYPE + UTF8,
  html: `text/html${UTF8}`,
  css: `text/css${UTF8}`,
  xsl: `application/xslt+xml${UTF8}`,
  statusJson: `application/json${UTF8}`,
} as const;

export const CACHE_CONTROL = {
  /** Head feeds, the current month's archive and status: readers poll them; short, with background refresh. */
  live: 'public, max-age=60, stale-while-revalidate=300',
  /** Archives of past months change only on a late edit. */
  pastArchive: 'public, max-age=3600',
  page: 'public, max-age=300',
  home: 'public, max-age=60',
  asset: 'public, max-age=3600',
} as const;

const RENDERERS: Record<FeedFormat, (site: SiteConfig, items: Article[], links: FeedLinks, summaryOnly?: ReadonlySet<string>) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/**
 * feed.xml, atom.xml, feed.json: the newest site.feedSize items (cut again here, defensively), each
 * feed under site.headFeedBytes (its oldest items summary-only first; see budget.ts).
 * `oldestMonthItems`: every item of the month of the head's oldest item. Those the head does not carry
 * go to feed-continued.json, so JSON Feed's next_url chain (head, continued page, then the months
 * before) holds each item exactly once; RSS and Atom keep RFC 5005's prev-archive to the newest month.
 */
export function renderHeadFeeds(site: SiteConfig, items: Article[], archiveMonths: string[], oldestMonthItems: Article[] = []): SiteFile[] {
  const head = [...items].sort(newestFirst).slice(0, site.feedSize);
  const oldest = head.at(-1);
  const oldestMonth = oldest === undefined ? undefined : monthOf(oldest);
  const inHead = new Set(head.map((a) => a.id));
  const continued = oldestMonthItems.filter((a) => monthOf(a) === oldestMonth && !inHead.has(a.id)).sort(newestFirst);
  const paging = jsonHeadPaging(site, oldestMonth, continued.length > 0, archiveMonths);
  const linksFor = (format: FeedFormat): FeedLinks => {
    const links = headFeedLinks(site, format, archiveMonths);
    if (format !== 'json') return links;
    const { prevArchive: _rssAtomOnly, ...rest } = links;
    return { ...rest, ...(paging.next !== undefined && { prevArchive: paging.next }) };
  };
  const files: SiteFile[] = FEED_FORMATS.map((format) => ({
    path: headFeedPath(format),
    body: renderWithinBudget((feedItems, summaryOnly) => RENDERERS[format](site, feedItems, linksFor(format), summaryOnly), head, site.headFeedBytes),
    contentType: CONTENT_TYPES[format],
    cacheControl: CACHE_CONTROL.live,
  }));
  if (continued.length > 0) {
    const links: FeedLinks = {
      self: siteUrl(site, JSON_CONTINUED_PATH),
      ...(paging.afterContinued !== undefined && { prevArchive: paging.afterContinued }),
      archive: false,
    };
    files.push({ path: JSON_CONTINUED_PATH, body: renderJsonFeed(site, continued, links), contentType: CONTENT_TYPES.json, cacheControl: CACHE_CONTROL.live });
  }
  return files;
}

/**
 * archive/<month>/feed.xml|atom.xml|feed.json: every item of the month, newest first, RFC 5005 linked.
 * `now` is the publish time: a month before the site's current month is complete (fh:archive, long
 * cache); the current month, and a future one, still grow and are cached like the head. Without a
 * clock (tests, pure renders) "now" is the newest item's date.
 */
export function renderArchiveFeeds(site: SiteConfig, month: string, items: Article[], archiveMonths: string[], now?: string): SiteFile[] {
  const monthItems = [...items].sort(newestFirst);
  const complete = isMonthComplete(month, now ?? newestPublished(monthItems, month), site.timeZone);
  const cacheControl = complete ? CACHE_CONTROL.pastArchive : CACHE_CONTROL.live;
  return FEED_FORMATS.map((format) => ({
    path: archiveFeedPath(month, format),
    body: RENDERERS[format](site, monthItems, archiveFeedLinks(site, format, month, archiveMonths, complete)),
    contentType: CONTENT_TYPES[format],
    cacheControl,
  }));
}

export function renderArticlePage(site: SiteConfig, article: Article): SiteFile {
  return { path: articlePagePath(article), body: renderPage(site, article), contentType: CONTENT_TYPES.html, cacheControl: CACHE_CONTROL.page };
}

export function renderHomePage(site: SiteConfig, latest: Article[]): SiteFile {
  return {
    path: 'index.html',
    body: renderHome(site, [...latest].sort(newestFirst)),
    contentType: CONTENT_TYPES.html,
    cacheControl: CACHE_CONTROL.home,
  };
}

export function renderStatus(site: SiteConfig, status: SiteStatus, latest: Article[]): SiteFile[] {
  const sorted = [...latest].sort(newestFirst);
  return [
    { path: 'status.json', body: renderStatusJson(status, sorted), contentType: CONTENT_TYPES.statusJson, cacheControl: CACHE_CONTROL.live },
    { path: 'status/index.html', body: renderStatusPage(site, status, sorted), contentType: CONTENT_TYPES.html, cacheControl: CACHE_CONTROL.live },
  ];
}

export function renderStaticAssets(site: SiteConfig): SiteFile[] {
  return [
    { path: 'style.css', body: STYLE_CSS, contentType: CONTENT_TYPES.css, cacheControl: CACHE_CONTROL.asset },
    { path: 'feed.xsl', body: feedXsl(site), contentType: CONTENT_TYPES.xsl, cacheControl: CACHE_CONTROL.asset },
    { path: '404.html', body: renderNotFound(site), contentType: CONTENT_TYPES.html, cacheControl: CACHE_CONTROL.asset },
    { path: SUBSCRIBE_PAGE_PATH, body: renderSubscribePage(site), contentType: CONTENT_TYPES.html, cacheControl: CACHE_CONTROL.asset },
  ];
}

/**
 * The whole site, in a fixed order (head feeds, archives by month, pages by path, home, assets, status),
 * made one month or one page at a time as the caller asks: a 10k-article build writes as it goes
 * instead of holding ~120 MB of rendered text.
 */
export function* renderSiteLazily(site: SiteConfig, articles: Article[], status?: SiteStatus, now?: string): Generator<SiteFile> {
  const sorted = [...articles].sort(newestFirst);
  const asOf = now ?? sorted[0]?.published ?? '1970-01-01T00:00:00Z';
  const byMonth = new Map<string, Article[]>();
  for (const article of sorted) {
    const month = monthOf(article);
    const list = byMonth.get(month);
    if (list === undefined) byMonth.set(month, [article]);
    else list.push(article);
  }
  const archiveMonths = [...byMonth.keys()].sort();
  const latest = sorted.slice(0, site.feedSize);
  const oldestLatest = latest.at(-1);
  yield* renderHeadFeeds(site, latest, archiveMonths, oldestLatest === undefined ? [] : (byMonth.get(monthOf(oldestLatest)) ?? []));
  for (const month of archiveMonths) yield* renderArchiveFeeds(site, month, byMonth.get(month) ?? [], archiveMonths, asOf);
  const byPagePath = sorted.map((article) => ({ article, path: articlePagePath(article) }));
  byPagePath.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { article } of byPagePath) yield renderArticlePage(site, article);
  yield renderHomePage(site, latest);
  yield* renderStaticAssets(site);
  if (status !== undefined) yield* renderStatus(site, status, latest);
}

export function renderSite(site: SiteConfig, articles: Article[], status?: SiteStatus, now?: string): SiteFile[] {
  return [...renderSiteLazily(site, articles, status, now)];
}

/** The clockless "now" of an archive: its newest item's date (an empty month: its first day). */
function newestPublished(items: Article[], month: string): string {
  return items[0]?.published ?? `${month}-01T00:00:00Z`;
}
