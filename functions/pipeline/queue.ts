// In-process stand-in for the FIFO queue with one message group: batches of up to 10 delivered
// serially to one handler, partial batch failures redelivered, then dead-lettered. Used by
// `npm start` and the tests so they run the handler with the batch semantics SQS gives it.
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createHash, randomUUID } from 'node:crypto';

export type BatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void>;

export interface LocalQueueOptions {
  batchSize?: number;
  /** How long to wait for more messages after the first one arrives (SQS MaximumBatchingWindow). */
  batchWindowMs?: number;
  maxReceiveCount?: number;
  /** Queue name in the record ARNs. */
  name?: string;
  /** Told about each message moved to the dead-letter list (the local stack logs it). */
  onDeadLetter?: (letter: DeadLetter) => void;
}

interface Message {
  messageId: string;
  body: string;
  receiveCount: number;
  sentAt: number;
}

export interface DeadLetter {
  messageId: string;
  body: string;
  receiveCount: number;
  reason: string;
}

export class LocalFifoQueue {
  readonly deadLetters: DeadLetter[] = [];
  private readonly pending: Message[] = [];
  private running: Promise<void> | undefined;
  private idleWaiters: Array<() => void> = [];
  private readonly batchSize: number;
  private readonly batchWindowMs: number;
  private readonly maxReceiveCount: number;
  private readonly name: string;
  private readonly onDeadLetter: ((letter: DeadLetter) => void) | undefined;
  private sequence = 0;
  /** No more messages accepted. */
  private closed = false;
  /** No more batches started (close timed out). */
  private stopped = false;

  constructor(
    private readonly handler: BatchHandler,
    options: LocalQueueOptions = {},
  ) {
    this.batchSize = Math.min(10, options.batchSize ?? 10);
    this.batchWindowMs = options.batchWindowMs ?? 20;
    this.maxReceiveCount = options.maxReceiveCount ?? 3;
    this.name = options.name ?? 'feedpub-events.fifo';
    this.onDeadLetter = options.onDeadLetter;
  }

  /** Adds an S3 notification body; returns its message id. */
  enqueue(body: string): string {
    if (this.closed) throw new Error('queue is closed');
    const messageId = randomUUID();
    this.pending.push({ messageId, body, receiveCount: 0, sentAt: Date.now() });
    this.running ??= this.startPump();
    return messageId;
  }

