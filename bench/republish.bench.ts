// `feedpub republish` at site scale, on the real local S3 API (s3rver, in this process) with the
// same driver, worker-thread ingest and single-writer publish queue as the local stack. Three runs
// over one uploads bucket of synthetic articles (30 a day, one Date: header each):
//   1. cold: no index yet (every upload parsed, every output and index part written),
//   2. after a site.json change (house style, title): every upload parsed again, every output re-rendered,
//   3. unchanged: nothing parsed, nothing written.
// Prints wall and CPU time, peak RSS, S3 requests by kind, and the load average; writes its section
// of bench/RESULTS.md. Default size 2,000 (fast enough for `npm run bench`); BENCH_REPUBLISH_ARTICLES=100000 for the figures.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SiteConfig } from '../functions/core/model';
import { createParsePool } from '../functions/local/parse-pool';
import { LocalRepublisher } from '../functions/local/republish';
import { startLocalS3 } from '../functions/local/s3server';
import { defaultCore } from '../functions/pipeline/default-core';
import { createPublishHandler } from '../functions/pipeline/lambda';
import { LocalFifoQueue } from '../functions/local/queues';
import type { RepublishReport } from '../functions/pipeline/republish';
import { CountingObjectStore, type RequestCounts } from '../functions/store/counting';
import { DirectoryObjectStore } from '../functions/store/directory';
import type { ObjectStore, PutOptions } from '../functions/store/types';
import { mapLimit } from '../functions/core/concurrency';
import { archivedUpload, benchSite } from './support/archive';
import { loadAverage, writeResultsSection } from './support/results';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const ARTICLES = Number(process.env.BENCH_REPUBLISH_ARTICLES ?? 500);
/**
 * "s3rver" (default): the local S3 API, whose ~300-400 requests/s on this machine bound the run;
 * "directory": the same ObjectStore over a folder (what `feedpub build` writes), so the figures
 * are the republish's own cost. Request counts are the same either way.
 */
const STORE = process.env.BENCH_REPUBLISH_STORE ?? 's3rver';
const CHUNK = Number(process.env.BENCH_REPUBLISH_CHUNK ?? 250);
const base: SiteConfig = benchSite;
const restyled: SiteConfig = { ...base, title: 'The Harbour Courier', creditStyle: { format: '{agency}: {photographer}', prefix: 'Photo: ' } };

const article = archivedUpload;

/** Counts as CountingObjectStore does, and keeps which kinds of key were written (the unchanged-run check says which). */
class WriteRecordingStore extends CountingObjectStore {
  readonly writtenByKind = new Map<string, number>();
  readonly samples: string[] = [];
  private record(key: string): void {
    const kind = key.split('/').slice(0, key.startsWith('_feedpub/') ? 2 : 1).join('/');
    this.writtenByKind.set(kind, (this.writtenByKind.get(kind) ?? 0) + 1);
    if (this.samples.length < 10) this.samples.push(key);
  }
  override put(key: string, body: string | Uint8Array, options?: PutOptions): Promise<void> {
    this.record(key);
    return super.put(key, body, options);
  }
  override delete(key: string): Promise<void> {
    this.record(key);
    return super.delete(key);
  }
}

interface RunFigures {
  label: string;
  wallS: number;
  ingestS: number;
  publishS: number;
  cpuS: number;
  peakRssMb: number;
  uploads: RequestCounts;
  site: RequestCounts;
  siteWrites: WriteRecordingStore;
  report: RepublishReport;
}

interface Stores {
  uploads: ObjectStore;
  siteStore: ObjectStore;
  close(): Promise<void>;
}

async function openStores(dir: string): Promise<Stores> {
  if (STORE === 'directory') {
    return { uploads: new DirectoryObjectStore(join(dir, 'uploads')), siteStore: new DirectoryObjectStore(join(dir, 'site')), close: async () => {} };
  }
  const s3 = await startLocalS3({ port: 0, dataDir: join(dir, 's3') });
  return { uploads: s3.uploads, siteStore: s3.siteStore, close: () => s3.close() };
}

async function republishOnce(label: string, s3: Stores, config: SiteConfig): Promise<RunFigures> {
  const uploads = new CountingObjectStore(s3.uploads);
  const site = new WriteRecordingStore(s3.siteStore);
  const pool = createParsePool();
  let republisher: LocalRepublisher | undefined;
  const handler = createPublishHandler({
    uploads,
    siteStore: site,
    config,
    core: defaultCore,
    logger: new Logger({ logLevel: 'SILENT' }),
    onRepublishChunk: async (chunk, report) => republisher?.chunkDone(chunk, report),
  });
  const queue = new LocalFifoQueue(handler, { batchWindowMs: 0 });
  republisher = new LocalRepublisher({ uploads, siteStore: site, config, core: defaultCore, parse: pool.parse, enqueue: (body) => queue.enqueue(body) });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const phaseStart = new Map<string, number>();
  const report = await republisher.run({
    chunkSize: CHUNK,
    onProgress: (p) => {
      if (!phaseStart.has(p.phase)) phaseStart.set(p.phase, performance.now());
    },
  });
  const at = (phase: string) => phaseStart.get(phase) ?? performance.now();
  const phases = { ingestS: (at('publish') - at('ingest')) / 1000, publishS: (performance.now() - at('publish')) / 1000 };
  const wallS = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  await queue.close();
  await pool.close();
  return { label, wallS, ...phases, cpuS: (used.user + used.system) / 1e6, peakRssMb: Math.round(peak / 1e6), uploads: uploads.counts, site: site.counts, siteWrites: site, report };
}

