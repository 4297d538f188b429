// Deletion records (RFC 6721 tombstones): a deleted article leaves its month's archive and the head
// feeds, and a record of its removal takes its place, so a reader that cached the entry or walks the
// archives learns that it is gone. Each month keeps the records of the articles it lost for as long
// as the month has an archive; the head keeps them for HEAD_DELETION_DAYS (docs/takedown.md).
import type { Article } from '../model';

/** How long the head feeds carry a deletion record: a reader polling at least monthly sees it there. */
export const HEAD_DELETION_DAYS = 30;
/** The head carries at most this many records (the newest), whatever their age: its size stays bounded. */
export const HEAD_DELETION_MAX = 100;

export interface DeletionRecord {
  /** The deleted entry's id (Atom atom:id, RSS guid, JSON Feed id): RFC 6721's `ref`. */
  id: string;
  /** RFC 3339: when the publisher removed it (the batch's clock): RFC 6721's `when`. */
  when: string;
  /** The archive month the article lived in. */
  month: string;
  /**
   * Where the article was, so a reader can drop a saved link too: its site path ("articles/<slug>/"),
   * resolved under the base URL at render time like every index path (render/resolve.ts).
   */
  url: string;
}

/** Newest removal first, then by id: one order, so the same records always give the same bytes. */
export function byRemoval(a: DeletionRecord, b: DeletionRecord): number {
  if (a.when !== b.when) return a.when < b.when ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function deletionRecordFor(article: Pick<Article, 'id' | 'url'>, month: string, when: string): DeletionRecord {
  return { id: article.id, when, month, url: article.url };
}

/**
 * Next list from the previous one: records of `removed` added (an id already recorded keeps its first
 * `when`, so a redo after a crash dates the removal as the first run did), records of ids that are
 * published again dropped (RFC 6721 lets an entry and its tombstone coexist, but a reader then has to
 * compare dates; a returning article is simply live).
 */
export function nextDeletions(previous: readonly DeletionRecord[], removed: readonly DeletionRecord[], republishedIds: ReadonlySet<string>): DeletionRecord[] {
  const byId = new Map<string, DeletionRecord>();
  for (const record of [...previous, ...removed]) if (!byId.has(record.id)) byId.set(record.id, record);
  return [...byId.values()].filter((r) => !republishedIds.has(r.id)).sort(byRemoval);
}

/** The head's records: younger than HEAD_DELETION_DAYS at `now`, the newest HEAD_DELETION_MAX of them. */
export function headDeletions(records: readonly DeletionRecord[], now: string): DeletionRecord[] {
  const oldest = Date.parse(now) - HEAD_DELETION_DAYS * 86_400_000;
  return records.filter((r) => Date.parse(r.when) >= oldest).sort(byRemoval).slice(0, HEAD_DELETION_MAX);
}
