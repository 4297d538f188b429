// Full-build cost, and feedpub against Hugo on the same articles.
// 1. At 1k, 10k and 50k articles (BENCH_BUILD_SIZES), two ways, each in its own child process (its own peak RSS):
//      render: renderSite on ready Article objects (tests/support/articles.ts), no parsing, no disk;
//      full:   buildSite on the corpus folder of N .txt files (read, parse, normalize, render, write).
// 2. When `hugo` is on PATH: the installed `feedpub build` command against `hugo` on the same 10k corpus
//    (bench/corpus.ts, bench/hugo), interleaved, BENCH_HUGO_RUNS runs each after one warm-up; min, median, ratio.
// Hygiene: every run writes into a fresh folder and the outputs are removed only after the last run. The
// temporary folder here is ext4 without a journal, where creating files soon after deleting many (an
// `rm -rf` of the previous output) is 2-6x slower: deleting between runs would measure that instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../functions/folder-build';
import { countSiteFiles } from '../functions/folder-build/summary';
import { bundleEntry } from '../functions/cli/entry.mjs';
import { DEFAULT_SITE, type SiteConfig } from '../functions/core/model';
import { renderSite } from '../functions/core/render';
import { syntheticArticles } from '../tests/support/articles';
import { CORPUS_SEED, SPREAD_DAYS, writeCorpus } from './corpus';
import { loadAverage } from './support/results';

const SIZES = (process.env.BENCH_BUILD_SIZES ?? '1000,10000,50000').split(',').filter((v) => v !== '').map(Number);
const HUGO_RUNS = Number(process.env.BENCH_HUGO_RUNS ?? 5);
const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 50 };
const WORK = join(tmpdir(), 'feedpub-build-bench');

interface Measurement {
  ms: number;
  /** CPU time of the process over the same span: close to the wall time on an idle machine (one thread). */
  cpuMs: number;
  peakRssMb: number;
  files: number;
  bytes: number;
  phaseMs?: Record<string, number>;
}

/** Resident set size now and the process's peak so far, in MB. */
let sampledPeak = 0;
function sampleRss(): void {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}
function peakRssMb(): number {
  // maxRSS is in kilobytes; the sample catches the peak too when the OS figure is coarse.
  return Math.max(process.resourceUsage().maxRSS * 1024, sampledPeak) / 1e6;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function child(mode: string, n: number): Promise<Measurement> {
  if (mode === 'render') {
    const articles = syntheticArticles(n, CORPUS_SEED, { site, spreadDays: SPREAD_DAYS });
    sampleRss();
    const cpu = process.cpuUsage();
    const started = performance.now();
    const files = renderSite(site, articles);
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpu);
    sampleRss();
    const bytes = files.reduce((sum, f) => sum + (typeof f.body === 'string' ? Buffer.byteLength(f.body) : f.body.byteLength), 0);
    const counts = countSiteFiles(files);
    return { ms, cpuMs, peakRssMb: peakRssMb(), files: counts.pages + counts.headFeeds + counts.archiveFeeds, bytes };
  }
  // A fresh output folder, left for the parent to remove after the last run (see the hygiene note above).
  const out = mkdtempSync(join(WORK, `out-${n}-`));
  const corpus = writeCorpus(WORK, n, site);
  const content = corpus.feedpub;
  let calls = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await buildSite({
    contentDir: content,
    outDir: out,
    now: () => new Date(corpus.now),
    onProgress: () => {
      if (++calls % 200 === 0) sampleRss();
    },
  });
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  sampleRss();
  if (report.rejected.length > 0) throw new Error(`bench content rejected: ${report.rejected[0]?.reason}`);
  return { ms, cpuMs, peakRssMb: peakRssMb(), files: report.pages + report.headFeeds + report.archiveFeeds, bytes: report.bytes, phaseMs: report.phaseMs };
}

function run(mode: string, n: number): Measurement {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${mode} ${n} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as Measurement;
}

/** Files and bytes under a folder. */
function treeSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * CPU time (user + system) of the waited-for child processes so far, in ms, from /proc (Linux; 10 ms ticks).
 * Printed beside wall time: on this shared machine CPU time moves far less with the load than wall time.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

const hasHugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;

