// The local stack (`npm start`) as a long-running user meets it, on the real local S3 API: restart
// with more than 1,000 uploads, a storage write error, a quarantined upload deleted while the stack
// was down, one quarantine record per key, a port already in use, and one log line per upload.
import { Logger } from '@aws-lambda-powertools/logger';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mapLimit } from '../../functions/core/concurrency';
import { articleIdForKey } from '../../functions/core/ids';
import { quarantinePath } from '../../functions/core/site-index/paths';
import type { SiteStatus } from '../../functions/core/model';
import { PortInUseError } from '../../functions/local/listen';
import { SITE_BUCKET, startLocalS3 } from '../../functions/local/s3server';
import { startLocalStack, type LocalStack, type StackOptions } from '../../functions/local/stack';
import { stubCore } from '../support/stub-core';
import { createHash } from 'node:crypto';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const CONTENT = join(import.meta.dirname, '../../content');
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'feedpub-hardening-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Log lines as objects: the stack's logger, captured. */
class CapturingLogger extends Logger {
  readonly lines: Array<{ level: string; message: string; [k: string]: unknown }> = [];
  override info(message: string, ...extra: unknown[]): void {
    this.lines.push({ level: 'INFO', message, ...(extra[0] as object) });
  }
  override warn(message: string, ...extra: unknown[]): void {
    this.lines.push({ level: 'WARN', message, ...(extra[0] as object) });
  }
  override error(message: string, ...extra: unknown[]): void {
    this.lines.push({ level: 'ERROR', message, ...(extra[0] as object) });
  }
}

async function start(options: Partial<StackOptions> & { dataDir: string }): Promise<LocalStack> {
  const stack = await startLocalStack({ port: 0, s3Port: 0, contentDir: CONTENT, logger: new Logger({ logLevel: 'SILENT' }), ...options });
  cleanup.push(() => stack.close());
  return stack;
}

async function readJson<T>(stack: LocalStack, key: string): Promise<T | undefined> {
  const found = await stack.s3.siteStore.get(key);
  return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as T) : undefined;
}

const ARTICLE = (n: number) => `Title: Many ${n}\nDate: 2025-03-0${1 + (n % 9)}T09:00:00Z\n\nBody ${n}.\n`;

describe('restart', () => {
  it('starts again on a data folder holding more than 1,000 uploads, and a refused "a/./b.txt" is never published twice', async () => {
    const dir = await dataDir();
    const first = await start({ dataDir: dir, core: stubCore });
    await first.s3.uploads.put('dots/b.txt', ARTICLE(0));
    await expect(first.s3.uploads.put('dots/./b.txt', ARTICLE(0))).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    await first.queue.drain();
    await first.close();

    // Uploaded while the stack was down (no events): the next start must list them all.
    const bare = await startLocalS3({ port: 0, dataDir: join(dir, 's3') });
    const keys = Array.from({ length: 1_050 }, (_, i) => `bulk/${String(i).padStart(4, '0')}.txt`);
    await mapLimit([...keys.entries()], 32, ([i, key]) => bare.uploads.put(key, ARTICLE(i)));
    await bare.close();

    // Before the fix this start failed: listing past 1,000 keys answered 500 (DES on OpenSSL 3).
    // Publishing 1,050 articles is not the point (and slow on a busy machine): the stop leaves them queued.
    const second = await start({ dataDir: dir, core: stubCore, awaitSeed: false, drainTimeoutMs: 0 });
    expect(second.reconciled).toEqual(keys);
    expect(await second.s3.uploads.list('dots/')).toEqual(['dots/b.txt']);
    await second.close();
    // The refused key was never stored, so no second article "dots/b.txt" appears from the listing.
    const third = await start({ dataDir: dir, core: stubCore, awaitSeed: false, drainTimeoutMs: 0 });
    expect(third.reconciled).not.toContain('dots/./b.txt');
    expect(third.reconciled.filter((k) => k.startsWith('dots/'))).toEqual([]);
  }, 120_000);

  it('clears a quarantined upload that was deleted while the stack was down', async () => {
    const dir = await dataDir();
    const first = await start({ dataDir: dir, core: stubCore });
    await first.s3.uploads.put('bad/poison.txt', 'POISON');
    await first.queue.drain();
    expect((await readJson<SiteStatus>(first, 'status.json'))?.quarantined.map((q) => q.key)).toEqual(['bad/poison.txt']);
    expect(await first.s3.siteStore.get(quarantinePath('bad/poison.txt'))).toBeDefined();
    await first.close();

    // Deleted with its event lost (a crash, or the stack stopped).
    const bare = await startLocalS3({ port: 0, dataDir: join(dir, 's3') });
    await bare.uploads.delete('bad/poison.txt');
    await bare.close();

    const second = await start({ dataDir: dir, core: stubCore });
    expect(second.reconciled).toEqual(['bad/poison.txt']);
    expect((await readJson<SiteStatus>(second, 'status.json'))?.quarantined).toEqual([]);
    expect(await second.s3.siteStore.get(quarantinePath('bad/poison.txt'))).toBeUndefined();
  });
});

