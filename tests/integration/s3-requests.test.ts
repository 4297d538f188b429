// The S3 request cost of one upload through both stages (ingest, then publish), counted from the
// real local S3 server's own request log (every request it received, retries included), with the
// real core. Each case is counted against a site that already has articles, as a live site would.
// The ceilings are today's counts: a change that adds a request fails here and must say why
// (docs/performance.md lists what each request is for).
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Request } from '../../functions/local/s3server';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import { s3NotificationBody } from '../../functions/pipeline/events';
import { createIngestHandler } from '../../functions/pipeline/ingest-lambda';
import { createPublishHandler } from '../../functions/pipeline/lambda';
import { startLocalS3, UPLOADS, type LocalS3 } from '../fault/local-s3';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const NOW = new Date('2026-06-15T12:00:00Z');
const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 20 };

let s3: LocalS3;
let log: S3Request[] = [];
let messages = 0;
let ingest: ReturnType<typeof createIngestHandler>;
let publish: ReturnType<typeof createPublishHandler>;

beforeAll(async () => {
  s3 = await startLocalS3();
  s3.onRequest((r) => void log.push(r));
  const silent = new Logger({ logLevel: 'SILENT' });
  const deps = { uploads: s3.uploads, config: site, core: defaultCore, uploadsBucket: UPLOADS, now: () => NOW };
  ingest = createIngestHandler({ ...deps, records: s3.site, logger: silent, sendToPublish: async () => {} });
  publish = createPublishHandler({ ...deps, site: s3.site, logger: silent, metrics: new Metrics({ namespace: 'test' }) });
  // A site with articles in it: the first publish also writes every head output and static asset.
  for (let i = 1; i <= 3; i++) await change(`seed/${i}.txt`, story(`Seed story ${i}`, i));
});
afterAll(() => s3?.close());

// A PNG header (signature + IHDR) is all describeImage reads.
function png(width: number): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(width, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(12)]));
}

function story(title: string, day: number, extra = ''): string {
  return `${title}\nDate: 2026-06-${String(day).padStart(2, '0')}T09:00:00Z\n${extra}\n${`A paragraph of ${title.toLowerCase()}, long enough to read like news. `.repeat(8)}\n`;
}

interface Cost {
  ingest: number;
  publish: number;
  total: number;
  detail: string[];
}

/** Applies one change to the uploads bucket, then runs both stages on its event; returns their requests. */
async function change(key: string, body: string | Uint8Array | undefined): Promise<Cost> {
  if (body === undefined) await s3.uploads.delete(key);
  else await s3.uploads.put(key, body);
  const event = { Records: [{ messageId: `m${++messages}`, body: s3NotificationBody({ bucket: UPLOADS, key, eventName: body === undefined ? 'ObjectRemoved:Delete' : 'ObjectCreated:Put' }), attributes: { ApproximateReceiveCount: '1' } }] };
  log = [];
  const ingested = await ingest(event as never);
  const ingestLog = log;
  log = [];
  const published = await publish(event as never);
  const publishLog = log;
  log = [];
  expect(ingested.batchItemFailures).toEqual([]);
  expect(published.batchItemFailures).toEqual([]);
  const show = (stage: string, r: S3Request) => `${stage} ${r.list ? 'LIST' : r.method} ${r.bucket === UPLOADS ? 'uploads' : 'site'}:${r.key}`;
  return {
    ingest: ingestLog.length,
    publish: publishLog.length,
    total: ingestLog.length + publishLog.length,
    detail: [...ingestLog.map((r) => show('ingest', r)), ...publishLog.map((r) => show('publish', r))],
  };
}

// Ceilings: the counts of this change (docs/performance.md explains each request). Before it, a new
// .txt cost 42 (12 GETs probing for same-name images), an image upload 26.
const CEILING = {
  'new .txt': 29,
  edit: 26,
  'unchanged re-upload': 7,
  delete: 25,
  'image upload': 14,
  '.md with its image': 33,
  'tagged .txt (2 new tags)': 53,
} as const;
type Case = keyof typeof CEILING;

const counts: Partial<Record<Case, Cost>> = {};
afterAll(() => {
  for (const [name, c] of Object.entries(counts)) process.stdout.write(`s3 requests, ${name}: ${c.total} (ingest ${c.ingest}, publish ${c.publish})\n  ${c.detail.join('\n  ')}\n`);
});

async function measured(name: Case, key: string, body: string | Uint8Array | undefined): Promise<void> {
  const cost = await change(key, body);
  counts[name] = cost;
  expect(cost.total, cost.detail.join('\n')).toBeLessThanOrEqual(CEILING[name]);
}

type Feed = { items: { title: string; image?: string }[] };
const feed = async () => JSON.parse(Buffer.from((await s3.site.get('feed.json'))?.bytes ?? []).toString('utf8')) as Feed;
const titles = async () => (await feed()).items.map((i) => i.title);

describe('S3 requests per upload, both stages', () => {
  it('a new untagged .txt', async () => {
    await measured('new .txt', 'news/plain.txt', story('A plain new story', 10));
    expect(await titles()).toContain('A plain new story');
  });
  it('an edit', async () => {
    await measured('edit', 'news/plain.txt', story('A plain new story, edited', 10));
    expect(await titles()).toContain('A plain new story, edited');
    expect(await titles()).not.toContain('A plain new story');
  });
  it('an unchanged re-upload writes nothing', async () => {
    await measured('unchanged re-upload', 'news/plain.txt', story('A plain new story, edited', 10));
    expect(counts['unchanged re-upload']?.detail.filter((d) => / (PUT|DELETE) /.test(d))).toEqual([]);
  });
  it('a delete', async () => {
    await measured('delete', 'news/plain.txt', undefined);
    expect(await titles()).not.toContain('A plain new story, edited');
  });
  it('a .md with an image, the image first', async () => {
    await measured('image upload', 'news/pic.png', png(640));
    await measured('.md with its image', 'news/pictured.md', `---\ntitle: A pictured story\ndate: 2026-06-11T09:00:00Z\nimage: pic.png\n---\n\n${'Text of the pictured story. '.repeat(20)}\n`);
    const item = (await feed()).items.find((i) => i.title === 'A pictured story');
    expect(item?.image).toMatch(/\/images\/[0-9a-f]{16}\.png$/);
  });
  it('a tagged article', async () => {
    await measured('tagged .txt (2 new tags)', 'news/tagged.txt', story('A tagged story', 12, 'Tags: Politics, Europe\n'));
    expect(await titles()).toContain('A tagged story');
  });
});