/** `feedpub build` (the installed command, as a user runs it) and `hugo` on the same corpus, interleaved. */
function againstHugo(n: number, runs: number): void {
  const corpus = writeCorpus(WORK, n, site);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const hugoSite = fileURLToPath(new URL('./hugo', import.meta.url));
  const bin = join(root, 'functions/cli/bin.mjs');
  const tools = {
    feedpub: (out: string) => [process.execPath, [bin, 'build', '--content', corpus.feedpub, '--out', out, '--now', corpus.now, '--quiet']] as const,
    hugo: (out: string) => ['hugo', ['--quiet', '--source', hugoSite, '--contentDir', corpus.hugo, '--destination', out, '--cacheDir', join(WORK, 'hugo-cache')]] as const,
  };
  const hugoVersion = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 2).join(' ');
  console.log(`\nfeedpub vs Hugo, ${n.toLocaleString('en')} articles, ${runs} interleaved runs each after a warm-up; feedpub runs its ${bundleEntry(root) ? 'bundle' : 'TypeScript sources (bundle missing or stale)'}; ${hugoVersion}`);
  console.log(`load average before: ${loadAverage()}`);
  const times: Record<keyof typeof tools, number[]> = { feedpub: [], hugo: [] };
  const cpu: Record<keyof typeof tools, number[]> = { feedpub: [], hugo: [] };
  const lastOut: Partial<Record<keyof typeof tools, string>> = {};
  const outs: string[] = [];
  for (let i = -1; i < runs; i++) {
    // Alternate who goes first, so neither always runs on the other's warm page cache or after its heat.
    const order: (keyof typeof tools)[] = i % 2 === 0 ? ['feedpub', 'hugo'] : ['hugo', 'feedpub'];
    for (const tool of order) {
      const out = mkdtempSync(join(WORK, `out-${tool}-`));
      outs.push(out);
      const [command, args] = tools[tool](out);
      const cpuBefore = childrenCpuMs();
      const started = performance.now();
      const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
      const ms = performance.now() - started;
      const cpuAfter = childrenCpuMs();
      if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
      if (i >= 0) {
        times[tool].push(ms);
        if (cpuBefore !== undefined && cpuAfter !== undefined) cpu[tool].push(cpuAfter - cpuBefore);
      }
      lastOut[tool] = out;
    }
  }
  console.log(`load average after: ${loadAverage()}`);
  console.log('| tool | min ms | median ms | max ms | CPU ms median (all threads) | files | MB out |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const tool of ['feedpub', 'hugo'] as const) {
    const { files, bytes } = treeSize(lastOut[tool] as string);
    const t = times[tool];
    const c = cpu[tool].length > 0 ? median(cpu[tool]).toFixed(0) : 'n/a';
    console.log(`| ${tool} | ${Math.min(...t).toFixed(0)} | ${median(t).toFixed(0)} | ${Math.max(...t).toFixed(0)} | ${c} | ${files.toLocaleString('en')} | ${(bytes / 1e6).toFixed(1)} |`);
  }
  const ratio = median(times.hugo) / median(times.feedpub);
  const ratioMin = Math.min(...times.hugo) / Math.min(...times.feedpub);
  console.log(`feedpub vs Hugo: ${ratio.toFixed(2)}x by median, ${ratioMin.toFixed(2)}x by min (> 1 means feedpub is faster; target >= 2.0x: ${ratio >= 2 ? 'met' : 'NOT met'})`);
  for (const out of outs) rmSync(out, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await child(args[1] as string, Number(args[2])))}\n`);
    return;
  }
  mkdirSync(WORK, { recursive: true });
  console.log(`build bench: Node ${process.version}, seed ${CORPUS_SEED}, feedSize ${site.feedSize}, ~55 articles a month, a caption and credit each`);
  console.log(`load average at start: ${loadAverage()} on ${availableParallelism()} cores`);
  if (SIZES.length > 0) {
    console.log('| mode | articles | total ms | CPU ms | ms / 1,000 articles | peak RSS MB | feeds + pages | MB out | phases ms (read / ingest / render+write) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  }
  for (const n of SIZES) {
    const corpus = writeCorpus(WORK, n, site);
    for (const mode of ['render', 'full']) {
      const m = run(mode, n);
      console.log(
        `| ${mode} | ${n.toLocaleString('en')} | ${m.ms.toFixed(0)} | ${m.cpuMs.toFixed(0)} | ${((m.ms / n) * 1000).toFixed(0)} | ${m.peakRssMb.toFixed(0)} | ${m.files.toLocaleString('en')} | ${(m.bytes / 1e6).toFixed(1)} | ${m.phaseMs ? Object.values(m.phaseMs).map((v) => v.toFixed(0)).join(' / ') : ''} |`,
      );
      if (mode === 'full' && n === 10_000) {
        console.log(`|  | 10k full build target: < 3,000 ms and < 500 MB: ${m.ms < 3000 && m.peakRssMb < 500 ? 'met' : 'NOT met'} (input ${(corpus.bytes / 1e6).toFixed(1)} MB) | | | | | | | |`);
      }
    }
  }
  // The outputs of the rows above, removed only now (hygiene note at the top).
  for (const entry of readdirSync(WORK)) if (entry.startsWith('out-')) rmSync(join(WORK, entry), { recursive: true, force: true });
  if (HUGO_RUNS > 0) {
    if (hasHugo) againstHugo(10_000, HUGO_RUNS);
    else console.log('\nhugo is not installed: feedpub vs Hugo skipped (apt-get install hugo)');
  }
}

await main();
