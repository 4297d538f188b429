import type { Article } from '../model';
import { monthInZone } from '../timezone';
import { newestFirst } from '../order';
import { SCHEDULE_SKEW_MS } from './schedule';
import type { MonthCount } from './types';

/** A month's articles after a batch: removals and replaced versions out, upserts in, newest first. */
export function applyMonthChanges(articles: Article[], removedIds: Set<string>, upserts: Article[]): Article[] {
  const replaced = new Set(upserts.map((a) => a.id));
  return [...articles.filter((a) => !removedIds.has(a.id) && !replaced.has(a.id)), ...upserts].sort(newestFirst);
}

/** Month list with new counts; months that reach zero leave it. Oldest first. */
export function nextMonthCounts(previous: MonthCount[], counts: Map<string, number>): MonthCount[] {
  const merged = new Map(previous.map((m) => [m.month, m.count]));
  for (const [month, count] of counts) merged.set(month, count);
  return [...merged]
    .filter(([, count]) => count > 0)
    .map(([month, count]) => ({ month, count }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

function neighbours(months: string[]): Map<string, string> {
  const links = new Map<string, string>();
  months.forEach((m, i) => links.set(m, `${months[i - 1] ?? ''}|${months[i + 1] ?? ''}`));
  return links;
}

/**
 * Archives to re-render: the months whose articles changed, the months whose prev/next archive links
 * changed because a month appeared or disappeared next to them, and the months that became complete.
 */
export function archivesToRender(before: string[], after: string[], changed: Set<string>, completed: string[] = []): string[] {
  const linksBefore = neighbours(before);
  const result = new Set<string>(completed.filter((m) => after.includes(m)));
  for (const [month, links] of neighbours(after)) {
    if (changed.has(month) || linksBefore.get(month) !== links) result.add(month);
  }
  return [...result].sort();
}

/**
 * A month's archive is complete (fh:archive, the long cache) only once the site's calendar, at publish
 * time, has moved past it. A future-dated article's month is never complete, and never makes the real
 * current month look complete.
 */
export function isMonthComplete(month: string, now: string, timeZone: string): boolean {
  return month < monthInZone(now, timeZone);
}

/** Months that became complete between the last publish and now: re-rendered with fh:archive and the long cache. */
export function monthsCompletedSince(lastPublish: string | null, now: string, months: string[], timeZone: string): string[] {
  return months.filter((m) => isMonthComplete(m, now, timeZone) && (lastPublish === null || !isMonthComplete(m, lastPublish, timeZone)));
}

/** Google News: a news sitemap lists only articles published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 86_400_000;

/**
 * The clock the news sitemap's window ends at: the site's last content change (head.json's
 * lastPublish), or `now` before there was one. Not the batch's clock: then a publish that changes
 * nothing (a republish of an unchanged site) would still rewrite the news sitemap as articles age out
 * of the window. Every upload is a change, so on a live site the window is as fresh as the clock.
 */
export function newsSitemapClock(lastPublish: string | null, now: string): string {
  return lastPublish ?? now;
}

/**
 * The archive months the news sitemap's window (two days to `now`, see render/news-sitemap.ts) reaches:
 * the publisher reads these months' manifests, at most two or three, never the whole archive.
 */
export function newsWindowMonths(now: string, timeZone: string): string[] {
  const at = Date.parse(now);
  // Both ends, and the 2-minute skew an article dated just ahead of the clock may be published with.
  const ends = [at - NEWS_WINDOW_MS, at, at + SCHEDULE_SKEW_MS].map((ms) => monthInZone(new Date(ms).toISOString(), timeZone));
  return [...new Set(ends)].sort();
}
