// The S3 request cost of one upload through both stages (ingest, then publish), counted from the
// real local S3 server's own request log (every request it received, retries included), with the
// real core. Each case is counted against a site that already has articles, as a live site would.
// The ceilings are today's counts: a change that adds a request fails here and must say why
// (docs/performance.md lists what each request is for).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { png, startRequestCostRig, story, type RequestCost as Cost, type RequestCostRig } from '../support/request-cost';

const NOW = new Date('2026-06-15T12:00:00Z');
const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 20 };

let rig: RequestCostRig;
const change = (key: string, body: string | Uint8Array | undefined) => rig.change(key, body);

beforeAll(async () => {
  rig = await startRequestCostRig(site, () => NOW);
  // A site with articles in it: the first publish also writes every head output and static asset.
  for (let i = 1; i <= 3; i++) await change(`seed/${i}.txt`, story(`Seed story ${i}`, i));
}, 180_000);
afterAll(() => rig?.close());

// Ceilings: the counts of this change (docs/performance.md explains each request). Before it, a new
// .txt cost 41 (a HEAD and 12 GETs probing for same-name images where one LIST does now), an edit 38, an unchanged re-upload 19, a delete
// 25, an image upload 26, the .md naming it 45, the tagged .txt 65.
// Then editor notes moved out of head.json into one record per key (a GET and a PUT per noted upload,
// a GET and a DELETE per deleted key with a note: +2 each), and tag feeds gained deletion records:
// 31, 28, 7, 26, 14, 35, 59. Then ingest took size and ETag from the event instead of a HEAD (-1 per
// created upload), slug and body claims became conditional creates (-1 each when new), and so did
// the editor note of a key published the first time (-1).
const CEILING = {
  'new .txt': 27,
  edit: 26,
  'unchanged re-upload': 6,
  delete: 26,
  'image upload': 13,
  '.md with its image': 31,
  'tagged .txt (2 new tags)': 55,
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
const feed = async () => JSON.parse(Buffer.from((await rig.s3.siteStore.get('feed.json'))?.bytes ?? []).toString('utf8')) as Feed;
const titles = async () => (await feed()).items.map((i) => i.title);

// Load-bound like the other local-S3 suites: a generous bound per case.
describe('S3 requests per upload, both stages', { timeout: 120_000 }, () => {
  it('a new untagged .txt', async () => {
    await measured('new .txt', 'news/plain.txt', story('A plain new story', 10));
    // The event names the version: ingest reads it (If-Match) without a HEAD.
    expect(counts['new .txt']?.detail.filter((d) => d.startsWith('ingest ') && d.includes('uploads:'))).toEqual(['ingest GET uploads:news/plain.txt']);
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
    // A deletion has nothing to prepare: the ingest stage sends no request for it.
    expect(counts.delete?.ingest).toBe(0);
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
