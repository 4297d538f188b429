// The copy sweep (functions/pipeline/copy-sweep.ts) on the real local S3 server: image copies published
// before reference records existed (simulated by deleting the records a current publish writes, and by
// a copy nobody recorded) get their records from the article and image records, or are taken down
// (deleted, invalidated on the CDN) when nobody shows them; afterwards takedown works for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_PREFIX, copyRecordKey, type CopyRecord } from '../../functions/core/site-index/copies';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import type { CdnInvalidator } from '../../functions/pipeline/invalidation';
import { publishBatch, type PublishDeps } from '../../functions/pipeline/publish';
import { republishSite } from '../../functions/pipeline/republish';
import { publishChunk } from '../../functions/pipeline/republish-chunk';
import { CountingObjectStore } from '../../functions/store/counting';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { ingestAndPublish } from '../support/stages';
import { png as pngOf } from '../support/images';

const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
let s3: LocalS3;
let site: CountingObjectStore;
const invalidations: string[][] = [];
const cdn: CdnInvalidator = {
  invalidate: async (paths) => {
    invalidations.push([...paths]);
    return `I${invalidations.length}`;
  },
};
const deps = (): PublishDeps => ({ uploads: s3.uploads, siteStore: site, config, core: defaultCore, cdn, now: () => new Date('2026-05-20T12:00:00Z') });

beforeAll(async () => {
  s3 = await startLocalS3();
  site = new CountingObjectStore(s3.siteStore);
});
afterAll(() => s3?.close());

/** A distinct image (and copy path) per salt. */
const png = (width: number, salt: string): Uint8Array => pngOf(width, width, salt);
const story = (title: string, image: string) => `---\ntitle: ${title}\ndate: 2026-05-01\nimage: ${image}\ncaption: ${title} picture\n---\n\nThe body of ${title}.\n`;
const put = async (key: string, body: string | Uint8Array) => {
  await s3.uploads.put(key, body);
  return ingestAndPublish(deps(), [key]);
};
const copies = async () => (await s3.siteStore.list('images/')).sort();
const refsOf = async (path: string) => {
  const found = await s3.siteStore.get(copyRecordKey(path));
  return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as CopyRecord).refs : undefined;
};
/** As a site published before reference records: every copy record gone. */
async function forgetCopyRecords(): Promise<void> {
  for (const key of await s3.siteStore.list(COPY_PREFIX)) await s3.siteStore.delete(key);
}
const LEFTOVER = 'images/00000000000000aa.png';

describe('copies published before reference records', () => {
  let harbourV1: string;
  let quay: string;

  it('without records, a replaced copy stays public (the gap the sweep closes)', async () => {
    await put('pics/harbour.png', png(40, 'v1'));
    await put('pics/a.md', story('Harbour', 'harbour.png'));
    await put('pics/quay.png', png(50, 'q1'));
    await put('pics/b.md', story('Quay', 'quay.png'));
    [harbourV1, quay] = (await copies()) as [string, string];
    expect((await copies()).length).toBe(2);
    if ((await refsOf(harbourV1))?.includes('image:pics/harbour.png') !== true) [harbourV1, quay] = [quay, harbourV1];
    await forgetCopyRecords();
    // A copy of a picture replaced long ago, which nothing recorded or shows.
    await s3.siteStore.put(LEFTOVER, png(10, 'old'), { contentType: 'image/png', cacheControl: 'public, max-age=31536000, immutable' });
    await put('pics/harbour.png', png(41, 'v2'));
    expect(await copies()).toContain(harbourV1);
    expect(invalidations).toEqual([]);
  });

  it('a sweep-only batch records who shows each copy and takes down the ones nobody shows', async () => {
    const result = await publishBatch(deps(), [], { sweepCopies: true });
    expect(result.takedowns.takenDown).toEqual([LEFTOVER, harbourV1].sort());
    expect(invalidations).toEqual([[LEFTOVER, harbourV1].sort().map((p) => `/${p}`)]);
    expect(await copies()).not.toContain(harbourV1);
    expect(await copies()).not.toContain(LEFTOVER);
    expect(await refsOf(quay)).toEqual(['article:pics/b.md', 'image:pics/quay.png']);
    // The emptied marks go after the commit, as any takedown's.
    expect(await refsOf(harbourV1)).toBeUndefined();
  });

  it('takedown then works for the old copy: replacing its picture deletes it', async () => {
    await put('pics/quay.png', png(51, 'q2'));
    expect(await copies()).not.toContain(quay);
    expect(invalidations.at(-1)).toEqual([`/${quay}`]);
  });

  it('a republish runs the sweep in its last chunk; a second one finds nothing and writes nothing', async () => {
    await forgetCopyRecords();
    await s3.siteStore.put(LEFTOVER, png(10, 'old'), { contentType: 'image/png', cacheControl: 'public, max-age=31536000, immutable' });
    const d = deps();
    const run = (name: string) => republishSite({ uploads: d.uploads, records: site, siteStore: site, config, core: defaultCore, now: d.now, run: name, chunkSize: 1, submit: async (chunk) => (await publishChunk(d, chunk)).report });
    const first = await run('sweep-1');
    expect(first.failed).toEqual([]);
    expect(await copies()).not.toContain(LEFTOVER);
    for (const path of await copies()) expect((await refsOf(path))?.length, path).toBe(2);
    site.reset();
    await run('sweep-2');
    const counts = site.reset();
    expect({ put: counts.put, delete: counts.delete }).toEqual({ put: 0, delete: 0 });
  });
});
