// Sitemaps and HTML archive pages at flat per-upload cost: the objects one upload writes, by kind, at
// 1,000 and 10,000 articles, on the real local S3 API (s3rver) with the real core. The index is seeded
// directly (head + month manifests, 30 articles a day, as bench/publish.bench.ts), then articles are
// uploaded one at a time through both stages with an injected clock: new ones into the current month,
// then back-dated ones into a month six months back. Prints min and median publish time and the load
// average; writes its section of bench/RESULTS.md.
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleIdForKey } from '../functions/core/ids';
import { monthsForRefill } from '../functions/core/index/head';
import { HEAD_KEY, monthManifestKey } from '../functions/core/index/paths';
import type { HeadManifest, MonthManifest } from '../functions/core/index/types';
import { DEFAULT_SITE, type Article, type SiteConfig } from '../functions/core/model';
import { monthOf, newestFirst } from '../functions/core/order';
import { defaultCore } from '../functions/pipeline/default-core';
import { ingestKeys } from '../functions/pipeline/ingest';
import { publishBatch } from '../functions/pipeline/publish';
import type { ListedObject, ObjectHead, ObjectStore, PutOptions, StoredObject } from '../functions/store/types';
import { startLocalS3 } from '../tests/fault/local-s3';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const SIZES = [1000, 10_000];
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 10);
const BACKDATED = 3;
const PER_DAY = 30;
const END = Date.parse('2026-06-15T12:00:00Z');
const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 50 };

class KeyRecordingStore implements ObjectStore {
  puts: { key: string; bytes: number }[] = [];
  constructor(private readonly inner: ObjectStore) {}
  get(key: string): Promise<StoredObject | undefined> {
    return this.inner.get(key);
  }
  head(key: string): Promise<ObjectHead | undefined> {
    return this.inner.head(key);
  }
  put(key: string, body: string | Uint8Array, options?: PutOptions): Promise<void> {
    this.puts.push({ key, bytes: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength });
    return this.inner.put(key, body, options);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }
  listObjects(prefix: string): Promise<ListedObject[]> {
    return this.inner.listObjects(prefix);
  }
}

function syntheticArticle(n: number): Article {
  const published = new Date(END - n * (86_400_000 / PER_DAY)).toISOString();
  const key = `archive/${n}.txt`;
  const paragraph = `Paragraph of article ${n}, long enough to weigh like a short news item. `.repeat(12);
  return {
    id: articleIdForKey(key), slug: `article-${n}`, url: `${site.baseUrl}/articles/article-${n}/`, title: `Archived article ${n}`,
    summary: paragraph.slice(0, 200), contentHtml: `<p>${paragraph}</p>`, contentText: paragraph, authors: ['Staff'], published, updated: published,
    tags: ['world'], language: 'en', readingTimeMinutes: 2, images: [], repairs: [], warnings: [], source: { key, size: 2000 }, contentHash: String(n).padStart(64, '0'),
  };
}

async function seed(store: ObjectStore, size: number): Promise<void> {
  const byMonth = new Map<string, Article[]>();
  for (let n = 1; n <= size; n++) {
    const a = syntheticArticle(n);
    byMonth.set(monthOf(a), [...(byMonth.get(monthOf(a)) ?? []), a]);
  }
  const months = [...byMonth.keys()].sort().map((month) => ({ month, count: byMonth.get(month)?.length ?? 0 }));
  for (const [month, articles] of byMonth) await store.put(monthManifestKey(month), JSON.stringify({ month, articles: articles.sort(newestFirst), outputs: {} } satisfies MonthManifest));
  const newest = monthsForRefill(months, site.feedSize).flatMap((m) => byMonth.get(m) ?? []);
  const head: HeadManifest = { version: 1, items: newest.sort(newestFirst).slice(0, site.feedSize), months, quarantine: [], lastPublish: new Date(END).toISOString(), outputs: {} };
  await store.put(HEAD_KEY, JSON.stringify(head));
}

type Kind = 'month sitemap' | 'news sitemap' | 'sitemap index' | 'month page' | 'archive index' | 'other public' | 'private index';
function kindOf(key: string): Kind {
  if (key.startsWith('_feedpub/')) return 'private index';
  if (key === 'sitemap.xml') return 'sitemap index';
  if (key === 'sitemap-news.xml') return 'news sitemap';
  if (/^sitemap-\d{4}-\d{2}(-\d+)?\.xml$/.test(key)) return 'month sitemap';
  if (key === 'archive/index.html') return 'archive index';
  if (/^archive\/\d{4}-\d{2}\/index\.html$/.test(key)) return 'month page';
  return 'other public';
}
const KINDS: Kind[] = ['month sitemap', 'news sitemap', 'sitemap index', 'month page', 'archive index', 'other public', 'private index'];

