// `feedpub upload` waits for what the pipeline made of each file it put, read from the site bucket's
// private records (as `feedpub status` reads them): the key's note, the head's quarantine and
// scheduled lists, and the per-key article or image record. A snapshot taken before the upload tells a new version
// ("published", "updated") from identical bytes sent again ("unchanged").
import { HEAD_KEY, articleRecordKey, imageRecordKey } from '../core/site-index/paths';
import type { EditorNote } from '../core/site-index/notes';
import type { ArticleRecord, HeadManifest, ImageRecord } from '../core/site-index/types';
import { mapLimit } from '../core/concurrency';
import { readNote } from '../pipeline/editor-notes';
import { type ObjectStore, readJson } from '../store/types';

export type FileOutcome = 'published' | 'updated' | 'unchanged' | 'scheduled' | 'quarantined' | 'timed-out';

export interface OutcomeReport {
  key: string;
  outcome: FileOutcome;
  title?: string;
  reason?: string;
  at?: string;
  warnings: string[];
  repairs: EditorNote['repairs'];
}

/** What the site knew of a key before this upload. */
export interface KeySnapshot {
  key: string;
  image: boolean;
  note?: EditorNote;
  /** The article record's etag, or the image record's source etag, when there was one. */
  recordEtag?: string;
  hadRecord: boolean;
}

/** `feedpub upload` exit codes (docs/local.md and docs/editor-status.md list them). */
export const UPLOAD_EXIT = {
  /** Every file published, updated, unchanged or scheduled (or uploaded, with --no-wait). */
  ok: 0,
  /** At least one file was quarantined: fix it and upload it again. */
  quarantined: 1,
  /** A file could not be uploaded (missing file, S3 unreachable or refused). */
  uploadFailed: 2,
  /** Uploaded, but no outcome arrived for some file within --timeout (pipeline stopped or behind). */
  timedOut: 3,
} as const;

/** The head manifest, or undefined when there is none (the local S3 server, like S3, serves whole objects: functions/local/s3server.ts). */
export async function readHead(siteStore: ObjectStore): Promise<HeadManifest | undefined> {
  return readJson<HeadManifest>(siteStore, HEAD_KEY);
}

async function recordEtag(siteStore: ObjectStore, key: string, image: boolean): Promise<{ hadRecord: boolean; etag?: string }> {
  if (image) {
    const record = await readJson<ImageRecord>(siteStore, imageRecordKey(key));
    const etag = record?.asset?.sourceEtag;
    return { hadRecord: record?.asset !== undefined, ...(etag !== undefined && { etag }) };
  }
  const record = await readJson<ArticleRecord>(siteStore, articleRecordKey(key));
  return { hadRecord: record !== undefined, ...(record?.etag !== undefined && { etag: record.etag }) };
}

/** Before the upload: one head read, and one note and one record read per key. */
export async function snapshotKeys(siteStore: ObjectStore, keys: readonly string[], isImageKey: (key: string) => boolean): Promise<KeySnapshot[]> {
  const head = await readHead(siteStore);
  return mapLimit([...keys], 8, async (key) => {
    const image = isImageKey(key);
    const { hadRecord, etag } = await recordEtag(siteStore, key, image);
    const note = image ? undefined : await readNote(siteStore, key, head);
    return { key, image, hadRecord, ...(note && { note }), ...(etag !== undefined && { recordEtag: etag }) };
  });
}

function fromNote(note: EditorNote, before: KeySnapshot): OutcomeReport {
  // The same version noted before this upload: identical bytes sent again.
  const again = before.note?.etag === note.etag || before.recordEtag === note.etag;
  const outcome: FileOutcome = again && (note.outcome === 'published' || note.outcome === 'updated') ? 'unchanged' : note.outcome;
  return {
    key: note.key,
    outcome,
    ...(note.title !== undefined && { title: note.title }),
    ...(note.reason !== undefined && { reason: note.reason }),
    ...(note.at !== undefined && { at: note.at }),
    warnings: note.warnings,
    repairs: note.repairs,
  };
}

const bare = (key: string, outcome: FileOutcome, extra: Partial<OutcomeReport> = {}): OutcomeReport => ({ key, outcome, warnings: [], repairs: [], ...extra });

/**
 * The outcome of one key's version `etag` from its note, the head's lists (and, when those do not tell,
 * the key's record), or undefined while the pipeline has not decided.
 */
