// The republish state machine's Lambda steps (infra/republish.ts): the same driver parts as the
// local run, one step each. ingestBatch runs inside the Distributed Map over the uploads listing;
// planChunks writes the chunk list the second (serial) map reads; finishRun sums the ingest map's
// results and the chunk reports the publisher recorded into the run report (written to S3), then
// the handler invalidates the CDN once and pings the hub once.
import { mapLimit } from '../core/concurrency';
import { REPUBLISH_RUNS_PREFIX } from '../core/site-index/paths';
import { outputHeaders } from '../core/outputs/formats';
import { planRepublishChunks } from '../core/republish/plan';
import { type ObjectStore, readJson } from '../store/types';
import { ingestKey, type IngestDeps, type IngestVerdict } from './ingest';
import { listUploadKeys, readIndexPlacement, uncommittedChunks, type ChunkFailure } from './republish';
import type { PreparedSweepResult } from './prepared-sweep';
import type { ChunkReport, RepublishChunk } from './republish-chunk';

/** SQS caps a message at 256 KiB: a chunk's keys stay well under it. */
export const MAX_CHUNK_KEY_BYTES = 128 * 1024;

export function runPrefix(run: string): string {
  return `${REPUBLISH_RUNS_PREFIX}${run.replace(/[^A-Za-z0-9_-]/g, '_')}/`;
}

export const chunksKey = (run: string): string => `${runPrefix(run)}chunks.json`;
const CHUNK_REPORTS = 'chunk-reports/';
export const chunkReportKey = (run: string, index: number): string => `${runPrefix(run)}${CHUNK_REPORTS}${String(index).padStart(6, '0')}.json`;

/**
 * The publisher records each committed chunk's report beside the plan before it answers the task
 * token. The Finish step sums these records, not the map's results: after a failed chunk the map
 * fails and leaves Finish no results to read, and the report would show 0 chunks.
 */
export async function recordChunkReport(siteStore: ObjectStore, report: ChunkReport): Promise<void> {
  await siteStore.put(chunkReportKey(report.run, report.index), JSON.stringify(report), outputHeaders('privateRecord'));
}

const CHUNK_FAILURES = 'chunk-failures/';
export const chunkFailureKey = (run: string, index: number): string => `${runPrefix(run)}${CHUNK_FAILURES}${String(index).padStart(6, '0')}.json`;

/** Why the writer could not commit a chunk, last attempt: the map's own error is only the task's timeout. */
export async function recordChunkFailure(siteStore: ObjectStore, chunk: RepublishChunk, reason: string): Promise<void> {
  await siteStore.put(chunkFailureKey(chunk.run, chunk.index), JSON.stringify({ index: chunk.index, reason }), outputHeaders('privateRecord'));
}

/** One item of the uploads listing, as the Distributed Map's S3 ItemReader gives it (ListObjectsV2 Contents). */
export interface ListedObject {
  Key: string;
  Etag?: string;
  Size?: number;
}

export interface IngestBatchResult {
  keys: number;
  verdicts: Partial<Record<IngestVerdict | 'skipped' | 'failed', number>>;
  failed: { key: string; reason: string }[];
}

/** A batch of the listing: keys the live pipeline would not ingest (their suffix) are skipped, as S3 does not notify for them. */
export async function ingestBatch(deps: IngestDeps, items: readonly ListedObject[], ingested: (key: string) => boolean, concurrency = 8): Promise<IngestBatchResult> {
  const result: IngestBatchResult = { keys: items.length, verdicts: {}, failed: [] };
  const count = (v: keyof IngestBatchResult['verdicts']) => (result.verdicts[v] = (result.verdicts[v] ?? 0) + 1);
  await mapLimit(items, concurrency, async ({ Key }) => {
    if (!ingested(Key)) return count('skipped');
    try {
      // No touch: the run's own sweep comes after this map (prepared-sweep.ts).
      count((await ingestKey(deps, Key, { touchPrepared: false })).verdict);
    } catch (error) {
      count('failed');
      result.failed.push({ key: Key, reason: (error as Error).message ?? String(error) });
    }
  });
  return result;
}

