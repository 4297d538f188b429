// Sitemaps and HTML archive pages at flat per-upload cost: the objects one upload writes, by kind, at
// 1,000 and 10,000 articles, on the real local S3 API (s3rver) with the real core. The index is seeded
// directly (head + month manifests, 30 articles a day, as bench/publish.bench.ts), then articles are
// uploaded one at a time through both stages with an injected clock: new ones into the current month,
// then back-dated ones into a month six months back. Prints min and median publish time and the load
// average; writes its section of bench/RESULTS.md.
import { HEAD_KEY } from '../functions/core/site-index/paths';
import type { HeadManifest } from '../functions/core/site-index/types';
import { defaultCore } from '../functions/pipeline/default-core';
import { ingestKeys } from '../functions/pipeline/ingest';
import { publishBatch } from '../functions/pipeline/publish';
import type { ListedObject, ObjectHead, ObjectStore, PutOptions, StoredObject } from '../functions/store/types';
import { startLocalS3 } from '../tests/support/local-s3';
import { ARCHIVE_END, archivedArticles, benchSite, seedSiteIndex } from './support/archive';
import { benchSizes, loadAverage, median, writeResultsSection } from './support/results';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const SIZES = benchSizes([1000, 10_000]);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 10);
const BACKDATED = 3;
const END = ARCHIVE_END;
const site = benchSite;

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

async function runCase(size: number): Promise<{ months: number; fresh: Phase; backdated: Phase }> {
  const s3 = await startLocalS3();
  try {
    await seedSiteIndex(s3.siteStore, archivedArticles(size, { paragraphs: 1 }));
    const siteStore = new KeyRecordingStore(s3.siteStore);
    const months = (JSON.parse(Buffer.from((await s3.siteStore.get(HEAD_KEY))?.bytes ?? []).toString()) as HeadManifest).months.length;
    let clock = END;
    const upload = async (key: string, date: string, phase?: Phase) => {
      await s3.uploads.put(key, `Fresh article ${key}\nDate: ${date}\n\n${'New text. '.repeat(150)}`);
      const deps = { uploads: s3.uploads, siteStore, config: site, core: defaultCore, now: () => new Date(clock) };
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

const loadBefore = loadAverage();
const results: { size: number; months: number; fresh: Phase; backdated: Phase }[] = [];
for (const size of SIZES) {
  const r = await runCase(size);
  results.push({ size, ...r });
  process.stdout.write(`archive ${size}: publish min ${Math.min(...r.fresh.ms).toFixed(1)} / median ${median(r.fresh.ms).toFixed(1)} ms; writes per upload ${KINDS.map((k) => `${k} ${((r.fresh.writes.get(k) ?? 0) / UPLOADS).toFixed(1)}`).join(', ')}\n`);
}
const loadAfter = loadAverage();

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

await writeResultsSection(section);
