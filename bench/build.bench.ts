// Full-build cost at 1k, 10k and 50k articles, two ways:
//   render: renderSite on ready Article objects (tests/fixtures/articles.ts), no parsing, no disk;
//   full:   `feedpub build` on a folder of N .txt files (read, parse, normalize, render, write).
// Each measurement runs in its own child process, so its peak RSS is its own.
// Prints total ms, ms per 1,000 articles and peak RSS. Target: 10k full build < 3 s and < 500 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../functions/build';
import { countSiteFiles } from '../functions/build/summary';
import { DEFAULT_SITE, type Article, type SiteConfig } from '../functions/core/model';
import { renderSite } from '../functions/core/render';
import { syntheticArticles } from '../tests/fixtures/articles';

const SIZES = (process.env.BENCH_BUILD_SIZES ?? '1000,10000,50000').split(',').map(Number);
const SEED = 1;
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

// Real news prose for the bodies: the seed scrape's paragraphs (word salad from the generator would send
// every article down the slow path of language detection, which real English prose does not take).
const SEED_PROSE = readFileSync(new URL('../content/000_47caeb000f8095de.txt', import.meta.url), 'utf8')
  .split('\n\n')
  .slice(2)
  .filter((_, i, all) => i < all.findIndex((p) => p.startsWith('More from')))
  .map((p) => p.trim());

/** An article as an editor would upload it: header lines, the lead image's caption and credit, body. */
function articleFile(article: Article, extra: Article): string {
  const image = article.images[0];
  const headers = [
    `Title: ${article.title}`,
    `Author: ${article.authors.join(', ')}`,
    `Date: ${article.published}`,
    `Tags: ${article.tags.join(', ')}`,
    ...(image?.credit ? [`Caption: ${image.caption}`, `Credit: ${image.credit.raw}`] : []),
  ];
  // About 2.5 KB, like a short news story: real prose rotated per article (first, as a story's lead is
  // what language detection reads), then the article's own synthetic paragraphs, so no two bodies match.
  const shift = article.title.length % SEED_PROSE.length;
  const prose = [...SEED_PROSE.slice(shift), ...SEED_PROSE.slice(0, shift)].slice(0, 4);
  const body = [...prose, article.contentText, extra.contentText.split('\n\n')[0]].join('\n\n');
  return `${headers.join('\n')}\n\n${body}\n`;
}

function contentFolder(n: number): { dir: string; bytes: number } {
  const dir = join(WORK, `content-${n}-seed${SEED}`);
  const marker = join(dir, '.complete-prose-lead');
  const articles = syntheticArticles(n, SEED, { site });
  let bytes = 0;
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'site.json'), JSON.stringify(site));
    articles.forEach((article, i) => {
      const folder = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
      if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
      const text = articleFile(article, articles[(i * 7 + 3) % n] as Article);
      writeFileSync(join(folder, `${String(i).padStart(6, '0')}.txt`), text);
    });
    writeFileSync(marker, '');
  }
  for (let i = 0; i < n; i++) bytes += Buffer.byteLength(articleFile(articles[i] as Article, articles[(i * 7 + 3) % n] as Article));
  return { dir, bytes };
}

async function child(mode: string, n: number): Promise<Measurement> {
  if (mode === 'render') {
    const articles = syntheticArticles(n, SEED, { site });
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
  const out = mkdtempSync(join(WORK, `out-${n}-`));
  try {
    let calls = 0;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await buildSite({
      contentDir: join(WORK, `content-${n}-seed${SEED}`),
      outDir: out,
      onProgress: () => {
        if (++calls % 200 === 0) sampleRss();
      },
    });
    const ms = performance.now() - started;
    const cpuMs = cpuMsSince(cpu);
    sampleRss();
    if (report.rejected.length > 0) throw new Error(`bench content rejected: ${report.rejected[0]?.reason}`);
    return { ms, cpuMs, peakRssMb: peakRssMb(), files: report.pages + report.headFeeds + report.archiveFeeds, bytes: report.bytes, phaseMs: report.phaseMs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function run(mode: string, n: number): Measurement {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`${mode} ${n} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as Measurement;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(`${JSON.stringify(await child(args[1] as string, Number(args[2])))}\n`);
    return;
  }
  mkdirSync(WORK, { recursive: true });
  console.log(`build bench: Node ${process.version}, seed ${SEED}, feedSize ${site.feedSize}, ~30 articles a month`);
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
  console.log('| mode | articles | total ms | CPU ms | ms / 1,000 articles | peak RSS MB | feeds + pages | MB out | phases ms (read / ingest / render+write) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const n of SIZES) {
    const folder = contentFolder(n);
    for (const mode of ['render', 'full']) {
      const m = run(mode, n);
      console.log(
        `| ${mode} | ${n.toLocaleString('en')} | ${m.ms.toFixed(0)} | ${m.cpuMs.toFixed(0)} | ${((m.ms / n) * 1000).toFixed(0)} | ${m.peakRssMb.toFixed(0)} | ${m.files.toLocaleString('en')} | ${(m.bytes / 1e6).toFixed(1)} | ${m.phaseMs ? Object.values(m.phaseMs).map((v) => v.toFixed(0)).join(' / ') : ''} |`,
      );
      if (mode === 'full' && n === 10_000) {
        console.log(`|  | 10k full build target: < 3,000 ms and < 500 MB: ${m.ms < 3000 && m.peakRssMb < 500 ? 'met' : 'NOT met'} (input ${(folder.bytes / 1e6).toFixed(1)} MB) | | | | | | | |`);
      }
    }
  }
}

await main();
