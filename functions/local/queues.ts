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

/**
 * What both local queues keep the same way: the pending messages, the receive counts, the
 * dead-letter list, closing with a time limit, and the SQS record a handler sees. The subclasses
 * decide only how messages are delivered (FIFO batches one at a time, or standard in parallel).
 */
abstract class LocalQueue {
  readonly deadLetters: DeadLetter[] = [];
  protected readonly pending: Message[] = [];
  private idleWaiters: Array<() => void> = [];
  private readonly maxReceiveCount: number;
  private readonly name: string;
  private readonly onDeadLetter: ((letter: DeadLetter) => void) | undefined;
  /** No more messages accepted. */
  private closed = false;
  /** No more deliveries started (close timed out). */
  protected stopped = false;

  constructor(
    protected readonly handler: BatchHandler,
    options: { maxReceiveCount?: number | undefined; name: string; onDeadLetter?: ((letter: DeadLetter) => void) | undefined },
  ) {
    this.maxReceiveCount = options.maxReceiveCount ?? 3;
    this.name = options.name;
    this.onDeadLetter = options.onDeadLetter;
  }

  /** Adds an S3 notification body; returns its message id. */
  enqueue(body: string): string {
    if (this.closed) throw new Error('queue is closed');
    const messageId = randomUUID();
    this.pending.push({ messageId, body, receiveCount: 0, sentAt: Date.now() });
    this.deliverPending();
    return messageId;
  }

  /** Messages not yet handled (queued, and for the standard queue, in flight). */
  abstract get size(): number;
  /** Nothing queued and nothing in flight. */
  protected abstract get idle(): boolean;
  /** Starts delivering what is pending, if not already under way. */
  protected abstract deliverPending(): void;
  /** Waits for the delivery in flight once close has stopped the queue. */
  protected async settle(): Promise<void> {}

  /** Resolves when every message has been handled or dead-lettered. */
  drain(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  protected wakeDrainers(): void {
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /**
   * Stops accepting messages and lets the queued ones be delivered (retries included), for at most
   * timeoutMs; then starts no more. Returns how many messages were left undelivered (the local
   * stack finds their uploads again at its next start).
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
    await this.settle();
    return this.pending.length;
  }

  /** A failed delivery: dead-lettered once it has been received maxReceiveCount times, else returned for a retry. */
  protected failed(m: Message, reason: string): Message | undefined {
    if (m.receiveCount < this.maxReceiveCount) return m;
    const letter = { messageId: m.messageId, body: m.body, receiveCount: m.receiveCount, reason };
    this.deadLetters.push(letter);
    this.onDeadLetter?.(letter);
    return undefined;
  }

  protected toRecord(m: Message, attributes: Partial<SQSRecord['attributes']> = {}): SQSRecord {
    return {
      messageId: m.messageId,
      receiptHandle: `${m.messageId}#${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: 'local',
        ApproximateFirstReceiveTimestamp: String(m.sentAt),
        ...attributes,
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(m.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${this.name}`,
      awsRegion: 'us-east-1',
    };
  }
}

const HANDLER_FAILURE = 'reported as a batch item failure';
const handlerThrew = (error: unknown) => `handler threw: ${(error as Error).message}`;

export class LocalFifoQueue extends LocalQueue {
  private running: Promise<void> | undefined;
  private readonly batchSize: number;
  private readonly batchWindowMs: number;
  private sequence = 0;

  constructor(handler: BatchHandler, options: LocalQueueOptions = {}) {
    super(handler, { maxReceiveCount: options.maxReceiveCount, name: options.name ?? 'feedpub-events.fifo', onDeadLetter: options.onDeadLetter });
    this.batchSize = Math.min(10, options.batchSize ?? 10);
    this.batchWindowMs = options.batchWindowMs ?? 20;
  }

  get size(): number {
    return this.pending.length;
  }

  protected get idle(): boolean {
    return !this.running && this.pending.length === 0;
  }

  protected deliverPending(): void {
    this.running ??= this.startPump();
  }

  protected override async settle(): Promise<void> {
    await this.running;
  }

  private startPump(): Promise<void> {
    return this.pump().finally(() => {
      // A message sent while the last batch finished is picked up by a new pump.
      if (this.pending.length > 0 && !this.stopped) this.running = this.startPump();
      else {
        this.running = undefined;
        this.wakeDrainers();
      }
    });
  }

  private async pump(): Promise<void> {
    while (this.pending.length > 0 && !this.stopped) {
      if (this.pending.length < this.batchSize && this.batchWindowMs > 0) {
        await new Promise((r) => setTimeout(r, this.batchWindowMs));
      }
      const batch = this.pending.splice(0, this.batchSize);
      for (const m of batch) m.receiveCount++;
      let failed: Set<string>;
      let reason = HANDLER_FAILURE;
      try {
        const response = await this.handler({ Records: batch.map((m) => this.fifoRecord(m)) });
        failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      } catch (error) {
        failed = new Set(batch.map((m) => m.messageId));
        reason = handlerThrew(error);
      }
      const retry = batch.filter((m) => failed.has(m.messageId)).flatMap((m) => this.failed(m, reason) ?? []);
      // FIFO: a failed message is retried before anything sent after it.
      this.pending.unshift(...retry);
    }
  }

  private fifoRecord(m: Message): SQSRecord {
    return this.toRecord(m, { MessageGroupId: 'feedpub', MessageDeduplicationId: m.messageId, SequenceNumber: String(++this.sequence) });
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
 * delivered in parallel, in no promised order; a failed one is retried, then dead-lettered. What
 * fails after close has stopped the queue is dropped (the local stack finds those uploads again).
 */
export class LocalStandardQueue extends LocalQueue {
  private active = 0;
  private readonly concurrency: number;

  constructor(handler: BatchHandler, options: StandardQueueOptions = {}) {
    super(handler, { maxReceiveCount: options.maxReceiveCount, name: options.name ?? 'feedpub-ingest', onDeadLetter: options.onDeadLetter });
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  get size(): number {
    return this.pending.length + this.active;
  }

  protected get idle(): boolean {
    return this.size === 0;
  }

  protected deliverPending(): void {
    while (!this.stopped && this.active < this.concurrency && this.pending.length > 0) {
      const message = this.pending.shift() as Message;
      this.active++;
      void this.deliver(message).finally(() => {
        this.active--;
        this.deliverPending();
        if (this.size === 0 || (this.stopped && this.active === 0)) this.wakeDrainers();
      });
    }
  }

  private async deliver(m: Message): Promise<void> {
    m.receiveCount++;
    let failed: boolean;
    let reason = HANDLER_FAILURE;
    try {
      const response = await this.handler({ Records: [this.toRecord(m)] });
      failed = (response?.batchItemFailures ?? []).length > 0;
    } catch (error) {
      failed = true;
      reason = handlerThrew(error);
    }
    if (!failed || this.stopped) return;
    const retry = this.failed(m, reason);
    if (retry) this.pending.push(retry);
  }
}
