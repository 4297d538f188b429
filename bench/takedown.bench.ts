// Cost of a takedown against archive size: deleting an article (deletion records in its month and the
// heads) and replacing an image two articles show (old copy taken down, one invalidation), with 100,
// 10,000 and 100,000 articles already in the index. Both stages' functions on in-memory stores behind
// the request counter: the figures that must stay flat are S3 requests and bytes per operation; wall
// time (min, median) is printed with the load average, for reference only. Writes its section of
// bench/RESULTS.md.
import { defaultCore } from '../functions/pipeline/default-core';
import { ingestKeys } from '../functions/pipeline/ingest';
import { publishBatch, type PublishDeps } from '../functions/pipeline/publish';
import { CountingObjectStore } from '../functions/store/counting';
import { ARCHIVE_END, archivedArticles, benchSite, seedSiteIndex } from './support/archive';
import { benchSizes, loadAverage, median, writeResultsSection } from './support/results';
import { MemoryObjectStore } from '../functions/store/memory';
import { png as pngOf } from '../tests/support/images';

const SIZES = benchSizes([100, 10_000, 100_000]);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const END = ARCHIVE_END;
const site = benchSite;

/** A distinct image (and copy path) per salt. */
const png = (width: number, salt: string): Uint8Array => pngOf(width, width, salt);

interface Measure {
  ms: number[];
  requests: number[];
  kb: number[];
}

async function runCase(size: number): Promise<{ size: number; del: Measure; replace: Measure; invalidations: number }> {
  const memory = new MemoryObjectStore(() => new Date(END));
  await seedSiteIndex(memory, archivedArticles(size, { paragraphs: 1, withText: false }));
  const siteStore = new CountingObjectStore(memory);
  const uploads = new CountingObjectStore(new MemoryObjectStore(() => new Date(END)));
  let invalidations = 0;
  const deps: PublishDeps = { uploads, siteStore: siteStore, config: site, core: defaultCore, now: () => new Date(END + 3_600_000), cdn: { invalidate: async () => `I${++invalidations}` } };
  const both = async (keys: string[]) => {
    await ingestKeys({ uploads, records: siteStore, config: site, core: defaultCore }, keys, 4);
    return publishBatch(deps, keys);
  };
  // Measures the publish stage (the single writer) of one operation; the ingest of a delete is one HEAD.
  const measure = async (m: Measure, keys: string[]) => {
    await ingestKeys({ uploads, records: siteStore, config: site, core: defaultCore }, keys, 4);
    siteStore.reset();
    uploads.reset();
    const t0 = performance.now();
    await publishBatch(deps, keys);
    m.ms.push(performance.now() - t0);
    const c = siteStore.reset();
    const u = uploads.reset();
    m.requests.push(c.get + c.head + c.put + c.delete + c.list + u.get + u.head + u.put + u.delete + u.list);
    m.kb.push(c.bytesWritten / 1024);
  };
  const del: Measure = { ms: [], requests: [], kb: [] };
  const replace: Measure = { ms: [], requests: [], kb: [] };
  const date = new Date(END - 86_400_000).toISOString();
  for (let i = 0; i <= ROUNDS; i++) {
    // Delete: an article published just before (its month holds ~15 days of the seed).
    await uploads.put(`new/${i}.md`, `---\ntitle: To delete ${i}\ndate: ${date}\n---\n\n${'Text. '.repeat(150)}\n`);
    await both([`new/${i}.md`]);
    await uploads.delete(`new/${i}.md`);
    if (i === 0) await both([`new/${i}.md`]);
    else await measure(del, [`new/${i}.md`]);
    // Replace a picture two articles show.
    const story = (t: string) => `---\ntitle: ${t}\ndate: ${date}\nimage: p${i}.png\n---\n\nText.\n`;
    await uploads.put(`pics/p${i}.png`, png(100 + i, 'one'));
    await uploads.put(`pics/a${i}.md`, story(`A ${i}`));
    await uploads.put(`pics/b${i}.md`, story(`B ${i}`));
    await both([`pics/p${i}.png`, `pics/a${i}.md`, `pics/b${i}.md`]);
    await uploads.put(`pics/p${i}.png`, png(100 + i, 'two'));
    if (i === 0) await both([`pics/p${i}.png`]);
    else await measure(replace, [`pics/p${i}.png`]);
  }
  return { size, del, replace, invalidations };
}

const loadBefore = loadAverage();
const results: Awaited<ReturnType<typeof runCase>>[] = [];
for (const size of SIZES) {
  const r = await runCase(size);
  results.push(r);
  process.stdout.write(
    `archive ${size}: delete ${median(r.del.requests)} S3 requests, min ${Math.min(...r.del.ms).toFixed(1)} / median ${median(r.del.ms).toFixed(1)} ms; ` +
      `image replace ${median(r.replace.requests)} S3 requests, min ${Math.min(...r.replace.ms).toFixed(1)} / median ${median(r.replace.ms).toFixed(1)} ms; ${r.invalidations} invalidations\n`,
  );
}
const loadAfter = loadAverage();
const base = results[0] as (typeof results)[number];
const row = (r: (typeof results)[number], m: 'del' | 'replace') =>
  `| ${r.size.toLocaleString('en-US')} | ${m === 'del' ? 'delete an article' : 'replace an image two articles show'} | ${median(r[m].requests)} | ${(median(r[m].requests) / median(base[m].requests)).toFixed(2)}x | ${median(r[m].kb).toFixed(0)} | ${Math.min(...r[m].ms).toFixed(1)} | ${median(r[m].ms).toFixed(1)} |`;
const section = [
  '## Takedown (bench/takedown.bench.ts)',
  '',
  `Publish stage of one takedown into an existing archive (the index seeded as in the publish bench, 30 articles a day), in-memory`,
  `stores behind the request counter, ${ROUNDS} operations per case after one warm-up (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadBefore} before, ${loadAfter} after).`,
  'A delete writes its month (with the deletion record), the heads, home and status, and deletes the page; an image replace',
  'writes the new copy, re-renders both articles and their month, deletes the old copy and makes one CDN invalidation.',
  '',
  '| archive | operation | S3 requests (median) | vs 100 | KB written | min ms | median ms |',
  '|---:|---|---:|---:|---:|---:|---:|',
  ...results.flatMap((r) => [row(r, 'del'), row(r, 'replace')]),
  '',
  'Requests do not grow with the archive. Bytes written follow the size of the month the article lived in (the seed puts',
  '~3 days of articles in it at 100, ~15 days at 10,000 and 100,000), which is re-rendered, as for any upload (docs/operations.md, Limits).',
  '',
].join('\n');
process.stdout.write(`\n${section}\n`);
await writeResultsSection(section);
