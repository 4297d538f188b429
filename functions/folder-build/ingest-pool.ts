// Stage 1 of `feedpub build` on every core: the content files in batches of many files per message
// to a pool of worker threads (one file per message was latency-bound: an earlier build made that way
// was 2.7x slower), or in this thread when the folder is too small to pay for starting workers. In the
// pool each file has a deadline, the backstop behind the parser's caps, as in the local parse pool.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../core/model';
import { bundleEntry } from '../cli/entry.mjs';
import { loadParseStacks } from '../core/parse-stacks';
import { PARSE_DEADLINE_MS, parseTimeoutReason } from '../pipeline/ingest';
import { ingestEntries, type ContentEntry, type IngestedFile } from './ingest';

/** Below this many files a folder is ingested in this thread: a worker's start-up costs more than it saves. */
export const POOL_MIN_FILES = 1500;
/** Files per message: few enough that the cores stay evenly busy to the end, many enough that messaging is noise. */
const BATCH_FILES = 250;

export interface PoolOptions {
  /** Worker threads (default: one per core; the main thread only waits during this stage). */
  workers?: number;
  /** Default POOL_MIN_FILES; 0 forces the pool (tests). */
  minFiles?: number;
  onBatch?: (done: number) => void;
  /** Wall-clock backstop per file (default PARSE_DEADLINE_MS): a file over it is rejected `parse-timeout`, its worker replaced. */
  deadlineMs?: number;
  /** Module exporting `ingestUpload` to parse with instead of the core's: tests pass one that spins on a marked file. */
  parseModule?: string;
}

// The worker script is the source one (the bundle keeps import.meta.url pointing at the sources); it
// loads the bundle's ingest entry while the bundle is up to date (as bin.mjs decides), else the
// TypeScript sources through tsx, which costs each worker a few hundred milliseconds more.
const WORKER_SCRIPT = new URL('./ingest-worker.mjs', import.meta.url);

function bundledIngest(): string | undefined {
  const main = bundleEntry(fileURLToPath(new URL('../..', import.meta.url)));
  return main === undefined ? undefined : new URL('./build-ingest.mjs', main).href;
}

/** Ingests every entry; results in input order. */
export async function ingestFolder(root: string, entries: readonly ContentEntry[], config: SiteConfig, now: string, options: PoolOptions = {}): Promise<IngestedFile[]> {
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(entries.length / BATCH_FILES)));
  if (entries.length < (options.minFiles ?? POOL_MIN_FILES)) {
    // Many files to parse here: every parser stack up front (core/parse-stacks.ts); a worker loads its own.
    await loadParseStacks();
    const results: IngestedFile[] = [];
    for (let at = 0; at < entries.length; at += BATCH_FILES) {
      results.push(...(await ingestEntries(root, entries.slice(at, at + BATCH_FILES), config, now)));
      options.onBatch?.(results.length);
    }
    return results;
  }
  const deadlineMs = options.deadlineMs ?? PARSE_DEADLINE_MS;
  // Batches as positions in `entries`; a batch cut short by a timeout goes back without its stuck file.
  const queue: number[][] = [];
  for (let at = 0; at < entries.length; at += BATCH_FILES) queue.push(Array.from({ length: Math.min(BATCH_FILES, entries.length - at) }, (_, i) => at + i));
  const results = new Array<IngestedFile>(entries.length);
  let done = 0;
  const script = fileURLToPath(WORKER_SCRIPT);
  const bundled = bundledIngest();

  const start = async (progress: Int32Array): Promise<Worker> => {
    const worker = new Worker(script, { workerData: { progress: progress.buffer, ...(bundled !== undefined && { bundled }), ...(options.parseModule !== undefined && { parseModule: options.parseModule }) } });
    await new Promise<void>((ready, fail) => {
      worker.once('message', () => ready());
      worker.once('error', fail);
    });
    return worker;
  };
  /** The batch's results, or the position of the file that overran the deadline. */
  const run = (worker: Worker, progress: Int32Array, batch: number[]) =>
    new Promise<{ results: IngestedFile[] } | { stuck: number }>((resolve, fail) => {
      let seen = Atomics.load(progress, 0);
      const begun = seen;
      let since = Date.now();
      // Polled, not a timer per file: the worker only bumps a shared counter as it moves on.
      const watch = setInterval(() => {
        const now = Atomics.load(progress, 0);
        if (now !== seen) {
          seen = now;
          since = Date.now();
        } else if (now !== begun && Date.now() - since > deadlineMs) {
          stop();
          resolve({ stuck: Atomics.load(progress, 1) });
        }
      }, Math.min(1000, Math.max(10, deadlineMs / 10)));
      const onError = (error: Error) => {
        stop();
        fail(error);
      };
      const onMessage = (m: { results?: IngestedFile[]; error?: string }) => {
        stop();
        if (m.error !== undefined) fail(new Error(m.error));
        else resolve({ results: m.results as IngestedFile[] });
      };
      const stop = () => {
        clearInterval(watch);
        worker.off('error', onError);
        worker.off('message', onMessage);
      };
      worker.once('error', onError);
      worker.once('message', onMessage);
      worker.postMessage({ root, entries: batch.map((i) => entries[i]), config, now });
    });

  const runSlot = async (): Promise<void> => {
    const progress = new Int32Array(new SharedArrayBuffer(8));
    let worker: Worker | undefined;
    try {
      for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
        worker ??= await start(progress);
        const outcome = await run(worker, progress, batch);
        if ('results' in outcome) {
          outcome.results.forEach((r, j) => (results[batch![j] as number] = r));
          done += batch.length;
        } else {
          // The stuck thread cannot be interrupted, only ended; its file is rejected with the reason
          // (written without parsing, as the pipeline's last receive does) and the rest run again.
          await worker.terminate();
          worker = undefined;
          const stuck = batch[outcome.stuck] as number;
          [results[stuck]] = (await ingestEntries(root, [entries[stuck] as ContentEntry], config, now, { abandonedAfter: parseTimeoutReason(deadlineMs) })) as [IngestedFile];
          const rest = batch.filter((_, j) => j !== outcome.stuck);
          if (rest.length > 0) queue.unshift(rest);
          done += 1;
        }
        options.onBatch?.(done);
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: workers }, runSlot));
  return results;
}
