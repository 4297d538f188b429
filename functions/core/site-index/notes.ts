// What happened to each upload, for editors: one private note per upload key (its latest outcome) at
// `_feedpub/notes/<sha256 of key>.json`, with the article's warnings and repairs as the ingest stage
// recorded them and, when its body equals another published article's, whose. The public site never
// renders notes; `feedpub status` lists them, `feedpub upload` waits for them, and the local dev
// server's /status/ shows them.
import type { Article, Repair } from '../model';

/** `feedpub status` and the local /status/ list the latest outcomes of this many upload keys. Notes are per
 * key records (a batch writes only its own), so this bounds the listing, not what is kept. */
export const RECENT_NOTES_LIMIT = 100;
/** Warnings and repairs kept per note; the rest is counted in `omitted`. */
export const NOTE_ITEMS_LIMIT = 20;

export type NoteOutcome = 'published' | 'updated' | 'scheduled' | 'quarantined';

export interface EditorNote {
  key: string;
  /** The upload version the note is about. */
  etag?: string;
  outcome: NoteOutcome;
  /** RFC 3339: the publish that decided it. */
  time: string;
  title?: string;
  /** quarantined: why. */
  reason?: string;
  /** scheduled: when it publishes. */
  at?: string;
  /** Upload key of the published article whose body this one repeats. */
  duplicateOf?: string;
  warnings: string[];
  repairs: Pick<Repair, 'rule' | 'before' | 'after'>[];
  /** How many warnings and repairs were left out past NOTE_ITEMS_LIMIT. */
  omitted?: { warnings: number; repairs: number };
}

/** The warning an article gets when its body equals a published article's under another key. */
export function duplicateWarning(ownerKey: string): string {
  return `duplicate of ${ownerKey}: the same body is already published under that key`;
}

/** A note for an article version, its lists capped. */
export function articleNote(
  fields: { key: string; etag?: string; outcome: NoteOutcome; time: string; at?: string; duplicateOf?: string },
  article: Pick<Article, 'title' | 'warnings' | 'repairs'>,
): EditorNote {
  const warnings = fields.duplicateOf === undefined ? article.warnings : [...article.warnings, duplicateWarning(fields.duplicateOf)];
  const omittedWarnings = Math.max(0, warnings.length - NOTE_ITEMS_LIMIT);
  const omittedRepairs = Math.max(0, article.repairs.length - NOTE_ITEMS_LIMIT);
  return {
    key: fields.key,
    ...(fields.etag !== undefined && { etag: fields.etag }),
    outcome: fields.outcome,
    time: fields.time,
    title: article.title,
    ...(fields.at !== undefined && { at: fields.at }),
    ...(fields.duplicateOf !== undefined && { duplicateOf: fields.duplicateOf }),
    warnings: warnings.slice(0, NOTE_ITEMS_LIMIT),
    repairs: article.repairs.slice(0, NOTE_ITEMS_LIMIT).map(({ rule, before, after }) => ({ rule, before, after })),
    ...((omittedWarnings > 0 || omittedRepairs > 0) && { omitted: { warnings: omittedWarnings, repairs: omittedRepairs } }),
  };
}

export function quarantineNote(fields: { key: string; etag?: string; time: string; reason: string }): EditorNote {
  return { key: fields.key, ...(fields.etag !== undefined && { etag: fields.etag }), outcome: 'quarantined', time: fields.time, reason: fields.reason, warnings: [], repairs: [] };
}

/** What the publish stage knows of one key in a batch (its ArticlePlan). */
export interface NotedPlan {
  key: string;
  etag?: string;
  outcome: string;
  reason?: string;
  /** The article as ingested, with its warnings and repairs. */
  ingested?: Pick<Article, 'title' | 'warnings' | 'repairs'>;
  /** Set when this batch publishes the article (new or changed version). */
  article?: unknown;
  /** The key's article record before this batch (written only after a commit, so a redo sees the same). */
  record?: unknown;
  duplicateOf?: string;
  holdAt?: string;
}

/** This batch's notes: articles it publishes or holds, uploads it quarantines. Unchanged and deleted keys have none. */
export function notesOfBatch(plans: readonly NotedPlan[], time: string): EditorNote[] {
  const notes: EditorNote[] = [];
  for (const p of plans) {
    const version = { key: p.key, ...(p.etag !== undefined && { etag: p.etag }), time };
    if (p.outcome === 'quarantined') notes.push(quarantineNote({ ...version, reason: p.reason ?? '' }));
    else if (p.outcome === 'scheduled' && p.ingested) notes.push(articleNote({ ...version, outcome: 'scheduled', ...(p.holdAt !== undefined && { at: p.holdAt }) }, p.ingested));
    else if (p.article !== undefined && p.ingested) {
      // From the record, not p.outcome: a batch redone after a crash finds its manifests written and
      // calls the version 'unchanged', while the record still says whether the key was published before.
      const outcome = p.record !== undefined ? 'updated' : 'published';
      notes.push(articleNote({ ...version, outcome, ...(p.duplicateOf !== undefined && { duplicateOf: p.duplicateOf }) }, p.ingested));
    }
  }
  return notes;
}

export function byTimeThenKey(a: EditorNote, b: EditorNote): number {
  if (a.time !== b.time) return a.time < b.time ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const published = (o: NoteOutcome) => o === 'published' || o === 'updated';

/**
 * Whether `earlier` already notes the version `fresh` is about, so it stays as it was: a batch redone
 * after a crash must not turn "published" into a later time or a second outcome.
 */
export function alreadyNoted(earlier: EditorNote | undefined, fresh: EditorNote): boolean {
  return earlier !== undefined && earlier.etag === fresh.etag && earlier.at === fresh.at && (earlier.outcome === fresh.outcome || (published(earlier.outcome) && published(fresh.outcome)));
}

/** Newest publish first (ties by key), one per key, at most `limit`. */
export function recentNotes(notes: Iterable<EditorNote>, limit = RECENT_NOTES_LIMIT): EditorNote[] {
  const latest = new Map<string, EditorNote>();
  for (const n of notes) {
    const other = latest.get(n.key);
    if (!other || byTimeThenKey(n, other) < 0) latest.set(n.key, n);
  }
  return [...latest.values()].sort(byTimeThenKey).slice(0, limit);
}
