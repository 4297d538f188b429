// One chunk of a republish, as a message on the publish FIFO queue. It travels the queue live uploads
// travel, so the single writer takes chunks and live batches in turn: a live upload waits behind at
// most the one chunk in flight (the driver sends the next chunk only once this one is committed).
import type { BatchResult, PublishDeps, PublishOptions, UploadOutcome } from './publish';
import { publishBatch } from './publish';

export interface RepublishChunk {
  /** The republish run (local id, or the Step Functions execution name). */
  run: string;
  /** 0-based position in the run, and the run's chunk count, for progress. */
  index: number;
  total: number;
  /** Upload keys, all images or all articles (articles of one archive month where the index knows it). */
  keys: string[];
  /** Image chunks go first and do not pull in the articles that show them: those come in their month's chunk. */
  images: boolean;
  /** Months whose archives this chunk renders again (the last chunk of each month). */
  rerenderMonths: string[];
  /** The run's last chunk: the writer also sweeps image copies that have no reference record (copy-sweep.ts). */
  sweepCopies?: boolean;
  /** AWS: the Step Functions task token the publisher answers once the chunk is committed. */
  taskToken?: string;
}

export interface ChunkReport {
  run: string;
  index: number;
  keys: number;
  outcomes: Partial<Record<UploadOutcome, number>>;
  failed: { key: string; reason: string }[];
  /** Public site paths written or deleted (0 for a chunk of an unchanged site). */
  changedPaths: number;
  /** The chunk replaced outputs a CDN may hold for longer than a feed's freshness bound. */
  replacedCached: boolean;
  feedsChanged: boolean;
  bytesWritten: number;
  ms: number;
}

const MARK = 'feedpubRepublishChunk';
const MAX_CHUNK_KEYS = 5000;

export function republishChunkBody(chunk: RepublishChunk): string {
  return JSON.stringify({ [MARK]: chunk });
}

/** A chunk message, or undefined for any other body (an S3 notification). A malformed chunk is an error. */
export function parseRepublishChunk(body: string): { ok: true; chunk: RepublishChunk } | { ok: false; error: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || !(MARK in parsed)) return undefined;
  const c = (parsed as Record<string, unknown>)[MARK] as Partial<RepublishChunk> | null;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (
    c === null ||
    typeof c !== 'object' ||
    typeof c.run !== 'string' ||
    !Number.isInteger(c.index) ||
    !Number.isInteger(c.total) ||
    !strings(c.keys) ||
    c.keys.length > MAX_CHUNK_KEYS ||
    typeof c.images !== 'boolean' ||
    !strings(c.rerenderMonths) ||
    (c.sweepCopies !== undefined && typeof c.sweepCopies !== 'boolean') ||
    (c.taskToken !== undefined && typeof c.taskToken !== 'string')
  ) {
    return { ok: false, error: 'malformed republish chunk' };
  }
  return { ok: true, chunk: c as RepublishChunk };
}

export function chunkPublishOptions(chunk: RepublishChunk): PublishOptions {
  const sweep = chunk.sweepCopies === true ? { sweepCopies: true } : {};
  return chunk.images
    ? { followImageDependents: false, rerenderMonths: chunk.rerenderMonths, ...sweep }
    : { rerender: true, followImageDependents: false, rerenderMonths: chunk.rerenderMonths, ...sweep };
}

export function chunkReportOf(chunk: RepublishChunk, result: BatchResult, ms: number): ChunkReport {
  const outcomes: Partial<Record<UploadOutcome, number>> = {};
  const asked = new Set(chunk.keys);
  const failed: ChunkReport['failed'] = [];
  for (const r of result.results) {
    if (!asked.has(r.key)) continue;
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    if (r.outcome === 'failed') failed.push({ key: r.key, reason: r.reason ?? 'failed' });
  }
  return {
    run: chunk.run,
    index: chunk.index,
    keys: chunk.keys.length,
    outcomes,
    failed,
    changedPaths: result.changedPaths.length,
    replacedCached: result.stalePaths.length > 0,
    feedsChanged: result.feedsChanged,
    bytesWritten: result.bytesWritten,
    ms,
  };
}

/** The single writer's work for one chunk: one publishBatch with the republish options. */
export async function publishChunk(deps: PublishDeps, chunk: RepublishChunk): Promise<{ report: ChunkReport; result: BatchResult }> {
  const started = Date.now();
  const result = await publishBatch(deps, chunk.keys, chunkPublishOptions(chunk));
  return { report: chunkReportOf(chunk, result, Date.now() - started), result };
}