describe('quarantine records', () => {
  it('two keys that shared one quarantine record path before (a long key, and a key spelling its hash) each keep their own record', async () => {
    const dir = await dataDir();
    const stack = await start({ dataDir: dir, core: stubCore });
    const long = `${Array.from({ length: 5 }, (_, i) => `${i}`.repeat(200)).join('/')}/poison.txt`;
    const hashKey = createHash('sha256').update(long, 'utf8').digest('hex');
    const keys = [long, hashKey, 'p/100%.txt', 'p/100%25.txt', 'p/%2E%2E/x.txt', 'p/%252E%252E/x.txt', 'p/%.txt'];
    for (const key of keys) await stack.s3.uploads.put(key, 'POISON');
    await stack.queue.drain();
    const paths = keys.map(quarantinePath);
    expect(new Set(paths).size).toBe(keys.length);
    for (const [i, key] of keys.entries()) expect((await readJson<{ key: string }>(stack, paths[i] as string))?.key, key).toBe(key);

    // Clearing one (a delete) leaves every other record in place.
    await stack.s3.uploads.delete(hashKey);
    await stack.queue.drain();
    expect(await stack.s3.siteStore.get(quarantinePath(hashKey))).toBeUndefined();
    for (const key of keys.filter((k) => k !== hashKey)) expect((await readJson<{ key: string }>(stack, quarantinePath(key)))?.key, key).toBe(key);
    expect((await readJson<SiteStatus>(stack, 'status.json'))?.quarantined.map((q) => q.key).sort()).toEqual(keys.filter((k) => k !== hashKey).sort());
  });
});

describe('a storage write error', () => {
  it('fails the batch (retried, then dead-lettered, shown on /status/) while S3 and the site keep serving', async () => {
    const dir = await dataDir();
    const stack = await start({ dataDir: dir });
    const site = stack.urls.site;
    expect((await fetch(site)).status).toBe(200);

    // The site bucket's feed.json cannot be replaced: a non-empty folder where its file goes. (A
    // read-only folder does the same for a normal user; root ignores permissions, so this works for both.)
    const feedFile = join(dir, 's3', SITE_BUCKET, 'feed.json._S3rver_object');
    await rm(feedFile, { force: true });
    await mkdir(join(feedFile, 'obstruction'), { recursive: true });
    await stack.s3.uploads.put('broken/story.txt', 'Title: Broken write\nDate: 2025-04-01T10:00:00Z\n\nIt cannot be written.\n');
    await stack.queue.drain();

    expect(stack.queue.deadLetters.map((d) => d.receiveCount)).toEqual([3]);
    expect(stack.failed.list().map((f) => f.key)).toEqual(['broken/story.txt']);
    const statusPage = await (await fetch(`${site}status/`)).text();
    expect(statusPage).toContain('Failed to publish (1)');
    expect(statusPage).toContain('<code>broken/story.txt</code>');
    // Still the generated page around it, still serving everything else.
    expect(statusPage).toContain('<h1>Status</h1>');
    expect((await fetch(site)).status).toBe(200);
    expect((await fetch(`${site}feed.xml`)).status).toBe(200);
    expect(await stack.s3.uploads.list('broken/')).toEqual(['broken/story.txt']);

    // Fixed: the next upload of the key publishes it and clears the notice.
    await rm(feedFile, { recursive: true });
    await stack.s3.uploads.put('broken/story.txt', 'Title: Broken write\nDate: 2025-04-01T10:00:00Z\n\nNow it can.\n');
    await stack.queue.drain();
    expect(stack.failed.list()).toEqual([]);
    const after = await (await fetch(`${site}status/`)).text();
    expect(after).not.toContain('Failed to publish');
    const feed = (await (await fetch(`${site}feed.json`)).json()) as { items: { id: string }[] };
    expect(feed.items.map((i) => i.id)).toContain(articleIdForKey('broken/story.txt'));
  }, 120_000);
});

describe('a port already in use', () => {
  async function occupy(): Promise<{ port: number; server: Server }> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => server.close(() => resolve())));
    return { port: (server.address() as { port: number }).port, server };
  }

  it.each([
    ['s3Port', 'local S3 API'],
    ['port', 'site server'],
  ] as const)('%s taken: a PortInUseError naming the %s, and nothing left running', async (option, service) => {
    const { port } = await occupy();
    const dir = await dataDir();
    const error = await startLocalStack({ port: 0, s3Port: 0, [option]: port, dataDir: dir, contentDir: CONTENT, logger: new Logger({ logLevel: 'SILENT' }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error).toMatchObject({ service, port });
    // The other server was closed again: the same data folder starts cleanly.
    const stack = await start({ dataDir: dir, core: stubCore });
    expect(stack.seeded.length).toBeGreaterThan(0);
  });
});

describe('log lines', () => {
  it('one line per upload outcome: no lines for sidecar keys nobody uploaded', async () => {
    const dir = await dataDir();
    const logger = new CapturingLogger({ logLevel: 'INFO' });
    const stack = await start({ dataDir: dir, logger });
    const uploadLines = () => logger.lines.filter((l) => l.message === 'upload').map((l) => `${l.key as string} ${l.outcome as string}`);
    // The seed: one line per sample file, though its image makes the pipeline look at five spellings of its sidecar article.
    expect(uploadLines().map((l) => l.split(' ')[0]).sort()).toEqual(stack.seeded.map((f) => f.key).sort());

    logger.lines.length = 0;
    const png = await stack.s3.uploads.get('010_harbour.png');
    await stack.s3.uploads.put('lonely/photo.png', png?.bytes ?? new Uint8Array());
    await stack.queue.drain();
    await stack.s3.uploads.put('lonely/photo.png', png?.bytes ?? new Uint8Array());
    await stack.queue.drain();
    await stack.s3.uploads.delete('lonely/photo.png');
    await stack.queue.drain();
    expect(uploadLines()).toEqual(['lonely/photo.png published', 'lonely/photo.png unchanged', 'lonely/photo.png deleted']);
  });
});
