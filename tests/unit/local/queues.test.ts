import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { LocalFifoQueue } from '../../../functions/local/queues';

describe('LocalFifoQueue', () => {
  it('delivers batches of at most 10, one at a time, in order', async () => {
    const seen: string[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const queue = new LocalFifoQueue(async (event: SQSEvent) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      seen.push(event.Records.map((r) => r.body));
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
    }, { batchWindowMs: 5 });
    for (let i = 0; i < 25; i++) queue.enqueue(String(i));
    await queue.drain();
    expect(seen.map((b) => b.length)).toEqual([10, 10, 5]);
    expect(seen.flat()).toEqual(Array.from({ length: 25 }, (_, i) => String(i)));
    expect(maxInFlight).toBe(1);
  });

  it('redelivers reported failures and dead-letters them after maxReceiveCount', async () => {
    const receives = new Map<string, number>();
    const told: string[] = [];
    const queue = new LocalFifoQueue(async (event) => {
      for (const r of event.Records) receives.set(r.body, (receives.get(r.body) ?? 0) + 1);
      return { batchItemFailures: event.Records.filter((r) => r.body === 'bad').map((r) => ({ itemIdentifier: r.messageId })) };
    }, { batchWindowMs: 0, maxReceiveCount: 3, onDeadLetter: (d) => told.push(`${d.body}:${d.receiveCount}`) });
    queue.enqueue('ok');
    queue.enqueue('bad');
    await queue.drain();
    expect(receives.get('ok')).toBe(1);
    expect(receives.get('bad')).toBe(3);
    expect(queue.deadLetters.map((d) => [d.body, d.receiveCount])).toEqual([['bad', 3]]);
    expect(told).toEqual(['bad:3']);
  });

  it('treats a thrown handler as a failed batch', async () => {
    let calls = 0;
    const queue = new LocalFifoQueue(async () => {
      calls++;
      if (calls === 1) throw new Error('SlowDown');
    }, { batchWindowMs: 0 });
    queue.enqueue('x');
    await queue.drain();
    expect(calls).toBe(2);
    expect(queue.deadLetters).toEqual([]);
  });

  it('close() delivers the messages already queued, then refuses new ones', async () => {
    const seen: string[] = [];
    const queue = new LocalFifoQueue(async (event) => {
      await new Promise((r) => setTimeout(r, 5));
      for (const r of event.Records) seen.push(r.body);
    }, { batchWindowMs: 5 });
    for (let i = 0; i < 25; i++) queue.enqueue(String(i));
    expect(await queue.close()).toBe(0);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => String(i)));
    expect(() => queue.enqueue('late')).toThrow('closed');
  });

  it('close() gives up after its timeout: the batch in flight finishes, the rest is left and counted', async () => {
    const seen: string[] = [];
    const queue = new LocalFifoQueue(async (event) => {
      await new Promise((r) => setTimeout(r, 60));
      for (const r of event.Records) seen.push(r.body);
    }, { batchWindowMs: 1 });
    for (let i = 0; i < 30; i++) queue.enqueue(String(i));
    const left = await queue.close({ timeoutMs: 20 });
    expect(seen).toHaveLength(10);
    expect(left).toBe(20);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(10);
  });
});

