// Per-upload cost of tag feeds against archive size: 1,000 and 10,000 articles, each tagged "world"
// (a tag as large as the site) and one of ten topics (a tenth of it), seeded straight into the index
// (site head and months, every tag's head and months, slug pins) on the real local S3 API (s3rver).
// Each new upload carries two of those tags and goes through both stages. Prints, per upload: S3
// writes (all, and under tags/ + _feedpub/tags/), reads, publish wall time (min, median), and the
// load average; writes its section of bench/RESULTS.md.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { assignTagSlugs, tagHeadKey, tagIdentity, tagMonthKey, tagNameRecordKey, tagSlugRecordKey, type TagHead } from '../functions/core/site-index/tags';
import { s3NotificationBody } from '../functions/pipeline/events';
import { createIngestHandler } from '../functions/pipeline/ingest-lambda';
import { createPublishHandler } from '../functions/pipeline/lambda';
import { defaultCore } from '../functions/pipeline/default-core';
import type { ObjectStore, PutOptions } from '../functions/store/types';
import { CountingObjectStore } from '../functions/store/counting';
import { startLocalS3, UPLOADS } from '../tests/support/local-s3';
import { ARCHIVE_END, archivedArticles, benchSite, seedCollection, seedSiteIndex } from './support/archive';
import { benchSizes, loadAverage, mean, median, writeResultsSection } from './support/results';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const SIZES = benchSizes([1_000, 10_000]);
const UPLOADS_PER_CASE = Number(process.env.BENCH_UPLOADS ?? 10);
const TOPICS = 10;
const END = ARCHIVE_END;
const site = benchSite;

async function seed(store: ObjectStore, size: number): Promise<void> {
  const articles = assignTagSlugs(archivedArticles(size, (n) => ({ withText: false, tags: ['world', `topic-${n % TOPICS}`] })));
  const lastPublish = new Date(END).toISOString();
  await seedSiteIndex(store, articles);
  const tagSlugs = new Map<string, string>();
  for (const a of articles) a.tags.forEach((t, i) => tagSlugs.set(t, a.tagSlugs?.[i] as string));
  for (const [name, slug] of tagSlugs) {
    const identity = tagIdentity(name);
    await store.put(tagSlugRecordKey(slug), JSON.stringify({ slug, identity, name }));
    await store.put(tagNameRecordKey(name), JSON.stringify({ identity, slug, name }));
    const tagged = articles.filter((a) => a.tagSlugs?.includes(slug));
    const head = await seedCollection(store, tagged, (m) => tagMonthKey(slug, m));
    await store.put(tagHeadKey(slug), JSON.stringify({ slug, name, ...head, lastPublish, outputs: {} } satisfies TagHead));
  }
}

/** Counts puts and deletes by where they land. */
class WhereCounter implements ObjectStore {
  tagWrites = 0;
  constructor(private readonly inner: ObjectStore) {}
  get = (key: string) => this.inner.get(key);
  head = (key: string) => this.inner.head(key);
  list = (prefix: string) => this.inner.list(prefix);
  listObjects = (prefix: string) => this.inner.listObjects(prefix);
  put(key: string, body: string | Uint8Array, options?: PutOptions): Promise<void> {
    if (key.startsWith('tags/') || key.startsWith('_feedpub/tags/') || key.startsWith('_feedpub/tag-')) this.tagWrites++;
    return this.inner.put(key, body, options);
  }
  delete(key: string): Promise<void> {
    if (key.startsWith('tags/') || key.startsWith('_feedpub/tags/')) this.tagWrites++;
    return this.inner.delete(key);
  }
}

interface CaseResult {
  size: number;
  minMs: number;
  medianMs: number;
  writes: number;
  tagWrites: number;
  reads: number;
}

async function runCase(size: number): Promise<CaseResult> {
  const s3 = await startLocalS3();
  try {
    const where = new WhereCounter(s3.siteStore);
    const siteStore = new CountingObjectStore(where);
    await seed(s3.siteStore, size);
    const logger = new Logger({ logLevel: 'SILENT' });
    const handler = createPublishHandler({ uploads: s3.uploads, siteStore: siteStore, uploadsBucket: UPLOADS, config: site, core: defaultCore, logger, metrics: new Metrics({ namespace: 'bench' }) });
    const ingest = createIngestHandler({ uploads: s3.uploads, records: s3.siteStore, config: site, core: defaultCore, uploadsBucket: UPLOADS, logger, sendToPublish: async () => {} });
    const times: number[] = [];
    const writes: number[] = [];
    const tagWrites: number[] = [];
    const reads: number[] = [];
    // Upload 0 is a warm-up: it also writes the head outputs the seed lacks.
    for (let i = 0; i <= UPLOADS_PER_CASE; i++) {
      const key = `new/${size}-${i}.txt`;
      const date = new Date(END + (i + 1) * 60_000).toISOString();
      await s3.uploads.put(key, `Fresh article ${i}\nDate: ${date}\nTags: world, topic-${i % TOPICS}\n\n${'New text. '.repeat(150)}`);
      const body = s3NotificationBody({ bucket: UPLOADS, key, eventName: 'ObjectCreated:Put' });
      await ingest({ Records: [{ messageId: `i${i}`, body, attributes: { ApproximateReceiveCount: '1' } }] } as never);
      siteStore.reset();
      where.tagWrites = 0;
      const started = performance.now();
      const response = await handler({ Records: [{ messageId: `m${i}`, body }] } as never);
      const ms = performance.now() - started;
      if (response.batchItemFailures.length > 0) throw new Error(`publish failed for ${key}`);
      if (i === 0) continue;
      const c = siteStore.counts;
      times.push(ms);
      writes.push(c.put + c.delete);
      tagWrites.push(where.tagWrites);
      reads.push(c.get + c.head + c.list);
    }
    return { size, minMs: Math.min(...times), medianMs: median(times), writes: mean(writes), tagWrites: mean(tagWrites), reads: mean(reads) };
  } finally {
    await s3.close();
  }
}

const loadBefore = loadAverage();
const results: CaseResult[] = [];
for (const size of SIZES) {
  const r = await runCase(size);
  results.push(r);
  process.stdout.write(`archive ${size}: ${r.writes.toFixed(1)} writes/upload (${r.tagWrites.toFixed(1)} for tags), ${r.reads.toFixed(1)} reads; publish min ${r.minMs.toFixed(1)} / median ${r.medianMs.toFixed(1)} ms\n`);
}
const loadAfter = loadAverage();

const section = [
  '## Tag feeds: per-upload cost against archive size (bench/tag-publish.bench.ts)',
  '',
  `Each archive article has two tags: "world" (every article) and one of ${TOPICS} topics; each upload (${UPLOADS_PER_CASE}, after a warm-up) has two of them too. S3 writes = puts + deletes on the site bucket by the publish stage; "for tags" = under tags/, _feedpub/tags/ and the tag pins. Load average ${loadBefore} before, ${loadAfter} after (2 cores shared).`,
  '',
  '| Archive | Writes per upload | of which tags | Reads per upload | Publish min / median |',
  '|---|---|---|---|---|',
  ...results.map((r) => `| ${r.size.toLocaleString('en')} | ${r.writes.toFixed(1)} | ${r.tagWrites.toFixed(1)} | ${r.reads.toFixed(1)} | ${r.minMs.toFixed(0)} / ${r.medianMs.toFixed(0)} ms |`),
  '',
].join('\n');
process.stdout.write(`\n${section}\n`);

await writeResultsSection(section);
