// The local ingest stage's parsers: a pool of worker threads, so a slow or crashing parse never
// blocks the dev server's event loop, and a deadline per parse (the backstop behind the parser's
// own caps): a worker that overruns it is terminated and replaced, and the upload is rejected with
// the reason. `feedpub dev` and the integration tests run the real core in it.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, Result, SiteConfig, UploadInput, UploadRejected } from '../core/model';
import { parseFaultRejection } from '../core/ingest';
import { PARSE_DEADLINE_MS, parseTimeoutReason, type ParseRunner } from '../pipeline/ingest';

export interface ParsePoolOptions {
  /** Worker threads (default: cores - 1, at least 2, so one file stuck until its deadline never holds up the rest). */
  size?: number;
  /** Wall-clock budget of one parse, from the moment a ready worker takes it. */
  deadlineMs?: number;
  /** Module exporting `ingestUpload` (default: the real core). Tests pass a deliberately slow one. */
  module?: string;
  /** Heap limit of a worker: a parse that balloons is a rejected file, not a dead dev server. */
  maxHeapMb?: number;
}

export interface ParsePool {
  parse: ParseRunner;
  close(): Promise<void>;
}

interface Task {
  input: UploadInput;
  site: SiteConfig;
  resolve: (result: Result<Article, UploadRejected>) => void;
  fail: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

// From the sources (functions/local/) or from the CLI bundle (dist/cli/): the worker runs the sources.
function sourceFile(fromSources: string, fromBundle: string): URL {
  const here = new URL(fromSources, import.meta.url);
  return existsSync(here) ? here : new URL(fromBundle, import.meta.url);
}
const DEFAULT_MODULE = sourceFile('../core/ingest.ts', '../../functions/core/ingest.ts').href;
const WORKER_SCRIPT = fileURLToPath(sourceFile('./parse-worker.mjs', '../../functions/local/parse-worker.mjs'));

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(1, options.size ?? Math.max(2, availableParallelism() - 1));
  const deadlineMs = options.deadlineMs ?? PARSE_DEADLINE_MS;
  const module = options.module ?? DEFAULT_MODULE;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: { module },
      // A main thread's stack (Lambda parses there): a file that overflows it in AWS overflows here too.
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024, stackSizeMb: 1 },
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (m.ready) {
          worker.off('message', onMessage);
          worker.off('error', reject);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    return { worker, ready, busy: false };
  };

  const run = async (slot: Slot, task: Task): Promise<void> => {
    const { input } = task;
    const reject = (code: UploadRejected['code'], reason: string) =>
      task.resolve({ ok: false, error: { code, reason, key: input.key, size: input.bytes.byteLength } });
    const fault = (error: { name?: string; message?: string }) => task.resolve({ ok: false, error: parseFaultRejection(input.key, input.bytes.byteLength, error) });
    try {
      await slot.ready;
    } catch (error) {
      replace(slot);
      // A worker that cannot start is an infrastructure fault: the queue retries the message.
      throw error;
    }
    const id = nextId++;
    await new Promise<void>((done) => {
      const finish = () => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
        done();
      };
      const onMessage = (m: { id?: number; result?: Result<Article, UploadRejected>; fault?: { name: string; message: string } }) => {
        if (m.id !== id) return;
        finish();
        if (m.fault) fault(m.fault);
        else task.resolve(m.result as Result<Article, UploadRejected>);
      };
      // A worker stopped by close() says nothing about the file: the message is retried, not judged.
      const onError = (error: Error) => {
        finish();
        replace(slot);
        if (closed) task.fail(new Error('parse pool closed'));
        else fault(error);
      };
      const onExit = () => {
        finish();
        replace(slot);
        if (closed) task.fail(new Error('parse pool closed'));
        else reject('parse-failed', 'the parser stopped on this file (worker exited)');
      };
      const timer = setTimeout(() => {
        finish();
        replace(slot);
        reject('parse-timeout', parseTimeoutReason(deadlineMs));
      }, deadlineMs);
      slot.worker.on('message', onMessage);
      slot.worker.once('error', onError);
      slot.worker.once('exit', onExit);
      slot.worker.postMessage({ id, input, site: task.site });
    });
  };

  const replace = (slot: Slot): void => {
    void slot.worker.terminate();
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
  };

  const pump = (): void => {
    while (!closed && queue.length > 0) {
      let slot = slots.find((s) => !s.busy);
      if (!slot && slots.length < size) {
        slot = spawn();
        slots.push(slot);
      }
      if (!slot) return;
      const task = queue.shift() as Task;
      const taken = slot;
      taken.busy = true;
      run(taken, task)
        .catch((error: unknown) => task.fail(error))
        .finally(() => {
          taken.busy = false;
          pump();
        });
    }
  };

  return {
    parse: (input, site) =>
      new Promise((resolve, fail) => {
        if (closed) throw new Error('parse pool is closed');
        queue.push({ input, site, resolve, fail });
        pump();
      }),
    async close() {
      closed = true;
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
