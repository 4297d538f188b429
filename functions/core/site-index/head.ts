import type { Article } from '../model';
import { newestFirst } from '../order';
import type { MonthCount } from './types';

export interface HeadUpdate {
  items: Article[];
  /** True when removals left fewer items than the head should hold and older ones exist. */
  needsRefill: boolean;
}

/**
 * Next head from the previous one, without reading the archive. The previous head is the exact
 * top-N; anything outside it ranked below its last item, so an upsert ranking below that cutoff
 * cannot enter, and removals that leave a gap are filled from the month manifests (refillHead).
 */
export function nextHeadItems(previous: Article[], feedSize: number, touchedIds: Set<string>, upserts: Article[], total: number): HeadUpdate {
  const full = previous.length >= feedSize;
  const cutoff = previous[previous.length - 1];
  const kept = previous.filter((a) => !touchedIds.has(a.id));
  const entering = upserts.filter((a) => !full || cutoff === undefined || newestFirst(a, cutoff) <= 0);
  const items = [...kept, ...entering].sort(newestFirst).slice(0, feedSize);
  return { items, needsRefill: items.length < Math.min(feedSize, total) };
}

/** Months to read, newest first, so that they hold at least feedSize articles (or all there are). */
export function monthsForRefill(months: MonthCount[], feedSize: number): string[] {
  const chosen: string[] = [];
  let count = 0;
  for (const m of [...months].sort((a, b) => (a.month < b.month ? 1 : -1))) {
    if (count >= feedSize) break;
    chosen.push(m.month);
    count += m.count;
  }
  return chosen;
}

/** Every article in newer months outranks every article in older ones, so the newest months suffice. */
export function refillHead(monthArticles: Article[][], feedSize: number): Article[] {
  return monthArticles.flat().sort(newestFirst).slice(0, feedSize);
}