  private startPump(): Promise<void> {
    return this.pump().finally(() => {
      // A message sent while the last batch finished is picked up by a new pump.
      if (this.pending.length > 0 && !this.stopped) this.running = this.startPump();
      else {
        this.running = undefined;
        for (const wake of this.idleWaiters.splice(0)) wake();
      }
    });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Resolves when every message has been handled or dead-lettered. */
  drain(): Promise<void> {
    if (!this.running && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops accepting messages and lets the queued ones be delivered (retries included), for at most
   * timeoutMs; then stops after the batch in flight. Returns how many messages were left undelivered
   * (the local stack finds their uploads again at its next start).
   */
  async close(options: { timeoutMs?: number } = {}): Promise<number> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.timeoutMs ?? 10_000);
    });
    await Promise.race([this.drain(), timedOut]);
    clearTimeout(timer);
    this.stopped = true;
    await this.running;
    return this.pending.length;
  }

  private async pump(): Promise<void> {
    while (this.pending.length > 0 && !this.stopped) {
      if (this.pending.length < this.batchSize && this.batchWindowMs > 0) {
        await new Promise((r) => setTimeout(r, this.batchWindowMs));
      }
      const batch = this.pending.splice(0, this.batchSize);
      for (const m of batch) m.receiveCount++;
      let failed: Set<string>;
      let reason = 'reported as a batch item failure';
      try {
        const response = await this.handler({ Records: batch.map((m) => this.toRecord(m)) });
        failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch (error) {
        failed = new Set(batch.map((m) => m.messageId));
        reason = `handler threw: ${(error as Error).message}`;
      }
      const retry: Message[] = [];
      for (const m of batch) {
        if (!failed.has(m.messageId)) continue;
        if (m.receiveCount >= this.maxReceiveCount) {
          const letter = { messageId: m.messageId, body: m.body, receiveCount: m.receiveCount, reason };
          this.deadLetters.push(letter);
          this.onDeadLetter?.(letter);
        } else retry.push(m);
      }
      // FIFO: a failed message is retried before anything sent after it.
      this.pending.unshift(...retry);
    }
  }

  private toRecord(m: Message): SQSRecord {
    const arn = `arn:aws:sqs:us-east-1:000000000000:${this.name}`;
    return {
      messageId: m.messageId,
      receiptHandle: `${m.messageId}#${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(m.sentAt),
        MessageGroupId: 'feedpub',
        MessageDeduplicationId: m.messageId,
        SequenceNumber: String(++this.sequence),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(m.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: arn,
      awsRegion: 'us-east-1',
    };
  }
}

export interface StandardQueueOptions {
  /** Messages handled at once (Lambda's concurrency on a standard queue); each batch is one message. */
  concurrency?: number;
  maxReceiveCount?: number;
  name?: string;
  onDeadLetter?: (letter: DeadLetter) => void;
}

/**
 * In-process stand-in for a standard SQS queue feeding a function with batch size 1: messages are
 * delivered in parallel, in no promised order; a failed one is retried, then dead-lettered.
 */
export class LocalStandardQueue {
  readonly deadLetters: DeadLetter[] = [];
  private readonly pending: Message[] = [];
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly maxReceiveCount: number;
  private readonly name: string;
  private readonly onDeadLetter: ((letter: DeadLetter) => void) | undefined;
  private closed = false;
  private stopped = false;

  constructor(
    private readonly handler: BatchHandler,
    options: StandardQueueOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.maxReceiveCount = options.maxReceiveCount ?? 3;
    this.name = options.name ?? 'feedpub-ingest';
    this.onDeadLetter = options.onDeadLetter;
  }

  enqueue(body: string): string {
    if (this.closed) throw new Error('queue is closed');
    const messageId = randomUUID();
    this.pending.push({ messageId, body, receiveCount: 0, sentAt: Date.now() });
    this.pump();
    return messageId;
  }

  get size(): number {
    return this.pending.length + this.active;
  }

  drain(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Stops accepting messages; lets the queued ones be delivered for at most timeoutMs, then starts no
   * more and drops what fails after that (the local stack finds those uploads again at its next
   * start). Returns how many messages were left undelivered.
   */
  async close(options: { timeoutMs?: number } = {}): Promise<number> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.drain(), new Promise<void>((resolve) => (timer = setTimeout(resolve, options.timeoutMs ?? 10_000)))]);
    clearTimeout(timer);
    this.stopped = true;
    return this.pending.length;
  }

  private pump(): void {
    while (!this.stopped && this.active < this.concurrency && this.pending.length > 0) {
      const message = this.pending.shift() as Message;
      this.active++;
      void this.deliver(message).finally(() => {
        this.active--;
        this.pump();
        if (this.size === 0 || (this.stopped && this.active === 0)) for (const wake of this.idleWaiters.splice(0)) wake();
      });
    }
  }

  private async deliver(m: Message): Promise<void> {
    m.receiveCount++;
    let failed: boolean;
    let reason = 'reported as a batch item failure';
    try {
      const response = await this.handler({ Records: [this.toRecord(m)] });
      failed = (response?.batchItemFailures ?? []).length > 0;
    } catch (error) {
      failed = true;
      reason = `handler threw: ${(error as Error).message}`;
    }
    if (!failed || this.stopped) return;
    if (m.receiveCount >= this.maxReceiveCount) {
      const letter = { messageId: m.messageId, body: m.body, receiveCount: m.receiveCount, reason };
      this.deadLetters.push(letter);
      this.onDeadLetter?.(letter);
    } else this.pending.push(m);
  }

  private toRecord(m: Message): SQSRecord {
    return {
      messageId: m.messageId,
      receiptHandle: `${m.messageId}#${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(m.sentAt),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(m.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${this.name}`,
      awsRegion: 'us-east-1',
    };
  }
}
