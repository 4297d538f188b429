// Infrastructure faults against the real local S3 API: throttling answered by S3 (503 SlowDown,
// injected below the SDK's retry layer) is retried and publishes; a fault that outlasts the retries
// fails the batch, SQS redelivers and finally dead-letters it; a poison file never blocks its batch.
import type { S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { HeadManifest } from '../../functions/core/site-index/types';
import type { QuarantineRecord, SiteStatus } from '../../functions/core/model';
import { startHarness, type Harness } from '../support/harness';
import { stubCore } from '../support/stub-core';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Makes S3 answer the matching requests with an HTTP error, as if the server sent it. */
function injectHttpError(client: S3Client, status: number, code: string, matches: (input: { Key?: string }, command: string) => boolean) {
  let remaining = Number.POSITIVE_INFINITY;
  const state = { injected: 0, limit: (n: number) => (remaining = n) };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: string };
      if (remaining > 0 && matches(input, context.commandName ?? '')) {
        remaining--;
        state.injected++;
        const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected</Message></Error>`;
        return {
          response: { statusCode: status, reason: code, headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(xml)]) },
          output: undefined,
        } as never;
      }
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name: 'injectHttpError' },
  );
  return state;
}

const article = (title: string, day: number) => `${title}\nDate: 2026-04-${String(day).padStart(2, '0')}T00:00:00Z\nText.`;

describe('infrastructure faults', () => {
  it('retries S3 throttling (503 SlowDown) and publishes', async () => {
    h = await startHarness({ core: stubCore });
    const fault = injectHttpError(h.s3.client, 503, 'SlowDown', (input, cmd) => cmd === 'PutObjectCommand' && input.Key === '_feedpub/head.json');
    fault.limit(2);
    await h.s3.uploads.put('a.txt', article('Alpha', 1));
    await h.queue.drain();
    expect(fault.injected).toBe(2);
    expect((await h.readSiteJson<HeadManifest>('_feedpub/head.json'))?.items.map((i) => i.title)).toEqual(['Alpha']);
    expect(h.queue.deadLetters).toEqual([]);
  });

  it('a fault that outlasts the retries fails the whole batch, is redelivered, dead-lettered, and redriven later', async () => {
    h = await startHarness({ core: stubCore, queue: { maxReceiveCount: 2, batchWindowMs: 30 } });
    const fault = injectHttpError(h.s3.client, 500, 'InternalError', (input, cmd) => cmd === 'PutObjectCommand' && input.Key === '_feedpub/head.json');
    await h.s3.uploads.put('a.txt', article('Alpha', 1));
    await h.s3.uploads.put('b.txt', article('Beta', 2));
    await h.queue.drain();
    expect(fault.injected).toBeGreaterThanOrEqual(2 * 3); // two receives x SDK attempts
    expect(h.queue.deadLetters.map((d) => d.receiveCount)).toEqual([2, 2]);
    expect(await h.readSiteJson('_feedpub/head.json')).toBeUndefined();
    // The operator fixes the fault and redrives the DLQ: the batch converges.
    fault.limit(0);
    for (const dead of h.queue.deadLetters.splice(0)) h.queue.enqueue(dead.body);
    await h.queue.drain();
    expect((await h.readSiteJson<HeadManifest>('_feedpub/head.json'))?.items.map((i) => i.title)).toEqual(['Beta', 'Alpha']);
  });

  it('a failing read fails only the messages of that key', async () => {
    h = await startHarness({ core: stubCore, queue: { maxReceiveCount: 1, batchWindowMs: 30 } });
    injectHttpError(h.s3.client, 500, 'InternalError', (input, cmd) => cmd === 'GetObjectCommand' && input.Key === 'flaky.txt');
    await h.s3.uploads.put('flaky.txt', article('Flaky', 1));
    await h.s3.uploads.put('fine.txt', article('Fine', 2));
    await h.queue.drain();
    expect(h.queue.deadLetters).toHaveLength(1);
    expect(h.queue.deadLetters[0]?.body).toContain('flaky.txt');
    expect((await h.readSiteJson<HeadManifest>('_feedpub/head.json'))?.items.map((i) => i.title)).toEqual(['Fine']);
  });

  it('quarantines a poison file while the rest of its batch publishes; a fixed upload clears it', async () => {
    h = await startHarness({ core: stubCore, queue: { batchWindowMs: 50 } });
    const harness = h;
    await Promise.all([
      harness.s3.uploads.put('good-1.txt', article('Good one', 1)),
      harness.s3.uploads.put('news/poison file.txt', 'POISON'),
      harness.s3.uploads.put('good-2.txt', article('Good two', 2)),
    ]);
    await harness.queue.drain();
    expect(harness.queue.deadLetters).toEqual([]);
    const status = (await harness.readSiteJson<SiteStatus>('status.json')) as SiteStatus;
    expect(status.articles).toBe(2);
    expect(status.quarantined.map((q) => [q.key, q.code, q.reason, q.size])).toEqual([['news/poison file.txt', 'binary', 'poison content', 6]]);
    const record = (await harness.readSiteJson<QuarantineRecord>('_feedpub/quarantine/news/poison file.txt.json')) as QuarantineRecord;
    expect(record).toMatchObject({ key: 'news/poison file.txt', code: 'binary', reason: 'poison content', size: 6 });
    expect(record.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT/);

    await harness.s3.uploads.put('news/poison file.txt', article('Now fine', 3));
    await harness.queue.drain();
    const after = (await harness.readSiteJson<SiteStatus>('status.json')) as SiteStatus;
    expect([after.articles, after.quarantined]).toEqual([3, []]);
    expect(await harness.readSiteText('_feedpub/quarantine/news/poison file.txt.json')).toBeUndefined();
  });
});
