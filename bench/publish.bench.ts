// Per-upload publish cost against archive size: 100, 10,000 and 100,000 articles, on the real
// local S3 API (s3rver). The index is seeded directly (head + month manifests, ~30 articles a day,
// so the current month holds the same number of articles in the 10k and 100k cases), then new
// articles are uploaded one at a time and each goes through both stages as in AWS: the ingest
// handler (HEAD, read, parse, prepared record) then the publish handler (the single writer).
// Prints wall time (min, median) and S3 requests per upload per stage, and the load average;
// writes its section of bench/RESULTS.md.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { HEAD_KEY } from '../functions/core/site-index/paths';
import type { HeadManifest } from '../functions/core/site-index/types';
import { s3NotificationBody } from '../functions/pipeline/events';
import { createIngestHandler } from '../functions/pipeline/ingest-lambda';
import { createPublishHandler } from '../functions/pipeline/lambda';
import { defaultCore as benchCore } from '../functions/pipeline/default-core';
import { startLocalStack } from '../functions/local/stack';
import { CountingObjectStore } from '../functions/store/counting';
import { startLocalS3, UPLOADS } from '../tests/support/local-s3';
import { png, startRequestCostRig, story, type RequestCost } from '../tests/support/request-cost';
import { ARCHIVE_END, archivedArticles, benchSite, seedSiteIndex } from './support/archive';
import { benchSizes, loadAverage, mean, median, writeResultsSection } from './support/results';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const SIZES = benchSizes([100, 10_000, 100_000]);
const UPLOADS_PER_CASE = Number(process.env.BENCH_UPLOADS ?? 15);
const END = ARCHIVE_END;
const site = benchSite;

interface CaseResult {
  size: number;
  currentMonth: number;
  months: number;
  minMs: number;
  medianMs: number;
  meanMs: number;
  ingestMedianMs: number;
  ingestRequests: number;
  requests: number;
  gets: number;
  puts: number;
  kbWritten: number;
}

async function runCase(size: number): Promise<CaseResult> {
  const s3 = await startLocalS3();
  try {
    const siteStore = new CountingObjectStore(s3.siteStore);
    const uploads = new CountingObjectStore(s3.uploads);
    await seedSiteIndex(siteStore, archivedArticles(size));
    const head = JSON.parse(Buffer.from((await s3.siteStore.get(HEAD_KEY))?.bytes ?? []).toString()) as HeadManifest;
    const handler = createPublishHandler({
      uploads,
      siteStore: siteStore,
      uploadsBucket: UPLOADS,
      config: site,
      core: benchCore,
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'bench' }),
    });
    const forwarded: string[] = [];
    const ingest = createIngestHandler({
      uploads,
      records: siteStore,
      config: site,
      core: benchCore,
      uploadsBucket: UPLOADS,
      logger: new Logger({ logLevel: 'SILENT' }),
      sendToPublish: async (body) => void forwarded.push(body),
    });
    // One warm-up upload: the first publish also writes the archive/head outputs the seed lacks.
    const times: number[] = [];
    const ingestTimes: number[] = [];
    const ingestRequests: number[] = [];
    const requests: number[] = [];
    let gets = 0;
    let puts = 0;
    let bytes = 0;
    for (let i = 0; i <= UPLOADS_PER_CASE; i++) {
      const key = `new/${size}-${i}.txt`;
      const date = new Date(END + (i + 1) * 60_000).toISOString();
      await s3.uploads.put(key, `Fresh article ${i}\nDate: ${date}\n\n${'New text. '.repeat(150)}`);
      // S3's creation event carries the version's size and ETag (read before the count starts).
      const created = await s3.uploads.head(key);
      siteStore.reset();
      uploads.reset();
      const body = s3NotificationBody({ bucket: UPLOADS, key, eventName: 'ObjectCreated:Put', ...(created && { size: created.size }), ...(created?.etag !== undefined && { etag: created.etag }) });
      const ingestStarted = performance.now();
      const ingested = await ingest({ Records: [{ messageId: `i${i}`, body, attributes: { ApproximateReceiveCount: '1' } }] } as never);
      const ingestMs = performance.now() - ingestStarted;
      if (ingested.batchItemFailures.length > 0 || forwarded.pop() !== body) throw new Error(`ingest failed for ${key}`);
      const ci = siteStore.reset();
      const ui = uploads.reset();
      const started = performance.now();
      const response = await handler({ Records: [{ messageId: `m${i}`, body }] } as never);
      const ms = performance.now() - started;
      if (response.batchItemFailures.length > 0) throw new Error(`publish failed for ${key}`);
      if (i === 0) continue;
      ingestTimes.push(ingestMs);
      ingestRequests.push(ci.get + ci.head + ci.put + ci.delete + ci.list + ui.get + ui.head + ui.put + ui.delete + ui.list);
      const c = siteStore.counts;
      const u = uploads.counts;
      times.push(ms);
      requests.push(c.get + c.head + c.put + c.delete + c.list + u.get + u.head + u.put + u.delete + u.list);
      gets += c.get + u.get + c.head + u.head;
      puts += c.put;
      bytes += c.bytesWritten;
    }
    const current = head.months[head.months.length - 1];
    return {
      size,
      currentMonth: current?.count ?? 0,
      months: head.months.length,
      minMs: Math.min(...times),
      medianMs: median(times),
      meanMs: mean(times),
      ingestMedianMs: median(ingestTimes),
      ingestRequests: mean(ingestRequests),
      requests: mean(requests),
      gets: gets / times.length,
      puts: puts / times.length,
      kbWritten: bytes / times.length / 1024,
    };
  } finally {
    await s3.close();
  }
}