/** Cuts a chunk further when its keys would not fit a queue message. */
function fitMessages(keys: string[], maxBytes: number): string[][] {
  const parts: string[][] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const key of keys) {
    const size = Buffer.byteLength(key) + 3;
    if (part.length > 0 && bytes + size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(key);
    bytes += size;
  }
  parts.push(part);
  return parts;
}

export async function planChunks(
  uploads: ObjectStore,
  siteStore: ObjectStore,
  isImageKey: (key: string) => boolean,
  ingested: (key: string) => boolean,
  run: string,
  chunkSize: number,
): Promise<{ key: string; chunks: number; keys: number }> {
  const uploadKeys = (await listUploadKeys(uploads)).filter(ingested);
  const placement = await readIndexPlacement(siteStore);
  const plans = planRepublishChunks({
    keys: [...uploadKeys, ...placement.monthOfKey.keys(), ...placement.headKeys],
    isImageKey,
    monthOfKey: placement.monthOfKey,
    months: placement.months,
    chunkSize,
  }).flatMap((plan) =>
    fitMessages(plan.keys, MAX_CHUNK_KEY_BYTES).map((keys, i, all) => ({ ...plan, keys, rerenderMonths: i === all.length - 1 ? plan.rerenderMonths : [] })),
  );
  // The last chunk also sweeps image copies without reference records (copy-sweep.ts).
  const chunks: RepublishChunk[] = plans.map((plan, index) => ({ run, index, total: plans.length, ...plan, ...(index === plans.length - 1 && { sweepCopies: true }) }));
  const key = chunksKey(run);
  await siteStore.put(key, JSON.stringify(chunks), outputHeaders('privateRecord'));
  return { key, chunks: chunks.length, keys: chunks.reduce((n, c) => n + c.keys.length, 0) };
}

/** What a Distributed Map's ResultWriter leaves: a manifest naming result files, each an array of child results. */
interface ResultManifest {
  ResultFiles?: Partial<Record<'SUCCEEDED' | 'FAILED' | 'PENDING', { Key: string }[]>>;
}
interface ChildResult {
  Input?: string;
  Output?: string;
  Error?: string;
  Cause?: string;
}

/** Child results of one map run, by status (missing manifest: none). */
export async function readMapResults(siteStore: ObjectStore, manifestKey: string | undefined): Promise<{ succeeded: ChildResult[]; failed: ChildResult[] }> {
  const manifest = manifestKey ? await readJson<ResultManifest>(siteStore, manifestKey) : undefined;
  const read = async (files: { Key: string }[] | undefined) => (await Promise.all((files ?? []).map((f) => readJson<ChildResult[]>(siteStore, f.Key)))).flatMap((r) => r ?? []);
  return { succeeded: await read(manifest?.ResultFiles?.SUCCEEDED), failed: await read(manifest?.ResultFiles?.FAILED) };
}

export interface RunReport {
  run: string;
  ok: boolean;
  ingest: { batches: number; failedBatches: number; verdicts: Record<string, number>; failed: { key: string; reason: string }[] };
  /** The sweep step's figures (prepared-sweep.ts), as the state passes them on. */
  sweep?: PreparedSweepResult;
  publish: {
    /** Chunks committed, of plannedChunks. */
    chunks: number;
    plannedChunks: number;
    /** The chunk the run stopped at, with the map's error; chunksNotSent came after it. */
    failedChunks: ChunkFailure[];
    chunksNotSent: number;
    /** Keys of the chunks not committed (their outputs are as before the run): the count, and the first ones. */
    notRepublished: { count: number; keys: string[]; file: string };
    outcomes: Record<string, number>;
    changedPaths: number;
    failed: { key: string; reason: string }[];
  };
  replacedCached: boolean;
  feedsChanged: boolean;
  error?: string;
}

