// The local stack's side of `feedpub republish`: runs the driver in the stack's process (its ingest
// uses the stack's worker threads) and sends each chunk through the stack's own publish queue, the
// one live uploads use. One run at a time.
import { randomUUID } from 'node:crypto';
import type { SiteConfig } from '../core/model';
import type { ParseRunner } from '../pipeline/ingest';
import type { PublishCore } from '../pipeline/core';
import { republishSite, type RepublishProgress, type RepublishReport } from '../pipeline/republish';
import { republishChunkBody, parseRepublishChunk, type ChunkReport, type RepublishChunk } from '../pipeline/republish-chunk';
import type { ObjectStore } from '../store/types';

export interface LocalRepublisherOptions {
  uploads: ObjectStore;
  siteStore: ObjectStore;
  config: SiteConfig;
  core: PublishCore;
  parse?: ParseRunner;
  now?: () => Date;
  /** The publish queue's enqueue (chunks wait their turn behind live batches). */
  enqueue: (body: string) => void;
}

export interface RepublishRunOptions {
  chunkSize?: number;
  onProgress?: (progress: RepublishProgress) => void;
}

export class RepublishBusyError extends Error {
  constructor(readonly run: string) {
    super(`a republish is already running (${run})`);
  }
}

export class LocalRepublisher {
  private running: string | undefined;
  private readonly waiting = new Map<string, { resolve: (r: ChunkReport) => void; reject: (e: Error) => void; lastError?: string }>();

  constructor(private readonly options: LocalRepublisherOptions) {}

  get activeRun(): string | undefined {
    return this.running;
  }

  async run(options: RepublishRunOptions = {}): Promise<RepublishReport> {
    if (this.running) throw new RepublishBusyError(this.running);
    const run = `local-${randomUUID()}`;
    this.running = run;
    try {
      const { uploads, siteStore: site, config, core } = this.options;
      return await republishSite({
        uploads,
        records: site,
        siteStore: site,
        config,
        core,
        run,
        ...(this.options.parse && { parse: this.options.parse }),
        ...(this.options.now && { now: this.options.now }),
        ...(options.chunkSize !== undefined && { chunkSize: options.chunkSize }),
        ...(options.onProgress && { onProgress: options.onProgress }),
        submit: (chunk) => this.submit(chunk),
      });
    } finally {
      this.running = undefined;
    }
  }

  private submit(chunk: RepublishChunk): Promise<ChunkReport> {
    return new Promise((resolve, reject) => {
      this.waiting.set(idOf(chunk), { resolve, reject });
      try {
        this.options.enqueue(republishChunkBody(chunk));
      } catch (error) {
        this.waiting.delete(idOf(chunk));
        reject(error as Error);
      }
    });
  }

  /** The publish handler committed a chunk. */
  async chunkDone(chunk: RepublishChunk, report: ChunkReport): Promise<void> {
    const waiter = this.waiting.get(idOf(chunk));
    this.waiting.delete(idOf(chunk));
    waiter?.resolve(report);
  }

  /** The writer could not commit a chunk (the queue will retry it): kept for the run report. */
  async chunkFailed(chunk: RepublishChunk, reason: string): Promise<void> {
    const waiter = this.waiting.get(idOf(chunk));
    if (waiter) waiter.lastError = reason;
  }

  /** The queue gave up on a message: if it was a chunk, its run stops with the reason. */
  deadLettered(body: string, reason: string): void {
    const parsed = parseRepublishChunk(body);
    if (!parsed?.ok) return;
    const waiter = this.waiting.get(idOf(parsed.chunk));
    this.waiting.delete(idOf(parsed.chunk));
    waiter?.reject(new Error(`republish chunk ${parsed.chunk.index + 1}/${parsed.chunk.total} failed after retries: ${waiter.lastError ?? reason}`));
  }

  /** The stack is stopping: runs still waiting end with an error instead of hanging. */
  close(): void {
    for (const [id, waiter] of this.waiting) {
      this.waiting.delete(id);
      waiter.reject(new Error('the local stack stopped during the republish; run it again'));
    }
  }
}

const idOf = (chunk: RepublishChunk): string => `${chunk.run}#${chunk.index}`;
