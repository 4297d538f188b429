// The AWS steps over a store in memory: what the state machine's Lambdas do with their inputs.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { chunksKey, finishRun, ingestBatch, MAX_CHUNK_KEY_BYTES, planChunks, recordChunkFailure, recordChunkReport, runPrefix } from '../../../functions/pipeline/republish-steps';
import type { RepublishChunk } from '../../../functions/pipeline/republish-chunk';
import { MemoryObjectStore } from '../../../functions/store/memory';

const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const json = async (store: MemoryObjectStore, key: string) => JSON.parse(Buffer.from((await store.get(key))?.bytes ?? new Uint8Array()).toString('utf8'));

describe('ingestBatch', () => {
  it('ingests the listed keys the live pipeline would, skips the rest, and reports failures without throwing', async () => {
    const uploads = new MemoryObjectStore();
    const records = new MemoryObjectStore();
    await uploads.put('a.txt', 'A title\n\nBody.');
    await uploads.put('notes.docx', 'x');
    const failing = { ...uploads, head: uploads.head.bind(uploads), list: uploads.list.bind(uploads), listObjects: uploads.listObjects.bind(uploads), put: uploads.put.bind(uploads), delete: uploads.delete.bind(uploads), get: async (k: string) => (k === 'b.txt' ? Promise.reject(new Error('SlowDown')) : uploads.get(k)) };
    await uploads.put('b.txt', 'B title\n\nBody.');
    const result = await ingestBatch({ uploads: failing, records, config: site, core: defaultCore }, [{ Key: 'a.txt' }, { Key: 'notes.docx' }, { Key: 'b.txt' }], (k) => k.endsWith('.txt'));
    expect(result.verdicts).toEqual({ article: 1, skipped: 1, failed: 1 });
    expect(result.failed).toEqual([{ key: 'b.txt', reason: 'SlowDown' }]);
  });
});

describe('planChunks', () => {
  it('writes the chunk list under the run prefix; no chunk exceeds the queue message budget', async () => {
    const uploads = new MemoryObjectStore();
    const store = new MemoryObjectStore();
    const long = (i: number) => `${'x'.repeat(900)}/${i}.txt`;
    for (let i = 0; i < 400; i++) await uploads.put(long(i), 'T\n\nB.');
    const planned = await planChunks(uploads, store, defaultCore.isImageKey, () => true, 'exec-1', 1000);
    const chunks = (await json(store, planned.key)) as RepublishChunk[];
    expect(planned.key).toBe(`${runPrefix('exec-1')}chunks.json`);
    expect(chunks.flatMap((c) => c.keys)).toHaveLength(400);
    for (const c of chunks) expect(JSON.stringify(c.keys).length).toBeLessThanOrEqual(MAX_CHUNK_KEY_BYTES + 16);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => [c.index, c.total])).toEqual(chunks.map((_, i) => [i, chunks.length]));
  });
});

describe('finishRun', () => {
  const chunkReport = (index: number, keys: number) => ({ run: 'r', index, keys, outcomes: { unchanged: keys - 1, updated: 1 }, failed: [], changedPaths: 3, replacedCached: true, feedsChanged: false, bytesWritten: 10, ms: 5 });
  const plan = (sizes: number[]) => sizes.map((n, index) => ({ run: 'r', index, total: sizes.length, images: false, rerenderMonths: [], keys: Array.from({ length: n }, (_, k) => `c${index}/k${k}.txt`) }));

  it('sums the ingest map\'s result files (ResultWriter manifest layout) and the recorded chunk reports into a report written next to them', async () => {
    const store = new MemoryObjectStore();
    const put = (key: string, value: unknown) => store.put(key, JSON.stringify(value));
    await put('_feedpub/republish/runs/ingest/m/manifest.json', { ResultFiles: { SUCCEEDED: [{ Key: 'i/ok.json' }], FAILED: [{ Key: 'i/bad.json' }] } });
    await put('i/ok.json', [{ Output: JSON.stringify({ keys: 2, verdicts: { article: 2 }, failed: [] }) }]);
    await put('i/bad.json', [{ Input: JSON.stringify({ Items: [{ Key: 'slow.txt' }] }), Error: 'States.Timeout', Cause: 'Task timed out' }]);
    await put(chunksKey('r'), plan([2]));
    await recordChunkReport(store, chunkReport(0, 2));
    const report = await finishRun(store, { run: 'r', ingestResults: '_feedpub/republish/runs/ingest/m/manifest.json' });
    expect(report).toMatchObject({
      ok: true,
      ingest: { batches: 2, failedBatches: 1, verdicts: { article: 2 }, failed: [{ key: 'slow.txt', reason: 'States.Timeout: Task timed out' }] },
      publish: { chunks: 1, plannedChunks: 1, failedChunks: [], chunksNotSent: 0, notRepublished: { count: 0, keys: [] }, outcomes: { unchanged: 1, updated: 1 }, changedPaths: 3 },
      replacedCached: true,
    });
    expect(await json(store, `${runPrefix('r')}report.json`)).toEqual(report);
  });

  it('after a failed chunk: the chunks committed before it, which one failed and why, how many were not sent, and their keys', async () => {
    const store = new MemoryObjectStore();
    await store.put(chunksKey('r'), JSON.stringify(plan([3, 2, 4, 60])));
    await recordChunkReport(store, chunkReport(0, 3));
    const report = await finishRun(store, { run: 'r', error: 'States.Timeout: chunk not committed' });
    expect(report.ok).toBe(false);
    expect(report.error).toBe('States.Timeout: chunk not committed');
    expect(report.publish).toMatchObject({
      chunks: 1,
      plannedChunks: 4,
      failedChunks: [{ index: 1, keys: 2, reason: 'States.Timeout: chunk not committed' }],
      chunksNotSent: 2,
      outcomes: { unchanged: 2, updated: 1 },
    });
    // 2 + 4 + 60 keys left as they were: counted, the first 50 named, all of them in the run's file.
    const left = plan([3, 2, 4, 60]).slice(1).flatMap((c) => c.keys);
    expect(report.publish.notRepublished.count).toBe(66);
    expect(report.publish.notRepublished.keys).toEqual(left.slice(0, 50));
    expect(await json(store, report.publish.notRepublished.file)).toEqual(left);
  });

  it("names the writer's last error for the failed chunk when the publisher recorded one", async () => {
    const store = new MemoryObjectStore();
    const chunks = plan([1, 1]);
    await store.put(chunksKey('r'), JSON.stringify(chunks));
    await recordChunkReport(store, chunkReport(0, 1));
    await recordChunkFailure(store, chunks[1] as RepublishChunk, 'SlowDown: head.json');
    const report = await finishRun(store, { run: 'r', error: 'States.Timeout' });
    expect(report.publish.failedChunks).toEqual([{ index: 1, keys: 1, reason: "States.Timeout; the writer's last error: SlowDown: head.json" }]);
  });

  it('a run that ended in error before any plan is not ok and says why', async () => {
    const report = await finishRun(new MemoryObjectStore(), { run: 'r', error: 'chunk 3 timed out' });
    expect(report.ok).toBe(false);
    expect(report.error).toBe('chunk 3 timed out');
    expect(report.publish).toMatchObject({ chunks: 0, plannedChunks: 0, failedChunks: [] });
  });
});
