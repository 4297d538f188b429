// Taking an article or a picture down, on the local stack as `npm start` runs it (real s3rver, both
// stages, the dev server, the local CDN invalidation log) with an injected publish clock. Every check
// reads what a reader or the CDN would: HTTP from the dev server, the site bucket, the invalidation log.
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { parseFeed } from '@rowanmanning/feed-parser';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRecordKey, type CopyRecord } from '../../functions/core/site-index/copies';
import { articleIdForKey } from '../../functions/core/ids';
import { monthManifestKey } from '../../functions/core/site-index/paths';
import type { MonthManifest } from '../../functions/core/site-index/types';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';
import { readTombstones } from '../support/tombstones';
import { png as pngOf } from '../support/images';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let dataDir: string;
let stack: LocalStack;
let client: S3Client;
let clock = '2026-03-10T09:00:00Z';

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-takedown-'));
  // Only site.json: no sample uploads, so every item in the feeds is this test's.
  const contentDir = join(dataDir, 'content');
  await mkdir(contentDir);
  await writeFile(join(contentDir, 'site.json'), JSON.stringify({ title: 'Takedown test', baseUrl: 'http://localhost:8787', defaultAuthor: 'Staff' }));
  stack = await startLocalStack({ port: 0, s3Port: 0, dataDir: join(dataDir, 'data'), contentDir, logger: new Logger({ logLevel: 'SILENT' }), now: () => new Date(clock) });
  client = new S3Client({
    endpoint: stack.urls.s3,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  });
}, 120_000);
afterAll(async () => {
  client?.destroy();
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const put = (key: string, body: string | Uint8Array) => client.send(new PutObjectCommand({ Bucket: stack.s3.uploadsBucket, Key: key, Body: body }));
const remove = (key: string) => client.send(new DeleteObjectCommand({ Bucket: stack.s3.uploadsBucket, Key: key }));

async function http(path: string): Promise<{ status: number; text: string; cacheControl: string | null }> {
  for (;;) {
    const res = await fetch(`${stack.devServer.url}/${path}`);
    // 503: the local S3 server was rewriting the file; read again.
    if (res.status !== 503) return { status: res.status, text: await res.text(), cacheControl: res.headers.get('cache-control') };
    await new Promise((r) => setTimeout(r, 50));
  }
}
const text = async (path: string) => (await http(path)).text;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // Both stages idle: nothing else of this step is still on its way.
  await stack.queue.drain();
}

const story = (title: string, date: string, image?: string) =>
  `---\ntitle: ${title}\ndate: ${date}\n${image ? `image: ${image}\ncaption: ${title} picture\ncredit: AP Photo/Jane Doe\n` : ''}---\n\nThe body of ${title}.\n`;
const rssIds = async (path = 'feed.xml') => parseFeed(await text(path)).items.map((i) => i.id);

/** A distinct image (and copy path) per salt. */
const png = (width: number, salt: string): Uint8Array => pngOf(width, width, salt);

interface JsonFeed {
  items: { id: string; image?: string }[];
  _feedpub?: { deleted: { id: string; url: string; date_deleted: string }[] };
}
const jsonFeed = async (path = 'feed.json') => JSON.parse(await text(path)) as JsonFeed;
/** Site path of the copy an article shows (from feed.json's image URL). */
const copyOf = async (key: string) => {
  const item = (await jsonFeed()).items.find((i) => i.id === articleIdForKey(key));
  return item?.image === undefined ? undefined : new URL(item.image).pathname.slice(1);
};
const invalidatedPaths = () => stack.cdn.invalidations.flatMap((i) => i.paths);
const copyRefs = async (path: string) => {
  const found = await stack.s3.siteStore.get(copyRecordKey(path));
  return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as CopyRecord).refs : undefined;
};

