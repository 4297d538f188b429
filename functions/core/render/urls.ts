// Where each rendered file lives, and the RFC 5005 links between the head feed and the monthly archives.
// The paths themselves come from the output table (../outputs/formats).
import type { SiteConfig } from '../model';
import { archiveMonthPagePath, folderArchiveFeedFolder, type FeedFormat, feedPath, HEAD_FEED_FOLDER, OUTPUTS } from '../outputs/formats';
import { siteUrl } from '../site';

export type { FeedFormat } from '../outputs/formats';

/**
 * JSON Feed page 2: the items of the head's oldest month that the head no longer carries. With it,
 * following next_url from the head JSON Feed reaches every item exactly once (see jsonHeadPaging).
 */
export const JSON_CONTINUED_PATH = OUTPUTS.jsonContinued.path;

/** `folder`: a feed folder of the output table, the site's head ("") or a tag's (`tagFeedFolder`). */
export function headFeedPath(format: FeedFormat, folder = HEAD_FEED_FOLDER): string {
  return feedPath(folder, format);
}

export function archiveFeedPath(month: string, format: FeedFormat, folder = HEAD_FEED_FOLDER): string {
  return feedPath(folderArchiveFeedFolder(folder, month), format);
}

/** JSON Feed page 2 of a feed folder (see JSON_CONTINUED_PATH). */
export function jsonContinuedPath(folder = HEAD_FEED_FOLDER): string {
  return `${folder}${JSON_CONTINUED_PATH}`;
}

/** Absolute links of one feed document, each pointing at the same format. */
export interface FeedLinks {
  self: string;
  /** Set on archive documents: the subscription (head) feed. */
  current?: string;
  /** The next older archive (RFC 5005 prev-archive; JSON Feed next_url). */
  prevArchive?: string;
  /** The next newer archive (RFC 5005 next-archive). */
  nextArchive?: string;
  /**
   * True for a completed archive document (Atom/RSS carry fh:archive): a month before the site's
   * current month at publish time. The current month (and any future one) is still open, so it is
   * linked like an archive but not marked as one: RFC 5005 lets clients cache fh:archive documents
   * for good, and this one would lose them new items.
   */
  archive: boolean;
  /** The HTML page the feed is about (channel link, home_page_url); absent: the site's home. A tag feed's is its tag page. */
  home?: string;
  /** Atom feed id; absent: the site's head Atom URL (atomFeedId). A tag's feeds carry their own head Atom URL. */
  feedId?: string;
}

/** Head feed: self, and prev-archive -> the newest archive month. */
export function headFeedLinks(site: SiteConfig, format: FeedFormat, archiveMonths: string[], folder = HEAD_FEED_FOLDER): FeedLinks {
  const newest = [...archiveMonths].sort().at(-1);
  return {
    self: siteUrl(site, headFeedPath(format, folder)),
    ...(newest !== undefined && { prevArchive: siteUrl(site, archiveFeedPath(newest, format, folder)) }),
    archive: false,
  };
}

/**
 * Archive month: current -> head, prev-archive -> the month before it, next-archive -> the month after.
 * `complete` (see isMonthComplete) marks it fh:archive.
 */
export function archiveFeedLinks(site: SiteConfig, format: FeedFormat, month: string, archiveMonths: string[], complete: boolean, folder = HEAD_FEED_FOLDER): FeedLinks {
  // By position among the sorted months, so a month missing from the list still gets its neighbours.
  const months = [...new Set(archiveMonths)].sort();
  const older = months.filter((m) => m < month).at(-1);
  const newer = months.find((m) => m > month);
  return {
    self: siteUrl(site, archiveFeedPath(month, format, folder)),
    current: siteUrl(site, headFeedPath(format, folder)),
    ...(older !== undefined && { prevArchive: siteUrl(site, archiveFeedPath(older, format, folder)) }),
    ...(newer !== undefined && { nextArchive: siteUrl(site, archiveFeedPath(newer, format, folder)) }),
    archive: complete,
  };
}

export function homeUrl(site: SiteConfig): string {
  return siteUrl(site, '');
}

/** /archive/ and /archive/<YYYY-MM>/: the folders of the HTML archive pages (served as their index.html). */
export function archiveIndexUrl(site: SiteConfig): string {
  return siteUrl(site, folderOf(OUTPUTS.archiveIndexPage.path));
}

export function archiveMonthUrl(site: SiteConfig, month: string): string {
  return siteUrl(site, folderOf(archiveMonthPagePath(month)));
}

function folderOf(indexPath: string): string {
  return indexPath.slice(0, indexPath.lastIndexOf('/') + 1);
}

export function stylesheetUrl(site: SiteConfig, output: 'stylesheet' | 'feedXsl'): string {
  // Absolute from the site's base (which may carry a path), so it works from archive pages too.
  return new URL(siteUrl(site, OUTPUTS[output].path)).pathname;
}

/** Where JSON Feed paging goes after the head: the continued page when it has items, else the month before the head's oldest. */
export function jsonHeadPaging(site: SiteConfig, oldestHeadMonth: string | undefined, continued: boolean, archiveMonths: string[], folder = HEAD_FEED_FOLDER): { next?: string; afterContinued?: string } {
  if (oldestHeadMonth === undefined) return {};
  const before = [...new Set(archiveMonths)].sort().filter((m) => m < oldestHeadMonth).at(-1);
  const afterContinued = before === undefined ? undefined : siteUrl(site, archiveFeedPath(before, 'json', folder));
  return { ...(continued ? { next: siteUrl(site, jsonContinuedPath(folder)) } : afterContinued !== undefined && { next: afterContinued }), ...(afterContinued !== undefined && { afterContinued }) };
}
