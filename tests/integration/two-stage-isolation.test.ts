// Issue 10's end-to-end check on the local stack (real s3rver, real router, both stages, real core
// on worker threads): pathological uploads sent together with ordinary ones. The ordinary ones
// publish while the slow one is still being parsed, each pathological one is quarantined with its
// reason (none dead-lettered), and the dev server keeps answering throughout.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteStatus } from '../../functions/core/model';
import { readHead } from '../../functions/cli/upload-outcomes';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';
import { SPIN_MARKER } from '../support/spin-ingest';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const CONTENT = join(import.meta.dirname, '../../content');
const SPIN_MODULE = new URL('../support/spin-ingest.ts', import.meta.url).href;
// Long enough that the ordinary uploads publish well inside it even on a loaded machine.
const DEADLINE_MS = 15_000;
const MAX_IMAGE_BYTES = 50_000;

let dataDir: string;
let contentDir: string;
let stack: LocalStack;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-isolation-'));
  contentDir = await mkdtemp(join(tmpdir(), 'feedpub-isolation-content-'));
  const site = JSON.parse(await readFile(join(CONTENT, 'site.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(contentDir, 'site.json'), JSON.stringify({ ...site, maxImageBytes: MAX_IMAGE_BYTES }));
  await copyFile(join(CONTENT, '030_rail-strike.txt'), join(contentDir, '030_rail-strike.txt'));
  stack = await startLocalStack({
    port: 0,
    s3Port: 0,
    dataDir,
    contentDir,
    logger: new Logger({ logLevel: 'SILENT' }),
    parsePool: { size: 3, deadlineMs: DEADLINE_MS, module: SPIN_MODULE },
  });
});
afterAll(async () => {
  await stack?.close();
  for (const dir of [dataDir, contentDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

const ordinary = (n: number) => `Ordinary story ${n}\nDate: 2026-02-0${n}T09:00:00Z\n\nA plain paragraph about item ${n}, nothing unusual in it.\n`;

// A PNG signature and IHDR, padded past the image limit: rejected from its size before any read.
function bigPng(bytes: number): Uint8Array {
  const png = new Uint8Array(bytes);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 10, 0, 0, 0, 10, 8, 6, 0, 0, 0]);
  return png;
}

describe('a pathological upload never stops the site', () => {
  it('publishes the ordinary uploads, quarantines each bad one with its reason, and the site answers meanwhile', async () => {
    const client = new S3Client({ endpoint: stack.urls.s3, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
    const put = (key: string, body: string | Uint8Array) => client.send(new PutObjectCommand({ Bucket: stack.s3.uploadsBucket, Key: key, Body: body }));
    const bad: Record<string, string> = {
      'bad/spin.txt': `Endless\n\n${SPIN_MARKER}\n`,
      // 3 KB of nested quotes: marked overflows its stack on this (or a depth cap rejects it).
      'bad/nested.md': `---\ntitle: Deep\n---\n\n${'>'.repeat(3000)} x\n`,
      'bad/huge.txt': `Huge\n\n${'word '.repeat(450_000)}`,
    };
    // Polled while the publisher rewrites them: a read that races a write is simply read again later.
    const json = async <T>(path: string): Promise<T | undefined> => {
      const res = await fetch(`${stack.devServer.url}/${path}`);
      const text = await res.text();
      try {
        return res.status === 200 ? (JSON.parse(text) as T) : undefined;
      } catch {
        return undefined;
      }
    };
    // Quarantine reasons are private (head.json in the site bucket); the public status.json has counts.
    const status = async () => {
      const head = await readHead(stack.s3.siteStore);
      return head && { quarantined: head.quarantine };
    };
    const feedTitles = async () => ((await json<{ items: { title: string }[] }>('feed.json'))?.items ?? []).map((i) => i.title);

    await Promise.all([
      ...Object.entries(bad).map(([k, v]) => put(k, v)),
      put('bad/big.png', bigPng(MAX_IMAGE_BYTES + 1)),
      ...[1, 2, 3, 4, 5].map((n) => put(`ok/${n}.txt`, ordinary(n))),
    ]);

    // While the slow parse runs (until its deadline), the dev server answers and the others publish.
    const answers: number[] = [];
    let ordinaryDoneWhileSpinPending = false;
    for (;;) {
      const started = performance.now();
      const home = await fetch(`${stack.devServer.url}/`);
      await home.text();
      expect(home.status).toBe(200);
      answers.push(performance.now() - started);
      const current = await status();
      const spinDone = current?.quarantined.some((q) => q.key === 'bad/spin.txt') ?? false;
      const titles = await feedTitles();
      if (!spinDone && [1, 2, 3, 4, 5].every((n) => titles.includes(`Ordinary story ${n}`))) ordinaryDoneWhileSpinPending = true;
      if (spinDone) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await stack.queue.drain();

    expect(ordinaryDoneWhileSpinPending).toBe(true);
    // Generous bound: a parse on the server's thread would hold a request for the whole deadline.
    expect(answers.length).toBeGreaterThan(5);
    expect(Math.max(...answers)).toBeLessThan(DEADLINE_MS / 2);

    const final = { ...((await json<{ articles: number }>('status.json')) as { articles: number }), ...(await status()) } as { articles: number; quarantined: SiteStatus['quarantined'] };
    expect((await json<{ quarantined: number }>('status.json'))?.quarantined).toBe(4);
    const verdicts = Object.fromEntries(final.quarantined.map((q) => [q.key, [q.code, q.reason]]));
    expect(verdicts['bad/spin.txt']).toEqual(['parse-timeout', 'parsing did not finish within 15.0 s']);
    expect(verdicts['bad/huge.txt']?.[0]).toBe('too-large');
    expect(verdicts['bad/big.png']?.[0]).toBe('too-large');
    expect(verdicts['bad/big.png']?.[1]).toContain('50');
    // Whichever decides it (a thrown stack overflow today, a depth cap later), it is a verdict with a reason.
    expect(['parse-failed', 'too-complex']).toContain(verdicts['bad/nested.md']?.[0]);
    expect(verdicts['bad/nested.md']?.[1]).toBeTruthy();
    expect(stack.queue.deadLetters).toEqual([]);
    expect(final.articles).toBe(6);
    const titles = await feedTitles();
    for (const n of [1, 2, 3, 4, 5]) expect(titles).toContain(`Ordinary story ${n}`);
  }, 120_000);
});
