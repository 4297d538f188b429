// `feedpub republish`: re-ingest every upload under the current site config and code, then have the
// single writer publish every key again in chunks, re-rendering every output (written only where the
// bytes changed). The same steps run locally (this driver, over the running stack) and in AWS (the
// Step Functions state machine, infra/republish.ts, whose Lambdas call the parts exported here).
// Safe while uploads keep arriving: both stages reconcile each key from the uploads bucket as it is
// now, and chunks travel the live publish queue, so a live upload is never lost, never published
// twice, and waits behind at most one chunk.
import { mapLimit } from '../core/concurrency';
import { HEAD_KEY, monthManifestKey } from '../core/site-index/paths';
import { PRIVATE_PREFIX } from '../core/outputs/formats';
import type { HeadManifest, MonthManifest } from '../core/site-index/types';
import { planRepublishChunks } from '../core/republish/plan';
import { type ObjectStore, readJson } from '../store/types';
import { ingestKey, type IngestDeps, type IngestVerdict } from './ingest';
import type { UploadOutcome } from './publish';
import { sweepPreparedRecords, type PreparedSweepResult } from './prepared-sweep';
import type { ChunkReport, RepublishChunk } from './republish-chunk';

export interface RepublishProgress {
  phase: 'list' | 'ingest' | 'publish';
  done: number;
  total: number;
}

export interface RepublishDeps extends IngestDeps {
  /** The site bucket (the index is read from it; IngestDeps.records is the same store). */
  siteStore: ObjectStore;
  /** Sends one chunk through the single writer and resolves with its report once it is committed. */
  submit(chunk: RepublishChunk): Promise<ChunkReport>;
  onProgress?(progress: RepublishProgress): void;
  run: string;
  ingestConcurrency?: number;
  /** Keys per chunk: small enough that a live upload waiting behind one is not kept long. */
  chunkSize?: number;
}

export interface RepublishReport {
  run: string;
  uploads: number;
  ingest: Partial<Record<IngestVerdict | 'failed', number>>;
  /** The sweep of superseded prepared records, between ingest and publish. */
  sweep?: PreparedSweepResult;
  /** Chunks committed by the writer, of plannedChunks. */
  chunks: number;
  plannedChunks: number;
  /** The chunk the writer gave up on, with why; the run stops there (chunks after it are not sent). */
  failedChunks: ChunkFailure[];
  chunksNotSent: number;
  /** Keys of every chunk not committed: their outputs are as before the run (run it again). */
  notRepublished: string[];
  outcomes: Partial<Record<UploadOutcome, number>>;
  /** Keys that could not be ingested or published (infrastructure faults), with the reason. */
  failed: { key: string; stage: 'ingest' | 'publish'; reason: string }[];
  changedPaths: number;
  /** A CDN may hold replaced outputs: the run ends with one invalidation of everything. */
  replacedCached: boolean;
  feedsChanged: boolean;
  bytesWritten: number;
  ms: number;
}

export const DEFAULT_CHUNK_SIZE = 250;

export interface ChunkFailure {
  index: number;
  keys: number;
  reason: string;
}

/**
 * The chunks of a run the writer did not commit, in plan order: the first is the one that failed
 * (chunks go one at a time, so the run stopped there), the rest were never sent.
 */
export function uncommittedChunks(
  chunks: readonly { index: number; keys: readonly string[] }[],
  committed: ReadonlySet<number>,
  reason: string,
): { failedChunks: ChunkFailure[]; chunksNotSent: number; notRepublished: string[] } {
  const left = chunks.filter((c) => !committed.has(c.index)).sort((a, b) => a.index - b.index);
  const [first] = left;
  return {
    failedChunks: first ? [{ index: first.index, keys: first.keys.length, reason }] : [],
    chunksNotSent: Math.max(0, left.length - 1),
    notRepublished: left.flatMap((c) => c.keys),
  };
}

/** Uploads to ingest: every object in the uploads bucket (the listing is the source of truth). */
export async function listUploadKeys(uploads: ObjectStore): Promise<string[]> {
  return (await uploads.list('')).filter((key) => !key.startsWith(PRIVATE_PREFIX));
}

export interface IndexPlacement {
  /** Article key -> the archive month its index entry is filed under. */
  monthOfKey: Map<string, string>;
  months: string[];
  /** Keys only the head remembers: quarantined and held uploads. */
  headKeys: string[];
}

