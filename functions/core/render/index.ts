// The render API the pipeline and `feedpub build` call: Article[] in, SiteFile[] (path, bytes, headers) out.
// Pure and deterministic: same inputs, same bytes, in the same order.
import type { Article, SiteConfig, SiteFile, SiteStatus } from '../model';
import { siteUrl } from '../site';
import { isMonthComplete, newsWindowMonths } from '../site-index/months';
import type { DeletionRecord } from '../site-index/deletions';
import { monthOf, newestFirst } from '../order';
import { FEED_FORMAT_NAMES, feedFormat, HEAD_FEED_FOLDER, OUTPUTS, outputHeaders, type SiteOutput } from '../outputs/formats';
import { feedXsl, STYLE_CSS } from './assets';
import { renderWithinBudget } from './budget';
import type { ItemForm } from './figure';
import { renderAtom } from './atom';
import { renderJsonFeed } from './jsonfeed';
import { renderHome, renderNotFound } from './home';
import { articlePagePath, renderPage } from './page';
import { renderRss } from './rss';
import { renderStatusJson, renderStatusPage } from './status';
import { renderSubscribePage } from './subscribe';
import { allWithAbsoluteUrls, withAbsoluteUrls } from './resolve';
import { renderArchiveIndexPage, renderArchiveMonthPage } from './archive-pages';
import { renderNewsSitemap } from './news-sitemap';
import { renderMonthSitemaps, renderRobots, renderSitemapIndex } from './sitemap';
import type { MonthCount } from '../site-index/types';
import { renderAllTags } from './tags';
import {
  archiveFeedLinks,
  archiveFeedPath,
  jsonContinuedPath,
  jsonHeadPaging,
  type FeedFormat,
  type FeedLinks,
  headFeedLinks,
  headFeedPath,
} from './urls';

/**
 * Which feed folder a head or archive render is for: the site's (the default) or a tag's
 * (render/tags.ts). Paths, links and Cache-Control follow from it.
 */
export interface FeedFolderView {
  folder: string;
  /** The HTML page the feeds are about; absent: the home page. */
  home?: string;
  /** Atom feed id; absent: the site's head Atom URL. */
  feedId?: string;
  outputs: { head: SiteOutput; continued: SiteOutput; openArchive: SiteOutput; pastArchive: SiteOutput };
  /**
   * What a month archive's items carry: the site's archives are the feed's full history ('full', up to
   * site.itemContentBytes each); a tag's repeat those items, so they carry the summary and the link
   * (docs/performance.md, "What archives carry").
   */
  archiveItems: ItemForm;
}

export const SITE_FEED_FOLDER: FeedFolderView = {
  folder: HEAD_FEED_FOLDER,
  archiveItems: 'full',
  outputs: { head: OUTPUTS.headFeed, continued: OUTPUTS.jsonContinued, openArchive: OUTPUTS.openArchiveFeed, pastArchive: OUTPUTS.pastArchiveFeed },
};

function withFolderLinks(links: FeedLinks, view: FeedFolderView): FeedLinks {
  return { ...links, ...(view.home !== undefined && { home: view.home }), ...(view.feedId !== undefined && { feedId: view.feedId }) };
}

type FeedRenderer = (site: SiteConfig, items: Article[], links: FeedLinks, summaryOnly?: ReadonlySet<string>, deleted?: readonly DeletionRecord[]) => string;

