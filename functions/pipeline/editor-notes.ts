// Editor notes as per-key private records (`_feedpub/notes/<sha256 of key>.json`): the publisher writes
// only the notes of its batch (a small GET and PUT per noted key, one conditional PUT for a key published the
// first time, a GET and a DELETE per deleted key that has a note) instead of
// rewriting every recent note inside head.json. Readers: `feedpub status`, `feedpub upload` waiting,
// the local dev server's /status/.
import { mapLimit } from '../core/concurrency';
import { alreadyNoted, recentNotes, RECENT_NOTES_LIMIT, type EditorNote } from '../core/site-index/notes';
import { NOTES_PREFIX, noteRecordKey } from '../core/site-index/paths';
import type { HeadManifest } from '../core/site-index/types';
import { type ObjectStore, readJson } from '../store/types';

/** The publisher's private JSON reads and writes (with its cache and byte counts). */
export interface NoteStore {
  readJson<T>(key: string): Promise<T | undefined>;
  writeJson(key: string, value: unknown): Promise<void>;
  /** Writes only when the key does not exist (one conditional request); false when it does. */
  createJson(key: string, value: unknown): Promise<boolean>;
  deleteIndex(key: string): Promise<void>;
}

/**
 * After the head commit and before the article records: a batch redone after a crash finds its records
 * unwritten, so it notes the same versions again (and `alreadyNoted` keeps what was written).
 */
export async function writeBatchNotes(
  store: NoteStore,
  fresh: readonly EditorNote[],
  removedKeys: readonly string[],
  limit: number,
  /** Keys published for the first time (no article record): most have no note yet, so it is created in one request. */
  firstPublished: ReadonlySet<string> = new Set(),
): Promise<void> {
  const noted = new Set(fresh.map((n) => n.key));
  await mapLimit([...fresh], limit, async (note) => {
    const key = noteRecordKey(note.key);
    // A note that exists (an earlier rejected version, a redo) answers 412 and is compared as usual.
    if (firstPublished.has(note.key) && (await store.createJson(key, note))) return;
    if (!alreadyNoted(await store.readJson<EditorNote>(key), note)) await store.writeJson(key, note);
  });
  // A deleted key is seen again by later batches (and redos): delete only a note that is there.
  await mapLimit(
    removedKeys.filter((k) => !noted.has(k)),
    limit,
    async (k) => {
      if ((await store.readJson<EditorNote>(noteRecordKey(k))) !== undefined) await store.deleteIndex(noteRecordKey(k));
    },
  );
}

/**
 * A head written before notes had their own records: its notes become records before the head
 * without them is committed (a crash in between leaves both, never neither).
 */
export async function moveHeadNotes(store: NoteStore, head: Pick<HeadManifest, 'notes'>, notedOrRemoved: ReadonlySet<string>, limit: number): Promise<void> {
  const legacy = (head.notes ?? []).filter((n) => !notedOrRemoved.has(n.key));
  await mapLimit(legacy, limit, async (note) => {
    const key = noteRecordKey(note.key);
    if ((await store.readJson<EditorNote>(key)) === undefined) await store.writeJson(key, note);
  });
}

/** One key's note: its record, else (a head not yet migrated) the head's. */
export async function readNote(siteStore: Pick<ObjectStore, 'get'>, key: string, head?: Pick<HeadManifest, 'notes'>): Promise<EditorNote | undefined> {
  return (await readJson<EditorNote>(siteStore, noteRecordKey(key))) ?? head?.notes?.find((n) => n.key === key);
}

/**
 * The latest notes, newest first. Every live key keeps a note record, so at 100,000 articles reading them
 * all would be 100,000 GETs per `feedpub status` or /status/ view: one listing (1,000 keys per request on
 * S3) orders the records by when they were written, and only the `limit` written last are read.
 */
export async function readRecentNotes(siteStore: Pick<ObjectStore, 'get' | 'listObjects'>, head?: Pick<HeadManifest, 'notes'>, limit = RECENT_NOTES_LIMIT): Promise<EditorNote[]> {
  const listed = await siteStore.listObjects(NOTES_PREFIX);
  const newest = listed
    .sort((a, b) => (a.lastModified === b.lastModified ? (a.key < b.key ? -1 : 1) : (a.lastModified ?? '') < (b.lastModified ?? '') ? 1 : -1))
    .slice(0, limit);
  const notes = (await mapLimit(newest, 8, (o) => readJson<EditorNote>(siteStore, o.key))).filter((n): n is EditorNote => n !== undefined);
  const recorded = new Set(notes.map((n) => n.key));
  return recentNotes([...notes, ...(head?.notes ?? []).filter((n) => !recorded.has(n.key))], limit);
}