interface Phase {
  writes: Map<Kind, number>;
  sitemapKb: number;
  ms: number[];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function runCase(size: number): Promise<{ months: number; fresh: Phase; backdated: Phase }> {
  const s3 = await startLocalS3();
  try {
    await seed(s3.site, size);
    const siteStore = new KeyRecordingStore(s3.site);
    const months = (JSON.parse(Buffer.from((await s3.site.get(HEAD_KEY))?.bytes ?? []).toString()) as HeadManifest).months.length;
    let clock = END;
    const upload = async (key: string, date: string, phase?: Phase) => {
      await s3.uploads.put(key, `Fresh article ${key}\nDate: ${date}\n\n${'New text. '.repeat(150)}`);
      const deps = { uploads: s3.uploads, site: siteStore, config: site, core: defaultCore, now: () => new Date(clock) };
      await ingestKeys({ uploads: s3.uploads, records: siteStore, config: site, core: defaultCore, now: deps.now }, [key], 1);
      siteStore.puts = [];
      const started = performance.now();
      await publishBatch(deps, [key]);
      const ms = performance.now() - started;
      if (!phase) return;
      phase.ms.push(ms);
      for (const put of siteStore.puts) {
        const kind = kindOf(put.key);
        phase.writes.set(kind, (phase.writes.get(kind) ?? 0) + 1);
        if (put.key.startsWith('sitemap')) phase.sitemapKb += put.bytes / 1024;
      }
    };
    // Warm-up: the seeded index has no outputs yet, the first publish renders every month once.
    clock += 60_000;
    await upload(`new/${size}-warm.txt`, new Date(clock).toISOString());
    const fresh: Phase = { writes: new Map(), sitemapKb: 0, ms: [] };
    for (let i = 0; i < UPLOADS; i++) {
      clock += 60_000;
      await upload(`new/${size}-${i}.txt`, new Date(clock - 30_000).toISOString(), fresh);
    }
    const backdated: Phase = { writes: new Map(), sitemapKb: 0, ms: [] };
    for (let i = 0; i < BACKDATED; i++) {
      clock += 60_000;
      await upload(`old/${size}-${i}.txt`, new Date(END - 180 * 86_400_000 + i * 3_600_000).toISOString(), backdated);
    }
    return { months, fresh, backdated };
  } finally {
    await s3.close();
  }
}

const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
const results: { size: number; months: number; fresh: Phase; backdated: Phase }[] = [];
for (const size of SIZES) {
  const r = await runCase(size);
  results.push({ size, ...r });
  process.stdout.write(`archive ${size}: publish min ${Math.min(...r.fresh.ms).toFixed(1)} / median ${median(r.fresh.ms).toFixed(1)} ms; writes per upload ${KINDS.map((k) => `${k} ${((r.fresh.writes.get(k) ?? 0) / UPLOADS).toFixed(1)}`).join(', ')}\n`);
}
const loadAfter = loadavg().map((l) => l.toFixed(2)).join(' ');

const per = (p: Phase, n: number, k: Kind) => ((p.writes.get(k) ?? 0) / n).toFixed(1);
const rows = results.flatMap((r) => [
  `| ${r.size.toLocaleString('en-US')} | ${r.months} | new, current month | ${KINDS.map((k) => per(r.fresh, UPLOADS, k)).join(' | ')} | ${(r.fresh.sitemapKb / UPLOADS).toFixed(1)} | ${Math.min(...r.fresh.ms).toFixed(1)} | ${median(r.fresh.ms).toFixed(1)} |`,
  `| ${r.size.toLocaleString('en-US')} | ${r.months} | back-dated, 6 months ago | ${KINDS.map((k) => per(r.backdated, BACKDATED, k)).join(' | ')} | ${(r.backdated.sitemapKb / BACKDATED).toFixed(1)} | ${Math.min(...r.backdated.ms).toFixed(1)} | ${median(r.backdated.ms).toFixed(1)} |`,
]);
const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
const total = (p: Phase) => [...p.writes.values()].reduce((a, b) => a + b, 0);
const section = [
  '## Sitemap and archive page writes per upload (bench/publish-writes.bench.ts)',
  '',
  `Objects one upload writes, by kind, through both stages (ingest, then the publish stage timed) against s3rver on localhost, real core,`,
  `injected clock (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadBefore} before, ${loadAfter} after). Seeded as in the publish bench`,
  `(30 articles a day, so the current month holds the same number of articles at both sizes); ${UPLOADS} new uploads, then ${BACKDATED} back-dated ones, after one warm-up.`,
  '',
  `| archive | months | upload | ${KINDS.join(' | ')} | sitemap KB written | publish min ms | publish median ms |`,
  `|---:|---:|---|${KINDS.map(() => '---:').join('|')}|---:|---:|---:|`,
  ...rows,
  '',
  `Writes per new upload, all objects: ${(total(small.fresh) / UPLOADS).toFixed(1)} at ${small.size.toLocaleString('en-US')} vs ${(total(large.fresh) / UPLOADS).toFixed(1)} at ${large.size.toLocaleString('en-US')} (${(total(large.fresh) / total(small.fresh)).toFixed(2)}x);`,
  `publish median ${(median(large.fresh.ms) / median(small.fresh.ms)).toFixed(2)}x. The sitemap index is written only when a month appears, so 0 here.`,
  '',
].join('\n');
process.stdout.write(`\n${section}\n`);

const resultsPath = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
const existing = await readFile(resultsPath, 'utf8').catch(() => '# Benchmark results\n\n');
const title = '## Sitemap and archive page writes per upload (bench/publish-writes.bench.ts)';
const start = existing.indexOf(title);
const next = start < 0 ? -1 : existing.indexOf('\n## ', start + 1);
const updated = start < 0 ? `${existing.trimEnd()}\n\n${section}` : `${existing.slice(0, start)}${section}${next < 0 ? '' : existing.slice(next + 1)}`;
await writeFile(resultsPath, `${updated.trimEnd()}\n`);