/** One manifest at a time: only key -> month is kept, so memory stays flat in archive size. */
export async function readIndexPlacement(siteStore: ObjectStore): Promise<IndexPlacement> {
  const head = await readJson<HeadManifest>(siteStore, HEAD_KEY);
  const months = (head?.months ?? []).map((m) => m.month);
  const monthOfKey = new Map<string, string>();
  for (const month of months) {
    const manifest = await readJson<MonthManifest>(siteStore, monthManifestKey(month));
    for (const article of manifest?.articles ?? []) monthOfKey.set(article.source.key, month);
  }
  const headKeys = [...(head?.quarantine ?? []).map((q) => q.key), ...(head?.scheduled ?? []).map((s) => s.key)];
  return { monthOfKey, months, headKeys };
}

function add<K extends string>(counts: Partial<Record<K, number>>, key: K, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

export async function republishSite(deps: RepublishDeps): Promise<RepublishReport> {
  const started = Date.now();
  const progress = deps.onProgress ?? (() => {});
  progress({ phase: 'list', done: 0, total: 0 });
  const uploadKeys = await listUploadKeys(deps.uploads);
  const report: RepublishReport = {
    run: deps.run,
    uploads: uploadKeys.length,
    ingest: {},
    chunks: 0,
    plannedChunks: 0,
    failedChunks: [],
    chunksNotSent: 0,
    notRepublished: [],
    outcomes: {},
    failed: [],
    changedPaths: 0,
    replacedCached: false,
    feedsChanged: false,
    bytesWritten: 0,
    ms: 0,
  };

  let ingested = 0;
  progress({ phase: 'ingest', done: 0, total: uploadKeys.length });
  await mapLimit(uploadKeys, deps.ingestConcurrency ?? 8, async (key) => {
    try {
      add(report.ingest, (await ingestKey(deps, key, { touchPrepared: false })).verdict);
    } catch (error) {
      // The publisher leaves this key as it is (its prepared record is missing or from before).
      add(report.ingest, 'failed');
      report.failed.push({ key, stage: 'ingest', reason: (error as Error).message ?? String(error) });
    }
    progress({ phase: 'ingest', done: ++ingested, total: uploadKeys.length });
  });

  // Records of superseded versions and gone uploads (prepared-sweep.ts); a key it had to ingest again
  // (its re-upload raced the sweep) is published by the chunks below.
  report.sweep = await sweepPreparedRecords(deps);
  const keys = [...new Set([...uploadKeys, ...report.sweep.reingested])];

  // After the ingest, so the placement is as fresh as it can be; a key the live pipeline moves
  // meanwhile is still published right (the writer reads its record), only its chunk is less tidy.
  const placement = await readIndexPlacement(deps.siteStore);
  const plans = planRepublishChunks({
    keys: [...keys, ...placement.monthOfKey.keys(), ...placement.headKeys],
    isImageKey: (k) => deps.core.isImageKey(k),
    monthOfKey: placement.monthOfKey,
    months: placement.months,
    chunkSize: deps.chunkSize ?? DEFAULT_CHUNK_SIZE,
  });
  const totalKeys = plans.reduce((n, p) => n + p.keys.length, 0);
  let published = 0;
  progress({ phase: 'publish', done: 0, total: totalKeys });
  report.plannedChunks = plans.length;
  // The last chunk also sweeps image copies without reference records (copy-sweep.ts).
  const chunks = plans.map((plan, index): RepublishChunk => ({ run: deps.run, index, total: plans.length, ...plan, ...(index === plans.length - 1 && { sweepCopies: true }) }));
  const committed = new Set<number>();
  // One chunk at a time: the next is sent only once this one is committed. A chunk the writer gives
  // up on (dead-lettered after retries) stops the run; the report says what was and was not done.
  for (const chunk of chunks) {
    let chunkReport: ChunkReport;
    try {
      chunkReport = await deps.submit(chunk);
    } catch (error) {
      Object.assign(report, uncommittedChunks(chunks, committed, (error as Error).message ?? String(error)));
      break;
    }
    committed.add(chunk.index);
    report.chunks++;
    for (const [outcome, n] of Object.entries(chunkReport.outcomes)) add(report.outcomes, outcome as UploadOutcome, n);
    for (const f of chunkReport.failed) report.failed.push({ ...f, stage: 'publish' });
    report.changedPaths += chunkReport.changedPaths;
    report.replacedCached ||= chunkReport.replacedCached;
    report.feedsChanged ||= chunkReport.feedsChanged;
    report.bytesWritten += chunkReport.bytesWritten;
    published += chunk.keys.length;
    progress({ phase: 'publish', done: published, total: totalKeys });
  }
  report.ms = Date.now() - started;
  return report;
}
