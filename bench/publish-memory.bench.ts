// Peak memory of one publish batch (the single writer), apart from the ingest that prepared it:
// the parent prepares uploads and prepared records in a directory store, then a fresh child
// process runs only publishBatch on them and reports its peak RSS (getrusage maxRSS) over its
// RSS just before the batch. Two worst cases for a batch of 10 (the FIFO batch size): articles
// just under maxUploadBytes, and images at maxImageBytes.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SITE, type SiteConfig } from '../functions/core/model';
import { defaultCore } from '../functions/pipeline/default-core';
import { ingestKeys } from '../functions/pipeline/ingest';
import { publishBatch } from '../functions/pipeline/publish';
import { DirectoryObjectStore } from '../functions/store/directory';
import { loadAverage } from './support/results';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const BATCH = 10;
const T = new Date('2026-06-15T12:00:00Z');

function article(n: number, bytes: number): string {
  const paragraph = `Paragraph ${n} of a very long read, with enough ordinary words to look like prose. `.repeat(20);
  let text = `Long read ${n}\nDate: 2026-06-0${(n % 9) + 1}T09:00:00Z\n\n`;
  while (text.length + paragraph.length + 2 < bytes) text += `${paragraph}\n\n`;
  return text;
}

function png(bytes: number, n: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 4, 0, 0, 0, 3, 0, 8, 6, 0, 0, 0]);
  out[bytes - 1] = n; // distinct content, distinct hashed copies
  return out;
}

if (process.argv[2] === '--child') {
  const dir = process.argv[3] as string;
  const keys = (process.argv[4] as string).split(',');
  const uploads = new DirectoryObjectStore(join(dir, 'uploads'));
  const siteStore = new DirectoryObjectStore(join(dir, 'site'));
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  const result = await publishBatch({ uploads, siteStore: siteStore, config: site, core: defaultCore, now: () => T }, keys);
  const peakKb = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ beforeMb: before / 1048576, peakMb: peakKb / 1024, outcomes: result.results.filter((r) => keys.includes(r.key)).map((r) => r.outcome) }));
  process.exit(0);
}

async function runCase(name: string, put: (uploads: DirectoryObjectStore, i: number) => Promise<string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'feedpub-mem-'));
  try {
    const uploads = new DirectoryObjectStore(join(dir, 'uploads'));
    const siteStore = new DirectoryObjectStore(join(dir, 'site'));
    const keys: string[] = [];
    for (let i = 0; i < BATCH; i++) keys.push(await put(uploads, i));
    const ingested = await ingestKeys({ uploads, records: siteStore, config: site, core: defaultCore, now: () => T }, keys, 2);
    if (ingested.some((r) => r.verdict === 'rejected')) throw new Error(`${name}: ingest rejected ${JSON.stringify(ingested)}`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), '--child', dir, keys.join(',')], {
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    if (child.status !== 0) throw new Error(`${name}: child failed: ${child.stderr}`);
    const { beforeMb, peakMb, outcomes } = JSON.parse(child.stdout) as { beforeMb: number; peakMb: number; outcomes: string[] };
    if (!outcomes.every((o) => o === 'published')) throw new Error(`${name}: ${outcomes.join(' ')}`);
    return `| ${name} | ${beforeMb.toFixed(0)} | ${peakMb.toFixed(0)} | ${(peakMb - beforeMb).toFixed(0)} |`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const load = loadAverage();
const rows = [
  await runCase(`${BATCH} articles of ~${(site.maxUploadBytes / 1048576 - 0.1).toFixed(1)} MB`, async (uploads, i) => {
    const key = `long/${i}.txt`;
    await uploads.put(key, article(i, site.maxUploadBytes - 100_000));
    return key;
  }),
  await runCase(`${BATCH} images of ${site.maxImageBytes / 1048576} MB`, async (uploads, i) => {
    const key = `photos/${i}.png`;
    await uploads.put(key, png(site.maxImageBytes, i));
    return key;
  }),
];
process.stdout.write(
  [
    `Publish batch peak memory (bench/publish-memory.bench.ts, Node ${process.version}, load average ${load}):`,
    '',
    '| batch | RSS before MB | peak RSS MB | batch adds MB |',
    '|---|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n'),
);
