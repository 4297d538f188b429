// `feedpub republish` on the real local stack (s3rver, worker-thread ingest, FIFO publish queue, dev
// server): a domain move and a site.json change followed by a republish leave no old URL in any
// object; every output equals (1) a render from the index and (2) a fresh whole-site build seeded with
// the facts the pipeline pins (first-seen slugs and dates), under one injected clock; a second
// republish writes nothing; uploads racing a republish are neither lost nor published twice.
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeImage, attachImages, type ImageAsset } from '../../functions/core/images';
import { isImageKey } from '../../functions/core/upload-keys';
import { ingestUpload } from '../../functions/core/ingest';
import { reconcileArticle } from '../../functions/core/site-index/article';
import { articleRecordKey, HEAD_KEY } from '../../functions/core/site-index/paths';
import { foundImages, imageKeysFor, siteStatusOf } from '../../functions/core/site-index/plan';
import type { ArticleRecord, HeadManifest } from '../../functions/core/site-index/types';
import { renderSite } from '../../functions/core/render';
import { republishLocal } from '../../functions/cli/republish-local';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';
import { defaultCore } from '../../functions/pipeline/default-core';
import { checkOutputsAgainstIndex } from '../../functions/pipeline/verify-outputs';
import type { Article } from '../../functions/core/model';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const CONTENT = join(import.meta.dirname, '../../content');
// One clock for the publisher, the republish and the seeded build. Uploads' first-seen dates are
// s3rver's LastModified (the machine clock), always before it, so no date of the run matters.
const CLOCK = '2031-03-04T05:06:07.000Z';
const now = () => new Date(CLOCK);

let contentDir: string;
let dataDir: string;
let stack: LocalStack | undefined;

const start = () =>
  startLocalStack({ port: 0, s3Port: 0, dataDir, contentDir, now, logger: new Logger({ logLevel: 'SILENT' }), drainTimeoutMs: 60_000 });

function s3Client(s: LocalStack): S3Client {
  return new S3Client({ endpoint: s.s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
}

async function allKeys(s: LocalStack, bucket: string): Promise<string[]> {
  const client = s3Client(s);
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const out = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  client.destroy();
  return keys.sort();
}

const text = async (s: LocalStack, key: string) => Buffer.from((await s.s3.siteStore.get(key))?.bytes ?? new Uint8Array()).toString('utf8');

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A whole-site build from the uploads as they are, seeded with the pinned facts (the article records) and the clock. */
async function seededBuild(s: LocalStack): Promise<Map<string, Buffer>> {
  const keys = (await s.s3.uploads.list('')).sort();
  const assets = new Map<string, ImageAsset>();
  for (const key of keys.filter(isImageKey)) {
    const object = await s.s3.uploads.get(key);
    const described = object && describeImage(key, object.bytes);
    if (described?.ok) assets.set(key, described.value);
  }
  const articles: Article[] = [];
  for (const key of keys.filter((k) => !isImageKey(k))) {
    const object = await s.s3.uploads.get(key);
    if (!object) continue;
    const ingested = ingestUpload({ key, bytes: object.bytes, ...(object.etag && { etag: object.etag }), metadata: object.metadata, fallbackDate: object.lastModified as string }, s.site);
    if (!ingested.ok) continue;
    const record = JSON.parse(await text(s, articleRecordKey(key))) as ArticleRecord;
    const mine = foundImages(imageKeysFor(ingested.value, key), (k) => assets.get(k));
    const withImages = mine.size > 0 ? attachImages(ingested.value, mine, s.site) : ingested.value;
    // Tag slugs are pinned facts too (first claim wins, core/site-index/tags.ts): the record keeps them.
    const pinned = { ...withImages, id: record.id, ...(record.tagSlugs !== undefined && { tagSlugs: record.tagSlugs }) };
    articles.push(reconcileArticle(pinned, record, record.slug, CLOCK, s.site));
  }
  const head = JSON.parse(await text(s, HEAD_KEY)) as HeadManifest;
  const files = renderSite(s.site, articles, siteStatusOf(articles.length, head.lastPublish, head.quarantine), CLOCK);
  return new Map(files.map((f) => [f.path, Buffer.from(typeof f.body === 'string' ? Buffer.from(f.body, 'utf8') : f.body)]));
}

/** Counts PUTs and DELETEs the site bucket receives (s3rver's own object events). */
function countSiteWrites(s: LocalStack): { stop: () => string[] } {
  const writes: string[] = [];
  const off = s.s3.onEvent((record) => {
    if (record.s3.bucket.name === s.s3.siteBucket) writes.push(`${record.eventName} ${record.s3.object.key}`);
  });
  return { stop: () => (off(), writes) };
}

let oldOrigin: string;

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'feedpub-republish-content-'));
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-republish-data-'));
  await cp(CONTENT, contentDir, { recursive: true });
  // A small head, so the head, its refill and JSON Feed paging all have older items to reach.
  const site = JSON.parse(await readFile(join(contentDir, 'site.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(contentDir, 'site.json'), JSON.stringify({ ...site, feedSize: 4 }));
  stack = await start();
  // Same title, uploaded in reverse key order: first seen claims the plain slug (a key-order build would not).
  await stack.s3.uploads.put('desk/b-storm.txt', 'Storm closes coast road\n\nThe road is shut.\n');
  await waitFor(async () => (await stack?.s3.siteStore.get('articles/storm-closes-coast-road/index.html')) !== undefined, 60_000, 'b-storm published');
  await stack.s3.uploads.put('desk/a-storm.txt', 'Storm closes coast road\n\nA second report.\n');
  await waitFor(async () => (await stack?.s3.siteStore.get('articles/storm-closes-coast-road-2/index.html')) !== undefined, 60_000, 'a-storm published');
  await stack.queue.drain();
  oldOrigin = new URL(stack.devServer.url).host;
  await stack.close();
  // The move: a new origin (the stack serves at its own URL) and a new house style and title in site.json.
  await writeFile(
    join(contentDir, 'site.json'),
    JSON.stringify({ ...site, feedSize: 4, title: 'The Harbour Courier', creditStyle: { format: '{agency}: {photographer}', prefix: 'Photo: ' } }),
  );
  for (let attempt = 0; ; attempt++) {
    stack = await start();
    if (new URL(stack.devServer.url).host !== oldOrigin || attempt > 5) break;
    await stack.close();
  }
}, 240_000);

afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(contentDir, { recursive: true, force: true });
});