const reqs = (c: RequestCounts) => `${c.get} GET, ${c.head} HEAD, ${c.put} PUT, ${c.delete} DELETE, ${c.list} LIST`;

/** The runs, in order: cold (base config), change (restyled), unchanged (the config of the run before). */
const RUN_NAMES = (process.env.BENCH_REPUBLISH_RUNS ?? 'cold,change,unchanged').split(',');
/** A data folder to keep (a 100,000-article run is long): seeded only if it holds no uploads yet, never removed. */
const REUSE_DIR = process.env.BENCH_REPUBLISH_DIR;

async function main(): Promise<void> {
  const dir = REUSE_DIR ?? (await mkdtemp(join(tmpdir(), 'feedpub-bench-republish-')));
  if (REUSE_DIR) await mkdir(REUSE_DIR, { recursive: true });
  const seeded = REUSE_DIR !== undefined && (await readdir(REUSE_DIR)).length > 0;
  const s3 = await openStores(dir);
  try {
    if (!seeded) {
      const seedStarted = performance.now();
      await mapLimit(Array.from({ length: ARTICLES }, (_, n) => n), 16, (n) => s3.uploads.put(`archive/${String(n).padStart(6, '0')}.txt`, article(n)));
      process.stdout.write(`${ARTICLES} uploads in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; load average ${loadAverage()}\n`);
    }
    const runs: RunFigures[] = [];
    // BENCH_REPUBLISH_START_CONFIG=restyled: continue on a data folder whose last run was "change".
    let config = process.env.BENCH_REPUBLISH_START_CONFIG === 'restyled' ? restyled : base;
    const plan = RUN_NAMES.map((name) => {
      if (name === 'cold') return ['cold (no index)', (config = base)] as const;
      if (name === 'change') return ['after a site.json change', (config = restyled)] as const;
      if (name === 'unchanged') return ['unchanged', config] as const;
      throw new Error(`BENCH_REPUBLISH_RUNS: unknown run ${name}`);
    });
    for (const [label, config] of plan) {
      const figures = await republishOnce(label, s3, config);
      runs.push(figures);
      // After each run, so a long 100,000-article run leaves its figures even if stopped later.
      await reportRuns(runs);
      const r = figures.report;
      process.stdout.write(
 `${label}: ${figures.wallS.toFixed(1)} s wall (ingest ${figures.ingestS.toFixed(1)}, publish ${figures.publishS.toFixed(1)}), ${figures.cpuS.toFixed(1)} s CPU, peak RSS ${figures.peakRssMb} MB, ${r.chunks} chunks, ${r.changedPaths} paths changed, failed ${r.failed.length}\n` +
          `  uploads bucket: ${reqs(figures.uploads)}\n  site bucket:    ${reqs(figures.site)}\n  ingest ${JSON.stringify(r.ingest)} publish ${JSON.stringify(r.outcomes)}\n`,
      );
    }
  } finally {
    await s3.close();
    if (!REUSE_DIR) await rm(dir, { recursive: true, force: true });
  }
}

async function reportRuns(runs: RunFigures[]): Promise<void> {
  const load = loadAverage();
  process.stdout.write(`load average ${load}\n`);

  const rows = runs.map((r) => {
    const perArticle = (c: RequestCounts) => ((c.get + c.head + c.put + c.delete + c.list) / ARTICLES).toFixed(1);
    return `| ${r.label} | ${r.wallS.toFixed(0)} (${r.ingestS.toFixed(0)} + ${r.publishS.toFixed(0)}) | ${r.cpuS.toFixed(0)} | ${r.peakRssMb} | ${r.report.chunks} | ${r.uploads.get + r.uploads.head + r.uploads.list} | ${r.site.get + r.site.head} | ${r.site.put} | ${r.site.delete} | ${perArticle(r.uploads)} + ${perArticle(r.site)} | ${r.report.changedPaths} |`;
  });
  const section = [
    `## Republish, ${ARTICLES.toLocaleString('en')} articles, ${STORE} (bench/republish.bench.ts)`,
    '',
    `Node ${process.version}, store: ${STORE === 'directory' ? 'a folder (DirectoryObjectStore)' : 'local S3 API (s3rver) in the same process'}, chunks of ${CHUNK} keys, worker-thread ingest; load average ${load} (2 cores shared).`,
    '',
    '| run | wall s (ingest + publish) | CPU s | peak RSS MB | chunks | uploads GET+HEAD+LIST | site GET+HEAD | site PUT | site DELETE | requests per article (uploads + site) | site paths changed |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...rows,
    '',
  ].join('\n');
  if (process.env.BENCH_WRITE_RESULTS !== '0') await writeResultsSection(section);
  // Checked after the figures are written, so a long run that breaks the rule still leaves them.
  for (const r of runs) {
    if (r.uploads.put + r.uploads.delete > 0) throw new Error(`${r.label}: a republish wrote to the uploads bucket`);
    if (r.label === 'unchanged' && r.site.put + r.site.delete > 0) {
      throw new Error(`an unchanged republish wrote to the site bucket: ${JSON.stringify(Object.fromEntries(r.siteWrites.writtenByKind))}, e.g. ${r.siteWrites.samples.join(', ')}`);
    }
  }
}

await main();