const loadBefore = loadAverage();
const results: CaseResult[] = [];
for (const size of SIZES) {
  const r = await runCase(size);
  results.push(r);
  process.stdout.write(`archive ${size}: publish min ${r.minMs.toFixed(1)} / median ${r.medianMs.toFixed(1)} ms, ${r.requests.toFixed(1)} S3 requests; ingest median ${r.ingestMedianMs.toFixed(1)} ms, ${r.ingestRequests.toFixed(1)} S3 requests\n`);
}

// S3 requests per upload by kind, both stages, counted from the local S3 server's own request log
// (the same rig as tests/integration/s3-requests.test.ts), on a site of three articles.
async function requestsByKind(): Promise<Array<[string, RequestCost]>> {
  const rig = await startRequestCostRig({ ...site, feedSize: 20 }, () => new Date(END));
  try {
    for (let i = 1; i <= 3; i++) await rig.change(`seed/${i}.txt`, story(`Seed story ${i}`, i));
    const kinds: Array<[string, string, string | Uint8Array | undefined]> = [
      ['new untagged .txt', 'news/plain.txt', story('A plain new story', 10)],
      ['edit', 'news/plain.txt', story('A plain new story, edited', 10)],
      ['unchanged re-upload', 'news/plain.txt', story('A plain new story, edited', 10)],
      ['delete', 'news/plain.txt', undefined],
      ['image upload', 'news/pic.png', png(640)],
      ['.md naming that image', 'news/pictured.md', `---\ntitle: A pictured story\ndate: 2026-06-11T09:00:00Z\nimage: pic.png\n---\n\n${'Text of the pictured story. '.repeat(20)}\n`],
      ['.txt with 2 new tags', 'news/tagged.txt', story('A tagged story', 12, 'Tags: Politics, Europe\n')],
    ];
    const costs: Array<[string, RequestCost]> = [];
    for (const [kind, key, body] of kinds) costs.push([kind, await rig.change(key, body)]);
    return costs;
  } finally {
    await rig.close();
  }
}
const byKind = await requestsByKind();
for (const [kind, c] of byKind) process.stdout.write(`S3 requests, ${kind}: ${c.total} (ingest ${c.ingest}, publish ${c.publish})\n`);