describe('taking an article down', () => {
  const gone = 'desk/feb-gone.md';
  const goneId = articleIdForKey(gone);

  it('leaves an RFC 6721 deletion record in its archive month and in the head feeds; readers see the rest', async () => {
    await put(gone, story('February story to delete', '2026-02-10'));
    await put('desk/feb-stays.md', story('February story that stays', '2026-02-12'));
    await put('desk/mar.md', story('March story', '2026-03-05'));
    await waitFor(async () => (await rssIds()).length === 3, 'three articles');

    clock = '2026-03-11T10:00:00Z';
    await remove(gone);
    await waitFor(async () => !(await rssIds()).includes(goneId), 'the deletion');

    const expected = [{ ref: goneId, when: '2026-03-11T10:00:00Z' }];
    for (const path of ['atom.xml', 'feed.xml', 'archive/2026-02/atom.xml', 'archive/2026-02/feed.xml']) {
      const found = readTombstones(await text(path));
      expect(found.map(({ ref, when }) => ({ ref, when })), path).toEqual(expected);
      expect(found[0]?.parent, path).toBe(path.endsWith('atom.xml') ? 'atom:feed' : 'channel');
    }
    // Only the month it lived in.
    expect(readTombstones(await text('archive/2026-03/atom.xml'))).toEqual([]);
    for (const path of ['feed.json', 'archive/2026-02/feed.json']) {
      expect((await jsonFeed(path))._feedpub?.deleted, path).toEqual([{ id: goneId, url: `${stack.devServer.url}/articles/february-story-to-delete/`, date_deleted: '2026-03-11T10:00:00Z' }]);
    }
    // The index keeps the site path; the feed resolves it under the base URL (a domain move rewrites nothing).
    const month = JSON.parse(Buffer.from((await stack.s3.siteStore.get(monthManifestKey('2026-02')))?.bytes ?? new Uint8Array()).toString('utf8')) as MonthManifest;
    expect(month.deleted?.map((r) => r.url)).toEqual(['articles/february-story-to-delete/']);
    // An ordinary reader: the live items only, the archive month without it.
    expect((await rssIds('archive/2026-02/atom.xml')).sort()).toEqual([articleIdForKey('desk/feb-stays.md')]);
    expect((await http('articles/february-story-to-delete/')).status).toBe(404);
  });

  it(`leaves the head after 30 days (at the next publish), stays in its month; a re-upload clears both`, async () => {
    clock = '2026-04-10T10:00:01Z';
    await put('desk/apr.md', story('April story', '2026-04-09'));
    await waitFor(async () => (await rssIds()).includes(articleIdForKey('desk/apr.md')), 'the April story');
    expect(readTombstones(await text('atom.xml'))).toEqual([]);
    expect(await text('feed.xml')).not.toContain('tombstones');
    expect((await jsonFeed())._feedpub).toBeUndefined();
    expect(readTombstones(await text('archive/2026-02/atom.xml')).map((t) => t.ref)).toEqual([goneId]);

    await put(gone, story('February story to delete', '2026-02-10'));
    await waitFor(async () => (await rssIds('archive/2026-02/feed.xml')).includes(goneId), 'the re-upload');
    expect(readTombstones(await text('archive/2026-02/atom.xml'))).toEqual([]);
    expect((await jsonFeed('archive/2026-02/feed.json'))._feedpub).toBeUndefined();
  });
});

