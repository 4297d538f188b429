// The two stages on one machine, wired as in AWS: S3 notification -> standard ingest queue
// (parallel, one message per delivery) -> ingest handler (parse on worker threads) -> FIFO publish
// queue (one group, batches) -> publish handler. `npm start` and the integration tests run it.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SiteConfig } from '../core/model';
import type { PublishCore } from '../pipeline/core';
import { createIngestHandler } from '../pipeline/ingest-lambda';
import type { ParseRunner } from '../pipeline/ingest';
import type { PublishHandler } from '../pipeline/lambda';
import { LocalFifoQueue, LocalStandardQueue, type DeadLetter, type LocalQueueOptions } from './queues';
import type { ObjectStore } from '../store/types';

export interface LocalPipelineOptions {
  uploads: ObjectStore;
  siteStore: ObjectStore;
  uploadsBucket: string;
  config: SiteConfig;
  core: PublishCore;
  publish: PublishHandler;
  /** Parses off the main thread (the worker pool); default: in this thread. */
  parse?: ParseRunner;
  ingestConcurrency?: number;
  publishQueue?: LocalQueueOptions;
  logger?: Logger;
  onDeadLetter?: (letter: DeadLetter) => void;
  /** The clock of both stages (the publish handler is built with the same one). */
  now?: () => Date;
}

export class LocalPipeline {
  readonly ingest: LocalStandardQueue;
  readonly publish: LocalFifoQueue;

  constructor(options: LocalPipelineOptions) {
    this.publish = new LocalFifoQueue(options.publish, {
      ...options.publishQueue,
      ...(options.onDeadLetter && { onDeadLetter: options.onDeadLetter }),
    });
    const ingestHandler = createIngestHandler({
      uploads: options.uploads,
      records: options.siteStore,
      config: options.config,
      core: options.core,
      uploadsBucket: options.uploadsBucket,
      ...(options.parse && { parse: options.parse }),
      ...(options.logger && { logger: options.logger }),
      ...(options.now && { now: options.now }),
      sendToPublish: async (body) => {
        this.publish.enqueue(body);
      },
    });
    this.ingest = new LocalStandardQueue(ingestHandler, {
      concurrency: options.ingestConcurrency ?? 4,
      ...(options.onDeadLetter && { onDeadLetter: options.onDeadLetter }),
    });
  }

  /** An S3 notification body, as S3 sends it to the ingest queue. */
  enqueue(body: string): string {
    return this.ingest.enqueue(body);
  }

  /** Messages dead-lettered by either stage. */
  get deadLetters(): DeadLetter[] {
    return [...this.ingest.deadLetters, ...this.publish.deadLetters];
  }

  get size(): number {
    return this.ingest.size + this.publish.size;
  }

  /** Resolves when both stages are idle (ingest forwards into publish, so drain until both are). */
  async drain(): Promise<void> {
    do {
      await this.ingest.drain();
      await this.publish.drain();
    } while (this.ingest.size > 0 || this.publish.size > 0);
  }

  /**
   * Lets queued uploads through each stage for at most timeoutMs (so at most twice that in all: a
   * stage's share must not shrink because the other was slow); returns how many were left.
   */
  async close(options: { timeoutMs?: number } = {}): Promise<number> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const leftInIngest = await this.ingest.close({ timeoutMs });
    const leftInPublish = await this.publish.close({ timeoutMs });
    return leftInIngest + leftInPublish;
  }
}
