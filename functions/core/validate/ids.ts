// Every item of one feed has its own id: a reader that sees an id twice shows one item or drops one.
import type { FeedSummary, Violation } from './types';

export function checkUniqueIds(feed: FeedSummary): Violation[] {
  const seen = new Map<string, number>();
  const violations: Violation[] = [];
  feed.items.forEach((item, index) => {
    if (item.id === undefined) return;
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else violations.push({ path: feed.path, rule: 'unique-id', message: `item ${index + 1} repeats the id of item ${first + 1}: ${item.id}` });
  });
  return violations;
}
