// Scheduled publishing on the local stack (real s3rver, both stages, dev server): a future-dated
// upload is held out of the feeds, home page and status page, then published by the stack's timer at
// its time. The skew is cut to zero so "the future" is a few seconds away (no waiting minutes);
// dates derive from the clock, so this passes under faketime.
import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { parseFeed } from '@rowanmanning/feed-parser';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_KEY } from '../../functions/core/site-index/paths';
import type { HeadManifest } from '../../functions/core/site-index/types';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const CONTENT = join(import.meta.dirname, '../../content');
let dataDir: string;
let stack: LocalStack;
let client: S3Client;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-schedule-'));
  stack = await startLocalStack({ port: 0, s3Port: 0, dataDir, contentDir: CONTENT, logger: new Logger({ logLevel: 'SILENT' }), scheduleSkewMs: 0 });
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

const inSeconds = (s: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const put = (key: string, title: string, date: string) =>
  client.send(new PutObjectCommand({ Bucket: stack.s3.uploadsBucket, Key: key, Body: `${title}\nDate: ${date}\n\nThe body of ${title}.`, ContentType: 'text/plain; charset=utf-8' }));

async function http(path: string): Promise<string> {
  for (;;) {
    const res = await fetch(`${stack.devServer.url}/${path}`);
    if (res.status !== 503) return res.text();
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function held(): Promise<HeadManifest['scheduled']> {
  const found = await stack.s3.siteStore.get(HEAD_KEY);
  return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as HeadManifest).scheduled : undefined;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A read that lands while the local S3 server rewrites a file may fail: that is "not yet".
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The stored public status page: under npm start, /status/ adds the private editor's view for this machine.
const storedStatusPage = async () => Buffer.from((await stack.s3.siteStore.get('status/index.html'))?.bytes ?? []).toString('utf8');
const publicPages = async () => [...(await Promise.all(['feed.xml', 'atom.xml', 'feed.json', '', 'status.json'].map((p) => http(p)))), await storedStatusPage()];
const rssTitles = async () => parseFeed(await http('feed.xml')).items.map((i) => i.title);

describe('scheduled publishing on the local stack', () => {
  it('a future-dated upload is absent from feeds, home and status until its time, then appears', async () => {
    const key = 'embargo/quarterly-results.txt';
    const title = 'Quarterly results beat forecasts';
    await put(key, title, inSeconds(5));
    await waitFor(async () => (await held())?.some((e) => e.key === key) ?? false, 20_000, 'the hold');
    for (const page of await publicPages()) {
      expect(page).not.toContain(title);
      expect(page).not.toContain('quarterly-results');
    }
    expect(stack.scheduler.pending).toContain(key);
    await waitFor(async () => (await rssTitles()).includes(title), 30_000, 'the scheduled publish');
    expect(await http('')).toContain(title);
    expect(JSON.parse(await http('feed.json')).items.map((i: { title: string }) => i.title)).toContain(title);
    expect((await held())?.some((e) => e.key === key) ?? false).toBe(false);
    await waitFor(async () => !stack.scheduler.pending.includes(key), 10_000, 'the spent timer');
  }, 60_000);

  it('a delete before its time removes the hold; a re-date to the past publishes at once', async () => {
    const pulled = 'embargo/pulled.txt';
    const moved = 'embargo/moved.txt';
    await put(pulled, 'Story pulled before its time', inSeconds(4));
    await put(moved, 'Story moved to now', inSeconds(3600));
    await waitFor(async () => ((await held()) ?? []).filter((e) => e.key === pulled || e.key === moved).length === 2, 20_000, 'both holds');
    await client.send(new DeleteObjectCommand({ Bucket: stack.s3.uploadsBucket, Key: pulled }));
    await put(moved, 'Story moved to now', inSeconds(-60));
    await waitFor(async () => (await rssTitles()).includes('Story moved to now'), 20_000, 'the re-dated story');
    await waitFor(async () => !((await held()) ?? []).some((e) => e.key === pulled), 20_000, 'the delete');
    // Schedules are cancelled just after the commit that made the feed change.
    await waitFor(async () => !stack.scheduler.pending.some((k) => k === pulled || k === moved), 10_000, 'the cancelled timers');
    // Past the pulled story's old time: nothing brings it back.
    await new Promise((r) => setTimeout(r, 5000));
    await stack.queue.drain();
    for (const page of await publicPages()) expect(page).not.toContain('Story pulled');
  }, 60_000);
});