// Burst and latency on the local stack of `npm start` (s3rver -> router -> FIFO queue -> handler ->
// site bucket -> dev server), with an empty content folder; latency is read over HTTP from feed.xml.
async function burst(count: number): Promise<{ drainMs: number; latencyMs: number[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'feedpub-bench-'));
  const contentDir = join(dataDir, 'content');
  await mkdir(contentDir, { recursive: true });
  await copyFile(join(dirname(fileURLToPath(import.meta.url)), '../content/site.json'), join(contentDir, 'site.json'));
  const stack = await startLocalStack({ port: 0, s3Port: 0, dataDir, contentDir, logger: new Logger({ logLevel: 'SILENT' }) });
  try {
    const started = performance.now();
    const keys = Array.from({ length: count }, (_, i) => `burst/${i}.txt`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(keys.slice(i, i + 50).map((key, j) => stack.s3.uploads.put(key, `Burst ${i + j}\nDate: 2026-06-01T00:00:00Z\n\nText.`)));
    }
    await stack.queue.drain();
    const drainMs = performance.now() - started;
    const status = JSON.parse(Buffer.from((await stack.s3.siteStore.get('status.json'))?.bytes ?? []).toString()) as { articles: number };
    if (status.articles !== count) throw new Error(`burst: ${status.articles} of ${count} published`);
    // Upload -> visible in feed.xml served by the dev server, one upload at a time on an idle pipeline.
    const latencyMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const title = `Latency probe ${i}`;
      const t0 = performance.now();
      await stack.s3.uploads.put(`probe/${i}.txt`, `${title}\nDate: 2027-01-01T00:00:0${i}Z\n\nProbe text.\n`);
      for (;;) {
        const feed = await fetch(`${stack.devServer.url}/feed.xml`);
        if ((await feed.text()).includes(title)) break;
        await new Promise((r) => setTimeout(r, 5));
      }
      latencyMs.push(performance.now() - t0);
    }
    return { drainMs, latencyMs };
  } finally {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const BURST = Number(process.env.BENCH_BURST ?? 1000);
const b = await burst(BURST);
process.stdout.write(`burst of ${BURST}: all published in ${(b.drainMs / 1000).toFixed(1)} s\n`);
process.stdout.write(`upload -> feed.xml latency per probe (ms): ${b.latencyMs.map((ms) => ms.toFixed(0)).join(' ')}\n`);

const base = results[0] as CaseResult;
const rows = results.map(
  (r) =>
    `| ${r.size.toLocaleString('en-US')} | ${r.months} | ${r.currentMonth} | ${r.ingestMedianMs.toFixed(1)} | ${r.ingestRequests.toFixed(1)} | ${r.minMs.toFixed(1)} | ${r.medianMs.toFixed(1)} | ${r.meanMs.toFixed(1)} | ${(r.medianMs / base.medianMs).toFixed(2)}x | ${r.requests.toFixed(1)} (${r.gets.toFixed(1)} GET/HEAD, ${r.puts.toFixed(1)} PUT) | ${(r.requests / base.requests).toFixed(2)}x | ${r.kbWritten.toFixed(0)} |`,
);
const last = results[results.length - 1] as CaseResult;
const flat = last.medianMs <= 1.5 * base.medianMs && last.requests <= 1.5 * base.requests;
const section = [
  '## Publish (bench/publish.bench.ts)',
  '',
  `Per-upload cost of a new article into an existing archive, through both stages' handlers (ingest, then publish), against s3rver`,
  `on localhost (${UPLOADS_PER_CASE} uploads per case after one warm-up, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadBefore} before, ${loadAverage()} after).`,
  'The archive is seeded as the index (head + one manifest per month, 30 articles a day); "current month" is',
  'the number of articles already in the month the new upload lands in. Core: the real one',
  '(functions/pipeline/default-core.ts: parse, normalize, RSS/Atom/JSON Feed, pages).',
  '',
  '| archive | months | current month | ingest median ms | ingest S3 requests | publish min ms | publish median ms | publish mean ms | vs 100 | publish S3 requests / upload | vs 100 | KB written / upload |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ...rows,
  '',
  `Target (100,000 within 1.5x of 100 in wall time and S3 requests): ${flat ? 'met' : 'NOT met'}.`,
  '',
  "S3 requests per upload by kind, both stages, counted from the local S3 server's request log (tests/support/request-cost.ts;",
  'tests/integration/s3-requests.test.ts holds the same counts as ceilings; docs/performance.md says what each request is for):',
  '',
  '| upload | ingest | publish | total |',
  '|---|---:|---:|---:|',
  ...byKind.map(([kind, c]) => `| ${kind} | ${c.ingest} | ${c.publish} | ${c.total} |`),
  '',
  `Burst on the local stack (functions/local/stack.ts, real core): ${BURST.toLocaleString('en-US')} uploads at once (PUTs 50 at a time)`,
  `through s3rver events, the local ingest queue (4 at a time, parsing on worker threads), the local FIFO queue (batches of up to 10, serial) and the publish handler: all in the feeds after ${(b.drainMs / 1000).toFixed(1)} s.`,
  `Upload -> visible in feed.xml over HTTP from the dev server, idle pipeline: median ${median(b.latencyMs).toFixed(0)} ms, max ${Math.max(...b.latencyMs).toFixed(0)} ms (10 probes; 20 ms batching window included).`,
  '',
].join('\n');
process.stdout.write(`\n${section}\n`);

await writeResultsSection(section);
