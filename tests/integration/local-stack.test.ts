// `npm start` as a user meets it: the local stack (real s3rver, router, FIFO queue, real core, dev
// server) on random ports and a temp data dir. Every check goes through HTTP or the S3 API.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parseFeed } from '@rowanmanning/feed-parser';
import { Logger } from '@aws-lambda-powertools/logger';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import type { SiteStatus } from '../../functions/core/model';
import { readHead } from '../../functions/cli/upload-outcomes';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const CONTENT = join(import.meta.dirname, '../../content');
const SEED_KEY = '000_47caeb000f8095de.txt';
const SEED_TITLE = 'US pushes for cease-fire as Israel escalates fight against Hezbollah';
const SEED_CREDIT = 'Maher Abou Taleb/Reuters';

let dataDir: string;
let stack: LocalStack;

const start = (port = 0, s3Port = 0) =>
  startLocalStack({ port, s3Port, dataDir, contentDir: CONTENT, logger: new Logger({ logLevel: 'SILENT' }) });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-stack-'));
  stack = await start();
});
afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function http(path: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${stack.devServer.url}/${path.replace(/^\//, '')}`);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

interface JsonFeed {
  items: { id: string; url: string; title: string; content_html: string; date_published: string; date_modified: string; _feedpub: { images: { credit?: { display: string } }[] } }[];
}
// A 503 (the local S3 server rewriting the file) is "not yet"; a 200 must always be whole, valid JSON.
const jsonFeed = async (path = 'feed.json'): Promise<JsonFeed> => {
  for (;;) {
    const res = await http(path);
    if (res.status !== 503) return JSON.parse(res.text) as JsonFeed;
    await new Promise((r) => setTimeout(r, 50));
  }
};
const xmlFeed = async (path: string) => parseFeed((await http(path)).text);

/** Polls until check() holds; fails after timeoutMs. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

// Header lines, so the article's own date files it: expectations follow ARTICLE_DATE, never the calendar.
const ARTICLE_DATE = '2025-06-02T09:00:00Z';
const ARTICLE = (title: string, body: string) => `Title: ${title}\nDate: ${ARTICLE_DATE}\n\n${body}\n`;

describe('first start', () => {
  it('uploads content/ and publishes the seed into all three feeds with its credit', async () => {
    expect(stack.seeded.map((f) => f.key)).toContain(SEED_KEY);
    expect(stack.seeded.map((f) => f.key)).not.toContain('site.json');
    const id = articleIdForKey(SEED_KEY);
    for (const path of ['feed.xml', 'atom.xml']) {
      const item = (await xmlFeed(path)).items.find((i) => i.title === SEED_TITLE);
      expect(item, path).toBeDefined();
      expect(item?.content, path).toContain(SEED_CREDIT);
    }
    const json = (await jsonFeed()).items.find((i) => i.id === id);
    expect(json?.title).toBe(SEED_TITLE);
    // The scrape names no date; content/dates.json gives it, sent as the upload's x-amz-meta-date.
    expect(json?.date_published).toBe('2024-10-31T00:00:00Z');
    expect(json?.content_html).toContain(SEED_CREDIT);
    expect(json?._feedpub.images.map((i) => i.credit?.display)).toContain(SEED_CREDIT);
  });

  it('serves the home page, the article page and the status page', async () => {
    const home = await http('/');
    expect(home.type).toBe('text/html; charset=utf-8');
    expect(home.text).toContain(SEED_TITLE);
    const url = new URL((await jsonFeed()).items.find((i) => i.title === SEED_TITLE)?.url ?? '');
    expect(url.origin).toBe(stack.devServer.url);
    const page = await http(url.pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain(SEED_CREDIT);
    const status = JSON.parse((await http('status.json')).text) as SiteStatus;
    expect(status.articles).toBeGreaterThanOrEqual(1);
    expect((await http(stack.urls.status.replace(stack.devServer.url, ''))).status).toBe(200);
  });
});

describe('uploads through the S3 API', () => {
  const key = 'desk/harbour night shift.txt';
  const id = articleIdForKey(key);

  // The under-a-second figure is measured by bench/publish.bench.ts; a timed assertion here would
  // only measure how busy the test machine is.
  it('a new article PUT with any credentials appears in all three feeds', async () => {
    // As `aws s3 cp` would send it with whatever profile the developer has.
    const client = new S3Client({
      endpoint: stack.urls.s3,
      forcePathStyle: true,
      region: 'eu-west-3',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    });
    await client.send(
      new PutObjectCommand({
        Bucket: stack.s3.uploadsBucket,
        Key: key,
        Body: ARTICLE('Night shift keeps the cranes moving', 'Crews worked through the night at the port.'),
        ContentType: 'text/plain; charset=utf-8',
      }),
    );
    client.destroy();
    await waitFor(
      async () => (await xmlFeed('feed.xml')).items.some((i) => i.title === 'Night shift keeps the cranes moving'),
      10_000,
      'the upload in feed.xml',
    );
    expect((await jsonFeed()).items.map((i) => i.id)).toContain(id);
    expect((await xmlFeed('atom.xml')).items.map((i) => i.title)).toContain('Night shift keeps the cranes moving');
  });

  it('an edit keeps the id, permalink and published date; updated moves', async () => {
    const before = (await jsonFeed()).items.find((i) => i.id === id);
    expect(before).toBeDefined();
    await new Promise((r) => setTimeout(r, 1100)); // updated has second precision
    await stack.s3.uploads.put(key, ARTICLE('Night shift keeps the cranes moving until dawn', 'Crews worked through the night.'));
    await waitFor(async () => (await jsonFeed()).items.some((i) => i.id === id && i.title.endsWith('until dawn')), 10_000, 'the edit');
    const items = (await jsonFeed()).items.filter((i) => i.id === id);
    expect(items).toHaveLength(1);
    const after = items[0];
    expect(after?.url).toBe(before?.url);
    expect(after?.date_published).toBe(before?.date_published);
    expect(Date.parse(after?.date_modified ?? '')).toBeGreaterThan(Date.parse(before?.date_modified ?? ''));
  });

  it('a delete takes the article out of the feeds, its archive and its page (404)', async () => {
    const url = new URL((await jsonFeed()).items.find((i) => i.id === id)?.url ?? '');
    const archive = `archive/${ARTICLE_DATE.slice(0, 7)}/feed.json`;
    expect((await jsonFeed(archive)).items.map((i) => i.id)).toContain(id);
    await stack.s3.uploads.delete(key);
    // The publisher commits the feeds before it deletes the page (a feed never links to a missing page), so
    // the delete is complete once the page is gone too.
    await waitFor(async () => !(await jsonFeed()).items.some((i) => i.id === id) && (await http(url.pathname)).status === 404, 10_000, 'the delete');
    expect((await xmlFeed('feed.xml')).items.map((i) => i.title)).not.toContain('Night shift keeps the cranes moving until dawn');
    expect((await xmlFeed('atom.xml')).items.map((i) => i.title)).not.toContain('Night shift keeps the cranes moving until dawn');
    const archiveAfter = await http(archive);
    if (archiveAfter.status === 200) expect((JSON.parse(archiveAfter.text) as JsonFeed).items.map((i) => i.id)).not.toContain(id);
    else expect(archiveAfter.status).toBe(404);
    expect((await http(url.pathname)).status).toBe(404);
  });

  it('/status/ on this machine shows the editor what happened to each upload: outcome, warnings, repairs', async () => {
    // The seed's known repairs (content/, checked by hand) and a dated-1924 upload's warning.
    await stack.s3.uploads.put('desk/old <b>.txt', 'Archive <piece>\nDate: 1924-05-01T00:00:00Z\n\nFrom the archive.\n');
    let page = '';
    await waitFor(async () => {
      const res = await http('status/');
      page = res.text;
      return res.status === 200 && page.includes('desk/old &lt;b&gt;.txt');
    }, 20_000, 'the note on /status/');
    const section = page.slice(page.indexOf('<section class="editor-status">'), page.indexOf('</section>', page.indexOf('<section class="editor-status">')));
    expect(section).toContain('<h2>Your uploads (this local server only)</h2>');
    expect(section).toContain('<strong>published</strong> <code>desk/old &lt;b&gt;.txt</code> “Archive &lt;piece&gt;”');
    expect(section).toContain('<li>warning: the date 1924-05-01 is before 1990: is the year right?</li>');
    expect(section).toContain('<code>Netanyahureportedly</code> → <code>Netanyahu reportedly</code>');
    expect(section).not.toContain('<b>');
    // The stored page (what the public site serves) has none of it.
    const stored = Buffer.from((await stack.s3.siteStore.get('status/index.html'))?.bytes ?? []).toString('utf8');
    expect(stored).toContain('<dt>Quarantined uploads</dt>');
    expect(stored).not.toContain('editor-status');
    expect(stored).not.toContain('old &lt;b&gt;');
  });

  it('a file that cannot be published is counted on the public status page; its key and reason stay private', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const publicStatus = async () => {
      for (;;) {
        const res = await http('status.json');
        if (res.status !== 503) return JSON.parse(res.text) as { quarantined: number };
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const before = (await publicStatus()).quarantined;
    await stack.s3.uploads.put('desk/broken & bad.txt', png);
    // readHead reads again when it meets the local S3 server rewriting the file.
    const privateRecord = async () => (await readHead(stack.s3.siteStore))?.quarantine.find((q) => q.key === 'desk/broken & bad.txt');
    await waitFor(async () => (await privateRecord()) !== undefined, 10_000, 'the quarantine record');
    const record = await privateRecord();
    expect(record?.code).toBe('binary');
    expect(record?.reason).toMatch(/PNG/);
    expect(record?.size).toBe(png.byteLength);
    await waitFor(async () => (await publicStatus()).quarantined === before + 1, 10_000, 'the public count');
    await waitFor(async () => Buffer.from((await stack.s3.siteStore.get('status/index.html'))?.bytes ?? []).toString('utf8').includes(`<dd>${before + 1}</dd>`), 10_000, 'the stored page');
    const page = Buffer.from((await stack.s3.siteStore.get('status/index.html'))?.bytes ?? []).toString('utf8');
    expect(page).toContain(`<dt>Quarantined uploads</dt><dd>${before + 1}</dd>`);
    expect(page).not.toContain('broken');
    // Served to this machine, /status/ adds the editor's view: the key and its reason.
    const local = (await http('status/')).text;
    expect(local).toContain(`<dt>Quarantined uploads</dt><dd>${before + 1}</dd>`);
    expect(local).toMatch(/<li><code>desk\/broken &amp; bad\.txt<\/code> binary: [^<]*PNG/);
    expect((await http('status.json')).text).not.toContain('broken');
    expect((await http('errors/desk/broken & bad.txt.json')).status).toBe(404);
    expect((await http('_feedpub/quarantine/desk/broken & bad.txt.json')).status).toBe(404);
  });
});

describe('restart', () => {
  it('keeps the site and does not upload content/ again', async () => {
    const before = await jsonFeed();
    const { port } = stack.devServer;
    const s3Port = stack.s3.port;
    await stack.close();
    stack = await start(port, s3Port);
    expect(stack.seeded).toEqual([]);
    expect(await stack.s3.uploads.list('')).not.toContain('site.json');
    expect((await jsonFeed()).items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));
    // The pipeline runs again after a restart.
    await stack.s3.uploads.put('after-restart.txt', ARTICLE('Published after a restart', 'Still here.'));
    await waitFor(async () => (await jsonFeed()).items.some((i) => i.title === 'Published after a restart'), 10_000, 'a post-restart upload');
  });
});