export async function outcomeOf(siteStore: ObjectStore, head: HeadManifest | undefined, before: KeySnapshot, etag: string | undefined): Promise<OutcomeReport | undefined> {
  const { key } = before;
  const noteOfVersion = async () => {
    if (before.image) return undefined;
    const note = await readNote(siteStore, key, head);
    return note?.etag === etag ? note : undefined;
  };
  const note = await noteOfVersion();
  if (note) return fromNote(note, before);
  const quarantined = head?.quarantine.find((q) => q.key === key && q.etag === etag);
  if (quarantined) return bare(key, 'quarantined', { reason: quarantined.reason });
  const held = head?.scheduled?.find((s) => s.key === key && s.etag === etag);
  if (held) return bare(key, 'scheduled', { title: held.title, at: held.at });
  // Images have no notes (nor has a key whose note a later upload of it replaced): the record tells.
  const now = await recordEtag(siteStore, key, before.image);
  if (now.etag === undefined || now.etag !== etag) return undefined;
  // The publisher writes a note before the record: one read after the record finds it, warnings and all.
  const noted = await noteOfVersion();
  if (noted) return fromNote(noted, before);
  if (before.recordEtag === etag) return bare(key, 'unchanged');
  return bare(key, before.hadRecord ? 'updated' : 'published');
}

export interface WaitOptions {
  timeoutMs: number;
  pollMs?: number;
  onOutcome?: (report: OutcomeReport) => void;
  /** For tests: the clock and the pause between rounds. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Polls until every key has an outcome or the time is up (the rest are 'timed-out'), in the order given. */
export async function waitForOutcomes(
  siteStore: ObjectStore,
  versions: readonly { before: KeySnapshot; etag: string | undefined }[],
  options: WaitOptions,
): Promise<OutcomeReport[]> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + options.timeoutMs;
  const done = new Map<string, OutcomeReport>();
  for (;;) {
    const head = await readHead(siteStore);
    const pending = versions.filter((v) => !done.has(v.before.key));
    const found = await mapLimit(pending, 8, (v) => outcomeOf(siteStore, head, v.before, v.etag));
    for (const report of found) {
      if (!report) continue;
      done.set(report.key, report);
      options.onOutcome?.(report);
    }
    if (done.size === versions.length) break;
    if (now() >= deadline) {
      for (const v of versions) {
        if (done.has(v.before.key)) continue;
        const report = bare(v.before.key, 'timed-out');
        done.set(v.before.key, report);
        options.onOutcome?.(report);
      }
      break;
    }
    await sleep(options.pollMs ?? 250);
  }
  return versions.map((v) => done.get(v.before.key) as OutcomeReport);
}

export function exitCodeFor(reports: readonly OutcomeReport[]): number {
  if (reports.some((r) => r.outcome === 'quarantined')) return UPLOAD_EXIT.quarantined;
  if (reports.some((r) => r.outcome === 'timed-out')) return UPLOAD_EXIT.timedOut;
  return UPLOAD_EXIT.ok;
}

/** "published desk/a.txt "Title"" plus indented warnings and repairs. */
export function formatOutcome(report: OutcomeReport): string[] {
  const title = report.title !== undefined ? ` ${JSON.stringify(report.title)}` : '';
  const head =
    report.outcome === 'quarantined'
      ? `quarantined ${report.key}: ${report.reason ?? ''}`
      : report.outcome === 'scheduled'
        ? `scheduled ${report.key}${title} for ${report.at ?? '?'}`
        : report.outcome === 'timed-out'
          ? `no outcome yet ${report.key} (still queued, or the pipeline is not running; see feedpub status)`
          : `${report.outcome} ${report.key}${title}`;
  return [head, ...report.warnings.map((w) => `  warning: ${w}`), ...report.repairs.map((r) => `  repair (${r.rule}): ${JSON.stringify(r.before)} -> ${JSON.stringify(r.after)}`)];
}

export function summaryOf(reports: readonly OutcomeReport[]): string {
  const counts = new Map<FileOutcome, number>();
  for (const r of reports) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const order: FileOutcome[] = ['published', 'updated', 'unchanged', 'scheduled', 'quarantined', 'timed-out'];
  return order.filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${o === 'timed-out' ? 'without an outcome' : o}`).join(', ');
}
