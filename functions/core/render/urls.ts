// Where each rendered file lives, and the RFC 5005 links between the head feed and the monthly archives.
// The paths themselves come from the output table (../outputs/formats).
import type { SiteConfig } from '../model';
import { archiveFeedFolder, archiveMonthPagePath, type FeedFormat, feedPath, HEAD_FEED_FOLDER, OUTPUTS } from '../outputs/formats';
import { siteUrl } from '../site';

export type { FeedFormat } from '../outputs/formats';

/**
 * JSON Feed page 2: the items of the head's oldest month that the head no longer carries. With it,
 * following next_url from the head JSON Feed reaches every item exactly once (see jsonHeadPaging).
 */
export const JSON_CONTINUED_PATH = OUTPUTS.jsonContinued.path;

export function headFeedPath(format: FeedFormat): string {
  return feedPath(HEAD_FEED_FOLDER, format);
}

export function archiveFeedPath(month: string, format: FeedFormat): string {
  return feedPath(archiveFeedFolder(month), format);
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
}

/** Head feed: self, and prev-archive -> the newest archive month. */
export function headFeedLinks(site: SiteConfig, format: FeedFormat, archiveMonths: string[]): FeedLinks {
  const newest = [...archiveMonths].sort().at(-1);
  return {
    self: siteUrl(site, headFeedPath(format)),
    ...(newest !== undefined && { prevArchive: siteUrl(site, archiveFeedPath(newest, format)) }),
    archive: false,
  };
}

/**
 * Archive month: current -> head, prev-archive -> the month before it, next-archive -> the month after.
 * `complete` (see isMonthComplete) marks it fh:archive.
 */
export function archiveFeedLinks(site: SiteConfig, format: FeedFormat, month: string, archiveMonths: string[], complete: boolean): FeedLinks {
  // By position among the sorted months, so a month missing from the list still gets its neighbours.
  const months = [...new Set(archiveMonths)].sort();
  const older = months.filter((m) => m < month).at(-1);
  const newer = months.find((m) => m > month);
  return {
    self: siteUrl(site, archiveFeedPath(month, format)),
    current: siteUrl(site, headFeedPath(format)),
    ...(older !== undefined && { prevArchive: siteUrl(site, archiveFeedPath(older, format)) }),
    ...(newer !== undefined && { nextArchive: siteUrl(site, archiveFeedPath(newer, format)) }),
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
export function jsonHeadPaging(site: SiteConfig, oldestHeadMonth: string | undefined, continued: boolean, archiveMonths: string[]): { next?: string; afterContinued?: string } {
  if (oldestHeadMonth === undefined) return {};
  const before = [...new Set(archiveMonths)].sort().filter((m) => m < oldestHeadMonth).at(-1);
  const afterContinued = before === undefined ? undefined : siteUrl(site, archiveFeedPath(before, 'json'));
  return { ...(continued ? { next: siteUrl(site, JSON_CONTINUED_PATH) } : afterContinued !== undefined && { next: afterContinued }), ...(afterContinued !== undefined && { afterContinued }) };
}
