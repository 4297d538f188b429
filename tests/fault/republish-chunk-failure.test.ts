// A republish chunk the single writer gives up on, on the real local stack (s3rver, FIFO publish
// queue with its retries and dead-letter list, the stack's republisher): once the first chunk is
// committed, every read of the head manifest answers 500 (injected below the SDK's retries), so
// the next chunk's commit fails, is redelivered and dead-lettered. The run report says how many
// chunks were committed, which one failed and why, how many were never sent, and every key not
// republished; the CLI's text says the same; a run after the fault is cleared completes.
import type { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRepublishReport } from '../../functions/cli/commands/republish';
import { HEAD_KEY } from '../../functions/core/site-index/paths';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const CONTENT = join(import.meta.dirname, '../../content');
const CLOCK = new Date('2031-03-04T05:06:07.000Z');

/** Answers matching S3 requests with HTTP 500 while `on` is set, as if the server sent it. */
function injectHeadReadFault(client: S3Client) {
  const state = { on: false, injected: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: string };
      if (state.on && context.commandName === 'GetObjectCommand' && input.Key === HEAD_KEY) {
        state.injected++;
        const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>injected</Message></Error>';
        return {
          response: { statusCode: 500, reason: 'InternalError', headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(xml)]) },
        } as never;
      }
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name: 'injectHeadReadFault' } as never,
  );
  return state;
}

let dataDir: string;
let stack: LocalStack;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-republish-fault-'));
  stack = await startLocalStack({ port: 0, s3Port: 0, dataDir, contentDir: CONTENT, now: () => CLOCK, logger: new Logger({ logLevel: 'SILENT' }) });
  await stack.queue.drain();
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('a republish chunk that fails after retries', () => {
  it('is reported with the committed chunk count, the failed chunk and its reason, and the keys not republished', async () => {
    const uploadKeys = (await stack.s3.uploads.list('')).sort();
    const fault = injectHeadReadFault(stack.s3.client);
    let committedBeforeFault = 0;
    const report = await stack.republisher.run({
      chunkSize: 3,
      onProgress: (p) => {
        // Reported once per committed chunk: from the first one on, the writer cannot read the head.
        if (p.phase === 'publish' && p.done > 0 && !fault.on) {
          committedBeforeFault = p.done;
          fault.on = true;
        }
      },
    });
    fault.on = false;
    expect(fault.injected).toBeGreaterThan(0);
    expect(report.plannedChunks).toBeGreaterThanOrEqual(3);
    expect(report.chunks).toBe(1);
    expect(report.failedChunks).toHaveLength(1);
    expect(report.failedChunks[0]).toMatchObject({ index: 1 });
    expect(report.failedChunks[0]?.reason).toMatch(/^republish chunk 2\/\d+ failed after retries: .*(InternalError|injected)/);
    expect(report.chunksNotSent).toBe(report.plannedChunks - 2);
    // Every upload is either in the committed chunk or named as not republished, never both.
    const published = Object.values(report.outcomes).reduce((a, b) => a + (b ?? 0), 0);
    expect(published).toBe(committedBeforeFault);
    expect(new Set(report.notRepublished).size).toBe(report.notRepublished.length);
    expect(published + report.notRepublished.length).toBe(uploadKeys.length);
    for (const key of report.notRepublished) expect(uploadKeys).toContain(key);
    expect(report.notRepublished.length).toBeGreaterThanOrEqual(report.failedChunks[0]?.keys ?? 0);

    const text = formatRepublishReport(report);
    expect(text).toContain(`in 1 of ${report.plannedChunks} chunks`);
    expect(text).toContain(`chunk 2/${report.plannedChunks} failed (${report.failedChunks[0]?.keys} keys)`);
    expect(text).toContain(`${report.plannedChunks - 2} chunks after it were not sent`);
    expect(text).toContain(`not republished ${report.notRepublished.length} keys`);
    expect(text).toContain(report.notRepublished[0]);

    // The fault cleared, the next run commits every chunk.
    const again = await stack.republisher.run({ chunkSize: 3 });
    expect(again).toMatchObject({ chunks: again.plannedChunks, failedChunks: [], chunksNotSent: 0, notRepublished: [] });
    expect(Object.values(again.outcomes).reduce((a, b) => a + (b ?? 0), 0)).toBe(uploadKeys.length);
  }, 180_000);
});