describe('republish after a domain move and a site.json change', () => {
  it('before it, old pages still carry the old origin and the old style (the test can fail)', async () => {
    const s = stack as LocalStack;
    expect(new URL(s.devServer.url).host).not.toBe(oldOrigin);
    const page = await text(s, 'articles/storm-closes-coast-road-2/index.html');
    expect(page).toContain(oldOrigin);
    expect(page).not.toContain('The Harbour Courier');
  });

  it('republishes every upload; no object of the site bucket names the old origin', async () => {
    const s = stack as LocalStack;
    const phases = new Set<string>();
    const report = await republishLocal(s.devServer.url, { chunkSize: 3, onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(['list', 'ingest', 'publish']);
    expect(report.failed).toEqual([]);
    expect(report.uploads).toBe((await s.s3.uploads.list('')).length);
    expect(report.ingest.article).toBeGreaterThan(10);
    expect(report.changedPaths).toBeGreaterThan(10);
    const stale: string[] = [];
    for (const key of await allKeys(s, s.s3.siteBucket)) {
      const body = Buffer.from((await s.s3.siteStore.get(key))?.bytes ?? new Uint8Array()).toString('latin1');
      if (body.includes(oldOrigin)) stale.push(key);
    }
    expect(stale).toEqual([]);
    expect(await text(s, 'articles/storm-closes-coast-road-2/index.html')).toContain('The Harbour Courier');
    // The first-seen slug is kept (a fresh key-order claim would swap them).
    expect(await text(s, 'articles/storm-closes-coast-road/index.html')).toContain('The road is shut.');
    // The new house style reached the pictured sample.
    expect(await text(s, 'archive/2025-06/feed.xml')).toContain('AP: Tomas Lindqvist');
  }, 240_000);

  it('every output equals a render from the index', async () => {
    const s = stack as LocalStack;
    const check = await checkOutputsAgainstIndex(s.s3.siteStore, s.site, defaultCore, CLOCK);
    expect(check.checked).toBeGreaterThan(20);
    expect(check.mismatches).toEqual([]);
  }, 120_000);

  it('every output equals a fresh whole-site build seeded with the pinned slugs and dates under the same clock', async () => {
    const s = stack as LocalStack;
    const built = await seededBuild(s);
    const different: string[] = [];
    for (const [path, bytes] of built) {
      const stored = await s.s3.siteStore.get(path);
      if (!stored || !Buffer.from(stored.bytes).equals(bytes)) different.push(path);

    }
    expect(different).toEqual([]);
    // And nothing public beyond the build's files but the image copies and quarantine records.
    const extra = (await allKeys(s, s.s3.siteBucket)).filter((k) => !k.startsWith('_feedpub/') && !k.startsWith('images/') && !k.startsWith('errors/') && !built.has(k));
    expect(extra).toEqual([]);
  }, 120_000);

  it('a republish of the unchanged site writes nothing', async () => {
    const s = stack as LocalStack;
    const counter = countSiteWrites(s);
    const report = await republishLocal(s.devServer.url, { chunkSize: 3 });
    await s.queue.drain();
    expect(counter.stop()).toEqual([]);
    expect(report.changedPaths).toBe(0);
    expect(report.ingest['already-prepared']).toBe(report.uploads);
  }, 240_000);
});

describe('uploads racing a republish', () => {
  it('none is lost, none is published twice, and the outputs still equal a render from the index', async () => {
    const s = stack as LocalStack;
    const live = Array.from({ length: 12 }, (_, i) => `live/race-${String(i).padStart(2, '0')}.txt`);
    // Each progress line of the run (ingest and publish phases alike) lets the next live change go.
    const changes: Array<() => Promise<void>> = live.map((key, i) => () =>
      s.s3.uploads.put(key, `Race report ${i}\nDate: 2031-02-${String(10 + i).padStart(2, '0')}T08:00:00Z\n\nFiled during a republish.\n`),
    );
    changes.splice(4, 0, () => s.s3.uploads.put('desk/a-storm.txt', 'Storm closes coast road\n\nA second report, corrected.\n'));
    changes.splice(9, 0, () => s.s3.uploads.delete('desk/b-storm.txt'));
    const sent: Promise<void>[] = [];
    const phases: string[] = [];
    const running = republishLocal(s.devServer.url, {
      chunkSize: 1,
      onProgress: (p) => {
        if (p.phase === 'list') return;
        const next = changes.shift();
        if (next) {
          phases.push(p.phase);
          sent.push(next());
        }
      },
    });
    const report = await running;
    for (const change of changes.splice(0)) sent.push(change());
    await Promise.all(sent);
    expect(report.failed).toEqual([]);
    // The changes really did arrive while the writer was taking chunks, not only during the ingest.
    expect(phases.filter((p) => p === 'publish').length).toBeGreaterThan(3);
    await s.queue.drain();
    await waitFor(async () => (await s.s3.siteStore.get('archive/2031-02/feed.json')) !== undefined, 60_000, 'race archive');
    await s.queue.drain();
    const archive = JSON.parse(await text(s, 'archive/2031-02/feed.json')) as { items: { id: string; title: string }[] };
    const titles = archive.items.map((i) => i.title).sort();
    expect(titles).toEqual(live.map((_, i) => `Race report ${i}`).sort());
    expect(new Set(archive.items.map((i) => i.id)).size).toBe(archive.items.length);
    const head = JSON.parse(await text(s, 'feed.json')) as { items: { id: string; title: string }[] };
    expect(new Set(head.items.map((i) => i.id)).size).toBe(head.items.length);
    expect(head.items.map((i) => i.title)).toEqual(['Race report 11', 'Race report 10', 'Race report 9', 'Race report 8']);
    expect(await s.s3.siteStore.get('articles/storm-closes-coast-road/index.html')).toBeUndefined();
    expect(await text(s, 'articles/storm-closes-coast-road-2/index.html')).toContain('corrected');
    const status = JSON.parse(await text(s, 'status.json')) as { articles: number };
    const uploadsNow = (await s.s3.uploads.list('')).filter((k) => !isImageKey(k) && !k.endsWith('.json'));
    const indexHead = JSON.parse(await text(s, HEAD_KEY)) as HeadManifest;
    expect(status.articles).toBe(uploadsNow.length - indexHead.quarantine.length);
    const check = await checkOutputsAgainstIndex(s.s3.siteStore, s.site, defaultCore, CLOCK);
    expect(check.mismatches).toEqual([]);
  }, 300_000);
});
