import type { Article } from '../model';
import { newestFirst } from '../order';
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
 * Archives to re-render: the months whose articles changed, plus the months whose prev/next
 * archive links changed because a month appeared or disappeared next to them.
 */
export function archivesToRender(before: string[], after: string[], changed: Set<string>): string[] {
  const linksBefore = neighbours(before);
  const result = new Set<string>();
  for (const [month, links] of neighbours(after)) {
    if (changed.has(month) || linksBefore.get(month) !== links) result.add(month);
  }
  return [...result].sort();
}
