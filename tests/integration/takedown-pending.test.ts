// Takedowns the CDN has not accepted yet, on the real local S3 API with the real core: a failing
// invalidator (CloudFront refusing, e.g. TooManyInvalidationsInProgress) leaves the path pending in
// head.json and on the public status page (paths of images only); the next publish retries it with
// its own work, and a copy shown again before that needs no invalidation at all.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3NotificationBody } from '../../functions/pipeline/events';
import { createPublishHandler } from '../../functions/pipeline/lambda';
import { ingestingFirst } from '../support/stages';
import { HEAD_KEY } from '../../functions/core/site-index/paths';
import type { HeadManifest } from '../../functions/core/site-index/types';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import type { CdnInvalidator } from '../../functions/pipeline/invalidation';
import { ingestAndPublish } from '../support/stages';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { png as pngOf } from '../support/images';

let s3: LocalS3;
const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const now = () => new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3?.close());

/** A distinct image (and copy path) per salt. */
const png = (width: number, salt: string): Uint8Array => pngOf(width, width, salt);

const sent: string[][] = [];
let refuse = true;
const cdn: CdnInvalidator = {
  async invalidate(paths) {
    if (refuse) throw Object.assign(new Error('Your request contains too many invalidations.'), { name: 'TooManyInvalidationsInProgress' });
    sent.push([...paths]);
    return `I${sent.length}`;
  },
};

async function publish(files: Record<string, string | Uint8Array | null>) {
  for (const [key, body] of Object.entries(files)) body === null ? await s3.uploads.delete(key) : await s3.uploads.put(key, body);
  return ingestAndPublish({ uploads: s3.uploads, siteStore: s3.siteStore, config, core: defaultCore, now, cdn }, Object.keys(files));
}
const read = async (key: string) => Buffer.from((await s3.siteStore.get(key))?.bytes ?? new Uint8Array()).toString('utf8');

describe('pending takedowns', () => {
  it('a refused invalidation stays pending on the status page until a later publish gets it accepted', async () => {
    const first = await publish({ 'p.png': png(30, 'one'), 'p.md': '---\ntitle: Pier\ndate: 2026-03-01\nimage: p.png\n---\n\nBody.\n' });
    const old = first.changedPaths.find((p) => p.startsWith('images/')) as string;
    expect(old).toMatch(/^images\/[0-9a-f]{16}\.png$/);

    const replaced = await publish({ 'p.png': png(31, 'two') });
    expect(replaced.takedowns.takenDown).toEqual([old]);
    expect(replaced.takedowns.pending.map((e) => e.path)).toEqual([old]);
    expect(await s3.siteStore.get(old)).toBeUndefined();
    expect((JSON.parse(await read(HEAD_KEY)) as HeadManifest).takedowns).toEqual([{ path: old, since: '2026-03-10T09:00:00.000Z' }]);
    const status = JSON.parse(await read('status.json')) as Record<string, unknown>;
    expect(status.takedownsPending).toEqual([old]);
    const page = await read('status/index.html');
    expect(page).toContain('Takedowns pending');
    expect(page).toContain(`<code>/${old}</code>`);
    // Paths of images only: no upload key, no title of anything unpublished.
    expect(page).not.toContain('p.png</code>');

    refuse = false;
    const next = await publish({ 'other.md': '---\ntitle: Other\ndate: 2026-03-02\n---\n\nBody.\n' });
    expect(next.takedowns.invalidation?.paths).toEqual([`/${old}`]);
    expect(sent).toEqual([[`/${old}`]]);
    expect((JSON.parse(await read(HEAD_KEY)) as HeadManifest).takedowns).toBeUndefined();
    expect(JSON.parse(await read('status.json')).takedownsPending).toBeUndefined();
    expect(await read('status/index.html')).not.toContain('Takedowns pending');
  });

  it('a copy shown again (same bytes) before its invalidation went through needs none', async () => {
    refuse = true;
    const shown = await publish({ 'q.png': png(40, 'q-one'), 'q.md': '---\ntitle: Quay\ndate: 2026-03-03\nimage: q.png\n---\n\nBody.\n' });
    const copy = shown.changedPaths.find((p) => p.startsWith('images/')) as string;
    const gone = await publish({ 'q.png': null });
    expect(gone.takedowns.pending.map((e) => e.path)).toEqual([copy]);
    const back = await publish({ 'q.png': png(40, 'q-one') });
    expect(back.takedowns.pending).toEqual([]);
    expect(back.takedowns.invalidation).toBeUndefined();
    expect((await s3.siteStore.get(copy))?.cacheControl).toBe('public, max-age=31536000, immutable');
  });
});

