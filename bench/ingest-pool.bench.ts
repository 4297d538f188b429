// `feedpub build`'s stage 1 alone (functions/folder-build/ingest-pool.ts) on the 10,000-article corpus
// (bench/corpus.ts): the worker pool, whose workers stamp a shared counter before each file for the
// per-file deadline, against the same files ingested in this thread, interleaved, BENCH_RUNS runs each
// after a warm-up. Prints min and median, their ratio and the load average. Run it on two commits to
// compare the pool before and after a change (the in-thread path is the peer that did not change).
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readdirSync } from 'node:fs';
import { DEFAULT_SITE, type SiteConfig } from '../functions/core/model';
import { loadParseStacks } from '../functions/core/parse-stacks';
import { ingestFolder } from '../functions/folder-build/ingest-pool';
import type { ContentEntry } from '../functions/folder-build/ingest';
import { writeCorpus } from './corpus';
import { benchSizes, loadAverage, median } from './support/results';

const [N] = benchSizes([10_000]) as [number];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 50 };
const corpus = writeCorpus(join(tmpdir(), 'feedpub-build-bench'), N, site);
const entries: ContentEntry[] = readdirSync(corpus.feedpub, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.txt'))
  .map((e) => ({ key: relative(corpus.feedpub, join(e.parentPath, e.name)).split('\\').join('/'), fallbackDate: corpus.now }))
  .sort((a, b) => (a.key < b.key ? -1 : 1));
await loadParseStacks();

const times: Record<'pool' | 'thread', number[]> = { pool: [], thread: [] };
for (let i = -1; i < RUNS; i++) {
  for (const mode of i % 2 === 0 ? (['pool', 'thread'] as const) : (['thread', 'pool'] as const)) {
    const started = performance.now();
    const out = await ingestFolder(corpus.feedpub, entries, site, corpus.now, mode === 'pool' ? { minFiles: 0 } : { minFiles: Infinity });
    const ms = performance.now() - started;
    if (out.length !== entries.length || out.some((f) => f.record === undefined)) throw new Error(`${mode}: ${out.length} results for ${entries.length} files`);
    if (i >= 0) times[mode].push(ms);
  }
}
console.log(`ingest stage of feedpub build, ${N.toLocaleString('en')} files, ${availableParallelism()} cores, ${RUNS} interleaved runs each after a warm-up; load average ${loadAverage()}`);
console.log('| mode | min ms | median ms |');
console.log('|---|---|---|');
for (const mode of ['pool', 'thread'] as const) console.log(`| ${mode} | ${Math.min(...times[mode]).toFixed(0)} | ${median(times[mode]).toFixed(0)} |`);
console.log(`pool / thread: ${(median(times.pool) / median(times.thread)).toFixed(2)} by median, ${(Math.min(...times.pool) / Math.min(...times.thread)).toFixed(2)} by min`);
