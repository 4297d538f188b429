// Writes a whole site into a folder from a worker thread. The main thread only encodes each body,
// once, into the current batch buffer and goes back to rendering; mkdir, open, write and close (the
// kernel's share of a full build, as much as rendering itself on this machine's disk) run on another core.
import { Worker } from 'node:worker_threads';

/** A batch is sent when this much is encoded: a few hundred pages, few enough messages. */
const BATCH_BYTES = 1 << 20;
/** Batches sent and not yet written before write() asks the caller to wait (memory stays ~8 MB). */
const MAX_IN_FLIGHT = 8;

// The worker's code as text (eval), so it runs the same from the TypeScript sources and from the
// bundled CLI: there is no worker file to find. Plain CommonJS, Node built-ins only.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { closeSync, mkdirSync, openSync, writeSync } = require('node:fs');
const { dirname } = require('node:path');
const folders = new Set();
function writeFile(path, bytes, start, end) {
  const fd = openSync(path, 'w');
  try {
    for (let at = start; at < end; ) at += writeSync(fd, bytes, at, end - at);
  } finally {
    closeSync(fd);
  }
}
parentPort.on('message', ({ paths, ends, buffer }) => {
  const bytes = new Uint8Array(buffer);
  let error;
  for (let i = 0, start = 0; i < paths.length && error === undefined; start = ends[i], i++) {
    const path = paths[i];
    const folder = dirname(path);
    try {
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      try {
        writeFile(path, bytes, start, ends[i]);
      } catch (e) {
        if (e.code !== 'ENOENT') throw e;
        mkdirSync(folder, { recursive: true }); // removed behind our back: make it again, once
        writeFile(path, bytes, start, ends[i]);
      }
    } catch (e) {
      error = 'cannot write ' + path + ': ' + (e && e.message ? e.message : String(e));
    }
  }
  // The buffer goes back for the next batch (transferred again, no copy).
  parentPort.postMessage({ error, buffer }, [buffer]);
});
`;

export class FolderWriter {
  /** Bytes handed to the writer so far, counted as encoded. */
  bytesWritten = 0;
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  /**
   * Batch buffers the worker has handed back. Reusing them (at most MAX_IN_FLIGHT + 1 exist) instead of
   * a fresh megabyte per batch keeps ~240 MB of external allocations out of a 10k build, whose pressure
   * made V8 collect more often.
   */
  private readonly spare: ArrayBuffer[] = [];
  private buffer = Buffer.allocUnsafeSlow(BATCH_BYTES);
  private used = 0;
  private paths: string[] = [];
  private ends: number[] = [];
  private inFlight = 0;
  private error: string | undefined;
  private waiters: (() => void)[] = [];
  private crashed: Error | undefined;

  constructor() {
    this.worker.on('message', ({ error, buffer }: { error?: string; buffer: ArrayBuffer }) => {
      this.inFlight--;
      this.error ??= error;
      if (buffer.byteLength === BATCH_BYTES) this.spare.push(buffer);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.worker.on('error', (error) => {
      this.crashed = error;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** True when the caller should `await drained()` before writing more. */
  get backlogged(): boolean {
    return this.inFlight >= MAX_IN_FLIGHT;
  }

  /** Queues one file (absolute path). Its bytes are copied: the caller may reuse `body`. */
  write(path: string, body: string | Uint8Array): void {
    this.check();
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const room = typeof body === 'string' ? body.length * 3 : body.byteLength;
    if (room > this.buffer.length - this.used) {
      this.send();
      if (room > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(room);
    }
    const length = typeof body === 'string' ? this.buffer.write(body, this.used, 'utf8') : (this.buffer.set(body, this.used), body.byteLength);
    this.used += length;
    this.bytesWritten += length;
    this.paths.push(path);
    this.ends.push(this.used);
  }

  /** Resolves when fewer than the maximum batches are waiting to be written. */
  async drained(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT && this.crashed === undefined) await new Promise<void>((wake) => this.waiters.push(wake));
    this.check();
  }

  /** Resolves when everything queued so far is written (a delete that must come after them waits for this). */
  async flush(): Promise<void> {
    if (this.crashed === undefined) this.send();
    while (this.inFlight > 0 && this.crashed === undefined) await new Promise<void>((wake) => this.waiters.push(wake));
    this.check();
  }

  /** Writes what is queued, stops the thread, and throws the first write error, if any. */
  async close(): Promise<void> {
    try {
      if (this.crashed === undefined) this.send();
      while (this.inFlight > 0 && this.crashed === undefined) await new Promise<void>((wake) => this.waiters.push(wake));
      this.check();
    } finally {
      await this.worker.terminate();
    }
  }

  private check(): void {
    if (this.crashed !== undefined) throw this.crashed;
    if (this.error !== undefined) throw new Error(this.error);
  }

  private send(): void {
    if (this.paths.length === 0) return;
    // The batch's memory moves to the worker (no copy); the next batch gets a new buffer.
    const buffer = this.buffer.buffer;
    this.worker.postMessage({ paths: this.paths, ends: this.ends, buffer }, [buffer]);
    this.inFlight++;
    const spare = this.spare.pop();
    this.buffer = spare === undefined ? Buffer.allocUnsafeSlow(BATCH_BYTES) : Buffer.from(spare);
    this.used = 0;
    this.paths = [];
    this.ends = [];
  }
}