describe('the Lambda handler with CloudFront', () => {
  it('sends the takedown as one CreateInvalidation on the configured distribution, with a caller reference per request', async () => {
    const requests: CreateInvalidationCommand['input'][] = [];
    // CloudFront faked at the client (the only SDK fake): it records each request and answers with an id.
    const client = {
      send: async (command: CreateInvalidationCommand) => {
        requests.push(command.input);
        return { Invalidation: { Id: `I${requests.length}` } };
      },
    } as unknown as CloudFrontClient;
    const deps = { uploads: s3.uploads, siteStore: s3.siteStore, config, core: defaultCore, now };
    const publish = createPublishHandler({ ...deps, logger: new Logger({ logLevel: 'SILENT' }), metrics: new Metrics({ namespace: 't' }), cloudFront: { client, distributionId: 'E2EXAMPLE' } });
    const handler = ingestingFirst(publish, { uploads: s3.uploads, records: s3.siteStore, config, core: defaultCore });
    const event = (key: string, eventName: 'ObjectCreated:Put' | 'ObjectRemoved:Delete') =>
      ({ Records: [{ messageId: key, body: s3NotificationBody({ bucket: s3.uploadsBucket, key, eventName }) }] }) as never;

    const imagesBefore = new Set(await s3.siteStore.list('images/'));
    await s3.uploads.put('h/l.png', png(70, 'lambda'));
    expect((await handler(event('h/l.png', 'ObjectCreated:Put'))).batchItemFailures).toEqual([]);
    const [copy] = (await s3.siteStore.list('images/')).filter((p) => !imagesBefore.has(p));
    expect(copy).toMatch(/^images\/[0-9a-f]{16}\.png$/);
    const before = requests.length;
    await s3.uploads.delete('h/l.png');
    expect((await handler(event('h/l.png', 'ObjectRemoved:Delete'))).batchItemFailures).toEqual([]);
    const takedown = requests.slice(before).find((r) => r.InvalidationBatch?.CallerReference?.startsWith('feedpub-takedown-'));
    expect(takedown).toEqual({
      DistributionId: 'E2EXAMPLE',
      InvalidationBatch: { CallerReference: expect.stringMatching(/^feedpub-takedown-[0-9a-f]{32}$/), Paths: { Quantity: 1, Items: [`/${copy}`] } },
    });
    expect(await s3.siteStore.get(copy as string)).toBeUndefined();
  });
});

describe('cost of a delete', () => {
  it('re-renders only its own month (tombstone included), the heads, the site pages and its month sitemap and archive page; nothing of other months', async () => {
    const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
    const story = (title: string, date: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\nBody.\n`;
    // December keeps an article: a month left empty leaves the archive chain, which re-links its neighbours.
    await publish({ ...Object.fromEntries(months.map((m) => [`cost/${m}.md`, story(`Cost ${m}`, `${m}-15`)])), 'cost/2025-12-b.md': story('Cost December B', '2025-12-20') });
    const result = await publish({ 'cost/2025-12.md': null });
    expect(result.results.find((r) => r.key === 'cost/2025-12.md')?.outcome).toBe('deleted');
    const rendered = result.changedPaths.filter((p) => !p.startsWith('images/'));
    expect(rendered.filter((p) => p.startsWith('archive/')).sort()).toEqual(['archive/2025-12/atom.xml', 'archive/2025-12/feed.json', 'archive/2025-12/feed.xml', 'archive/2025-12/index.html', 'archive/index.html']);
    expect(rendered.filter((p) => !p.startsWith('archive/')).sort()).toEqual(
      ['articles/cost-2025-12/index.html', 'atom.xml', 'feed.json', 'feed.xml', 'index.html', 'sitemap-2025-12.xml', 'status.json', 'status/index.html'].sort(),
    );
    expect(await read('archive/2025-12/atom.xml')).toContain('at:deleted-entry');
  });
});