function parsed<T>(text: string | undefined): T | undefined {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/** The Fail state's cause holds the report, and Step Functions caps a cause at 32,768 characters. */
const REPORTED_KEYS = 50;

/** Sums the ingest map's results and the recorded chunk reports into the run report, written next to them. */
export async function finishRun(siteStore: ObjectStore, input: { run: string; ingestResults?: string; error?: string; sweep?: PreparedSweepResult }): Promise<RunReport> {
  const ingest = await readMapResults(siteStore, input.ingestResults);
  const planned = (await readJson<RepublishChunk[]>(siteStore, chunksKey(input.run))) ?? [];
  const recorded = (await mapLimit(await siteStore.list(`${runPrefix(input.run)}${CHUNK_REPORTS}`), 16, (key) => readJson<ChunkReport>(siteStore, key))).filter(
    (r): r is ChunkReport => r !== undefined,
  );
  const committed = new Set(recorded.map((r) => r.index));
  const firstLeft = planned.find((c) => !committed.has(c.index));
  const lastError = firstLeft && (await readJson<{ reason: string }>(siteStore, chunkFailureKey(input.run, firstLeft.index)))?.reason;
  const reason = [input.error ?? 'the chunk was not committed (no report recorded)', lastError && `the writer's last error: ${lastError}`].filter(Boolean).join('; ');
  const left = uncommittedChunks(planned, committed, reason);
  const notRepublishedFile = `${runPrefix(input.run)}not-republished.json`;
  const report: RunReport = {
    run: input.run,
    ok: false,
    ingest: { batches: ingest.succeeded.length + ingest.failed.length, failedBatches: ingest.failed.length, verdicts: {}, failed: [] },
    publish: {
      chunks: committed.size,
      plannedChunks: planned.length,
      failedChunks: left.failedChunks,
      chunksNotSent: left.chunksNotSent,
      notRepublished: { count: left.notRepublished.length, keys: left.notRepublished.slice(0, REPORTED_KEYS), file: notRepublishedFile },
      outcomes: {},
      changedPaths: 0,
      failed: [],
    },
    replacedCached: false,
    feedsChanged: false,
    ...(input.sweep !== undefined && { sweep: input.sweep }),
    ...(input.error !== undefined && { error: input.error }),
  };
  for (const child of ingest.succeeded) {
    const batch = parsed<IngestBatchResult>(child.Output);
    for (const [v, n] of Object.entries(batch?.verdicts ?? {})) report.ingest.verdicts[v] = (report.ingest.verdicts[v] ?? 0) + (n ?? 0);
    report.ingest.failed.push(...(batch?.failed ?? []));
  }
  for (const child of ingest.failed) {
    // A whole batch failed (a Lambda timeout or crash): its keys, with the error, from the child's input.
    const items = parsed<{ Items?: ListedObject[] }>(child.Input)?.Items ?? [];
    for (const item of items) report.ingest.failed.push({ key: item.Key, reason: `${child.Error ?? 'batch failed'}: ${child.Cause ?? ''}`.trim() });
  }
  for (const chunk of recorded) {
    for (const [o, n] of Object.entries(chunk.outcomes)) report.publish.outcomes[o] = (report.publish.outcomes[o] ?? 0) + (n ?? 0);
    report.publish.changedPaths += chunk.changedPaths;
    report.publish.failed.push(...chunk.failed);
    report.replacedCached ||= chunk.replacedCached;
    report.feedsChanged ||= chunk.feedsChanged;
  }
  report.ok = input.error === undefined && left.notRepublished.length === 0 && left.failedChunks.length === 0 && report.publish.failed.length === 0;
  // Every key, for a retry or a look: the report itself names only the first few.
  await siteStore.put(notRepublishedFile, `${JSON.stringify(left.notRepublished)}\n`, outputHeaders('privateRecord'));
  await siteStore.put(`${runPrefix(input.run)}report.json`, `${JSON.stringify(report, null, 2)}\n`, outputHeaders('privateRecord'));
  return report;
}