describe('taking a picture down', () => {
  it('a replaced image: the old copy is deleted once nothing shows it, and its CDN invalidation recorded', async () => {
    clock = '2026-04-11T09:00:00Z';
    await put('pics/harbour.png', png(40, 'v1'));
    await put('pics/a.md', story('Harbour A', '2026-04-01', 'harbour.png'));
    await put('pics/b.md', story('Harbour B', '2026-04-02', 'harbour.png'));
    await waitFor(async () => (await copyOf('pics/a.md')) !== undefined && (await copyOf('pics/b.md')) !== undefined, 'both articles with the image');
    const v1 = (await copyOf('pics/a.md')) as string;
    expect(await copyOf('pics/b.md')).toBe(v1);
    expect((await http(v1)).cacheControl).toBe('public, max-age=31536000, immutable');
    const before = invalidatedPaths().length;

    await put('pics/harbour.png', png(41, 'v2'));
    await waitFor(async () => (await copyOf('pics/a.md')) !== v1 && (await copyOf('pics/b.md')) !== v1, 'both articles on the new copy');
    const v2 = (await copyOf('pics/a.md')) as string;
    expect(v2).not.toBe(v1);
    expect((await http(v1)).status).toBe(404);
    expect(await stack.s3.siteStore.get(v1)).toBeUndefined();
    expect((await http(v2)).status).toBe(200);
    expect(invalidatedPaths().slice(before)).toEqual([`/${v1}`]);
    // The log a user of `npm start` can read.
    const logged = (await readFile(stack.cdn.file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { paths: string[] });
    expect(logged.at(-1)?.paths).toEqual([`/${v1}`]);
  });

  it('an image two articles show survives deleting one; deleting the image upload then takes it down', async () => {
    const v2 = (await copyOf('pics/b.md')) as string;
    const before = invalidatedPaths().length;
    await remove('pics/a.md');
    await waitFor(async () => !(await rssIds()).includes(articleIdForKey('pics/a.md')), 'article A gone');
    expect((await http(v2)).status).toBe(200);
    expect(await copyRefs(v2)).toEqual(['article:pics/b.md', 'image:pics/harbour.png']);
    expect(invalidatedPaths().slice(before)).toEqual([]);

    await remove('pics/harbour.png');
    await waitFor(async () => (await copyOf('pics/b.md')) === undefined, 'article B without the image');
    expect((await http(v2)).status).toBe(404);
    expect(await copyRefs(v2)).toBeUndefined();
    expect(invalidatedPaths().slice(before)).toEqual([`/${v2}`]);
  });

  it('two image uploads with the same bytes share one copy: it stays while either is shown', async () => {
    const bytes = png(50, 'shared');
    await put('twins/one.png', bytes);
    await put('twins/two.png', bytes);
    await put('twins/c.md', story('Twin C', '2026-04-03', 'one.png'));
    await put('twins/d.md', story('Twin D', '2026-04-04', 'two.png'));
    await waitFor(async () => (await copyOf('twins/c.md')) !== undefined && (await copyOf('twins/d.md')) !== undefined, 'both twins');
    const copy = (await copyOf('twins/c.md')) as string;
    expect(await copyOf('twins/d.md')).toBe(copy);
    await remove('twins/one.png');
    await remove('twins/c.md');
    await waitFor(async () => !(await rssIds()).includes(articleIdForKey('twins/c.md')), 'twin C gone');
    expect((await http(copy)).status).toBe(200);
    expect(await copyRefs(copy)).toEqual(['article:twins/d.md', 'image:twins/two.png']);
  });
});

describe('a takedown racing an upload of the same bytes', () => {
  // The old version of r.png is taken down while s.png, uploaded at the same moment with exactly those
  // bytes, starts showing it. However the uploads fall into batches, the copy must end up served.
  for (const [round, gapMs] of [0, 5, 20, 60, 150].entries()) {
    it(`round ${round}: replace and same-bytes upload ${gapMs} ms apart`, async () => {
      const old = png(60 + round, `race-${round}-old`);
      const dir = `race${round}`;
      await put(`${dir}/r.png`, old);
      await put(`${dir}/r.md`, story(`Race ${round} R`, '2026-04-05', 'r.png'));
      await waitFor(async () => (await copyOf(`${dir}/r.md`)) !== undefined, 'r with its image');
      const shared = (await copyOf(`${dir}/r.md`)) as string;

      const racing = [put(`${dir}/r.png`, png(60 + round, `race-${round}-new`))];
      await new Promise((r) => setTimeout(r, gapMs));
      racing.push(put(`${dir}/s.png`, old), put(`${dir}/s.md`, story(`Race ${round} S`, '2026-04-06', 's.png')));
      await Promise.all(racing);
      await waitFor(async () => {
        const [r, s] = [await copyOf(`${dir}/r.md`), await copyOf(`${dir}/s.md`)];
        return r !== undefined && r !== shared && s === shared;
      }, 'r on its new copy and s on the shared one');
      expect((await http(shared)).status).toBe(200);
      expect(await copyRefs(shared)).toEqual([`article:${dir}/s.md`, `image:${dir}/s.png`]);
      const status = JSON.parse(await text('status.json')) as { takedownsPending?: string[] };
      expect(status.takedownsPending).toBeUndefined();
    });
  }
});
