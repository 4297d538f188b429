// Stage 1 of `feedpub build` on every core: the content files in batches of many files per message
// to a pool of worker threads (one file per message was latency-bound: an earlier build made that way
// was 2.7x slower), or in this thread when the folder is too small to pay for starting workers.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../core/model';
import { bundleEntry } from '../cli/entry.mjs';
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
  if (entries.length < (options.minFiles ?? POOL_MIN_FILES) || workers < 1) {
    const results: IngestedFile[] = [];
    for (let at = 0; at < entries.length; at += BATCH_FILES) {
      results.push(...(await ingestEntries(root, entries.slice(at, at + BATCH_FILES), config, now)));
      options.onBatch?.(results.length);
    }
    return results;
  }
  const batches: ContentEntry[][] = [];
  for (let at = 0; at < entries.length; at += BATCH_FILES) batches.push(entries.slice(at, at + BATCH_FILES));
  const results = new Array<IngestedFile[]>(batches.length);
  let next = 0;
  let done = 0;
  const script = fileURLToPath(WORKER_SCRIPT);
  const bundled = bundledIngest();
  const runWorker = async (): Promise<void> => {
    const worker = new Worker(script, { workerData: { ...(bundled !== undefined && { bundled }) } });
    try {
      await new Promise<void>((ready, fail) => {
        worker.once('message', () => ready());
        worker.once('error', fail);
      });
      for (let id = next++; id < batches.length; id = next++) {
        const batch = batches[id] as ContentEntry[];
        results[id] = await new Promise<IngestedFile[]>((resolve, fail) => {
          const onError = (error: Error) => fail(error);
          worker.once('error', onError);
          worker.once('message', (m: { results?: IngestedFile[]; error?: string }) => {
            worker.off('error', onError);
            if (m.error !== undefined) fail(new Error(m.error));
            else resolve(m.results as IngestedFile[]);
          });
          worker.postMessage({ id, root, entries: batch, config, now });
        });
        done += batch.length;
        options.onBatch?.(done);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: workers }, runWorker));
  return results.flat();
}