const RENDERERS: Record<FeedFormat, FeedRenderer> = {
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
 * `deleted`: the head's deletion records (core/site-index/deletions.ts), in each of the three feeds.
 */
export function renderHeadFeeds(
  site: SiteConfig,
  items: Article[],
  archiveMonths: string[],
  oldestMonthItems: Article[] = [],
  deleted: readonly DeletionRecord[] = [],
  view: FeedFolderView = SITE_FEED_FOLDER,
): SiteFile[] {
  const { folder } = view;
  const head = allWithAbsoluteUrls(site, items).sort(newestFirst).slice(0, site.feedSize);
  const oldest = head.at(-1);
  const oldestMonth = oldest === undefined ? undefined : monthOf(oldest);
  const inHead = new Set(head.map((a) => a.id));
  const continued = allWithAbsoluteUrls(site, oldestMonthItems.filter((a) => monthOf(a) === oldestMonth && !inHead.has(a.id))).sort(newestFirst);
  const paging = jsonHeadPaging(site, oldestMonth, continued.length > 0, archiveMonths, folder);
  const linksFor = (format: FeedFormat): FeedLinks => {
    const links = withFolderLinks(headFeedLinks(site, format, archiveMonths, folder), view);
    if (format !== 'json') return links;
    const { prevArchive: _rssAtomOnly, ...rest } = links;
    return { ...rest, ...(paging.next !== undefined && { prevArchive: paging.next }) };
  };
  const files: SiteFile[] = FEED_FORMAT_NAMES.map((format) => ({
    path: headFeedPath(format, folder),
    body: renderWithinBudget((feedItems, summaryOnly) => RENDERERS[format](site, feedItems, linksFor(format), summaryOnly, deleted), head, site.headFeedBytes),
    contentType: feedFormat(format).contentType,
    cacheControl: view.outputs.head.cacheControl,
  }));
  if (continued.length > 0) {
    const links: FeedLinks = withFolderLinks({
      self: siteUrl(site, jsonContinuedPath(folder)),
      ...(paging.afterContinued !== undefined && { prevArchive: paging.afterContinued }),
      archive: false,
    }, view);
    files.push({ path: jsonContinuedPath(folder), body: renderJsonFeed(site, continued, links), contentType: view.outputs.continued.contentType!, cacheControl: view.outputs.continued.cacheControl });
  }
  return files;
}

/**
 * archive/<month>/feed.xml|atom.xml|feed.json: every item of the month, newest first, RFC 5005 linked,
 * each in the view's archiveItems form.
 * `now` is the publish time: a month before the site's current month is complete (fh:archive, long
 * cache); the current month, and a future one, still grow and are cached like the head. Without a
 * clock (tests, pure renders) "now" is the newest item's date. `deleted`: the month's deletion records.
 */
export function renderArchiveFeeds(
  site: SiteConfig,
  month: string,
  items: Article[],
  archiveMonths: string[],
  now?: string,
  deleted: readonly DeletionRecord[] = [],
  view: FeedFolderView = SITE_FEED_FOLDER,
): SiteFile[] {
  const monthItems = allWithAbsoluteUrls(site, items).sort(newestFirst);
  const complete = isMonthComplete(month, now ?? newestPublished(monthItems, month), site.timeZone);
  const cacheControl = complete ? view.outputs.pastArchive.cacheControl : view.outputs.openArchive.cacheControl;
  const summaryOnly = view.archiveItems === 'summary' ? new Set(monthItems.map((a) => a.id)) : undefined;
  return FEED_FORMAT_NAMES.map((format) => ({
    path: archiveFeedPath(month, format, view.folder),
    body: RENDERERS[format](site, monthItems, withFolderLinks(archiveFeedLinks(site, format, month, archiveMonths, complete, view.folder), view), summaryOnly, deleted),
    contentType: feedFormat(format).contentType,
    cacheControl,
  }));
}

/**
 * The month's outputs besides its feeds: its child sitemap(s) and its HTML archive page. Like the feeds,
 * owned by the month's manifest, so only an upload into the month rewrites them.
 */
export function renderArchiveMonth(site: SiteConfig, month: string, items: Article[], archiveMonths: string[]): SiteFile[] {
  const absolute = allWithAbsoluteUrls(site, items);
  return [...renderMonthSitemaps(site, month, absolute), renderArchiveMonthPage(site, month, absolute, archiveMonths)];
}

/**
 * The site-wide lists: /archive/ (months and counts), sitemap.xml (the index of the month sitemaps and
 * the news sitemap), the news sitemap of the articles of `recent` published in the two days before
 * `now`, and robots.txt. `recent` needs to hold only the months that window reaches (newsWindowMonths).
 */
export function renderSiteIndexes(site: SiteConfig, months: MonthCount[], recent: Article[], now: string): SiteFile[] {
  const news = renderNewsSitemap(site, allWithAbsoluteUrls(site, recent), now);
  const withArticles = months.filter((m) => m.count > 0);
  return [
    renderArchiveIndexPage(site, months),
    // A sitemap index needs at least one child: an empty site has none.
    ...(withArticles.length > 0 || news ? [renderSitemapIndex(site, withArticles, news !== undefined)] : []),
    ...(news ? [news] : []),
    renderRobots(site),
  ];
}

export function renderArticlePage(site: SiteConfig, article: Article): SiteFile {
  return { path: articlePagePath(article), body: renderPage(site, withAbsoluteUrls(site, article)), ...outputHeaders('articlePage') };
}

export function renderHomePage(site: SiteConfig, latest: Article[]): SiteFile {
  return {
    path: OUTPUTS.home.path,
    body: renderHome(site, allWithAbsoluteUrls(site, latest).sort(newestFirst)),
    ...outputHeaders('home'),
  };
}

/** Public: counts and the last publish only (see status.ts). */
export function renderStatus(site: SiteConfig, status: SiteStatus): SiteFile[] {
  return [
    { path: OUTPUTS.statusJson.path, body: renderStatusJson(status), ...outputHeaders('statusJson') },
    { path: OUTPUTS.statusPage.path, body: renderStatusPage(site, status), ...outputHeaders('statusPage') },
  ];
}

export function renderStaticAssets(site: SiteConfig): SiteFile[] {
  return [
    { path: OUTPUTS.stylesheet.path, body: STYLE_CSS, ...outputHeaders('stylesheet') },
    { path: OUTPUTS.feedXsl.path, body: feedXsl(site), ...outputHeaders('feedXsl') },
    { path: OUTPUTS.notFound.path, body: renderNotFound(site), ...outputHeaders('notFound') },
    { path: OUTPUTS.subscribe.path, body: renderSubscribePage(site), ...outputHeaders('subscribe') },
  ];
}

/**
 * The whole site, in a fixed order (head feeds, archives and month sitemaps and pages by month, article pages by path, home, archive index and sitemaps, assets, status),
 * from a list of articles: the whole-site oracle the tests compare the publisher's output with
 * (`feedpub build` runs the publisher itself, functions/folder-build/index.ts).
 */
function* siteFiles(site: SiteConfig, articles: Article[], status?: SiteStatus, now?: string): Generator<SiteFile> {
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
  for (const month of archiveMonths) {
    yield* renderArchiveFeeds(site, month, byMonth.get(month) ?? [], archiveMonths, asOf);
    yield* renderArchiveMonth(site, month, byMonth.get(month) ?? [], archiveMonths);
  }
  const byPagePath = sorted.map((article) => ({ article, path: articlePagePath(article) }));
  byPagePath.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { article } of byPagePath) yield renderArticlePage(site, article);
  yield* renderAllTags(site, sorted, asOf);
  yield renderHomePage(site, latest);
  const months = archiveMonths.map((month) => ({ month, count: byMonth.get(month)?.length ?? 0 }));
  yield* renderSiteIndexes(site, months, newsWindowMonths(asOf, site.timeZone).flatMap((m) => byMonth.get(m) ?? []), asOf);
  yield* renderStaticAssets(site);
  if (status !== undefined) yield* renderStatus(site, status);
}

export function renderSite(site: SiteConfig, articles: Article[], status?: SiteStatus, now?: string): SiteFile[] {
  return [...siteFiles(site, articles, status, now)];
}

/** The clockless "now" of an archive: its newest item's date (an empty month: its first day). */
function newestPublished(items: Article[], month: string): string {
  return items[0]?.published ?? `${month}-01T00:00:00Z`;
}
