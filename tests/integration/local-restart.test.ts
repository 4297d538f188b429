// Stopping the local stack with uploads still queued loses nothing: the next start on the same data
// dir finds the uploads (and deletes) the site has not taken in, and publishes them.
import { Logger } from '@aws-lambda-powertools/logger';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import { HEAD_KEY } from '../../functions/core/site-index/paths';
import type { HeadManifest } from '../../functions/core/site-index/types';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const CONTENT = join(import.meta.dirname, '../../content');
let dataDir: string;
const stacks: LocalStack[] = [];

const start = async (drainTimeoutMs?: number) => {
  const stack = await startLocalStack({
    port: 0,
    s3Port: 0,
    dataDir,
    contentDir: CONTENT,
    logger: new Logger({ logLevel: 'SILENT' }),
    ...(drainTimeoutMs !== undefined && { drainTimeoutMs }),
  });
  stacks.push(stack);
  return stack;
};

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-restart-'));
});
afterAll(async () => {
  for (const stack of stacks) await stack.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const ARTICLE = (n: number) => `Title: Restart story ${n}\nDate: 2025-06-0${1 + (n % 9)}T09:00:00Z\n\nThe body of restart story ${n}.\n`;

async function feedIds(stack: LocalStack): Promise<string[]> {
  const feed = await stack.s3.siteStore.get('feed.json');
  return (JSON.parse(Buffer.from(feed?.bytes ?? []).toString('utf8')) as { items: { id: string }[] }).items.map((i) => i.id);
}

describe('restart with queued uploads', () => {
  it('publishes at the next start what a stop left queued, and unpublishes a queued delete', { timeout: 90_000 }, async () => {
    const first = await start(0);
    const gone = 'restart/gone.txt';
    await first.s3.uploads.put(gone, ARTICLE(0));
    await first.queue.drain();
    expect(await feedIds(first)).toContain(articleIdForKey(gone));

    const keys = Array.from({ length: 15 }, (_, i) => `restart/story-${i + 1}.txt`);
    await Promise.all(keys.map((key, i) => first.s3.uploads.put(key, ARTICLE(i + 1))));
    await first.s3.uploads.delete(gone);
    await first.close();
    // The stop gave up at once (timeout 0): uploads were left queued.
    expect(first.queue.size).toBeGreaterThan(0);

    const second = await start();
    expect(second.seeded).toEqual([]);
    const ids = await feedIds(second);
    for (const key of keys) expect(ids, key).toContain(articleIdForKey(key));
    expect(ids).not.toContain(articleIdForKey(gone));
    expect(second.reconciled).toContain(gone);

    // Nothing left over: a third start finds nothing to do.
    await second.close();
    const third = await start();
    expect(third.reconciled).toEqual([]);
  });

  it('close() without a timeout lets the queued uploads publish before stopping', async () => {
    const stack = await start();
    const keys = Array.from({ length: 12 }, (_, i) => `drain/story-${i + 1}.txt`);
    await Promise.all(keys.map((key, i) => stack.s3.uploads.put(key, ARTICLE(i + 1))));
    // Quarantined (not an article): its quarantine record is for this version, so it is not queued again.
    await stack.s3.uploads.put('drain/notes.pdf', '%PDF-1.4');
    await stack.close();
    expect(stack.queue.size).toBe(0);
    const again = await start();
    expect(again.reconciled).toEqual([]);
    // The quarantine is private (the head); the public status.json only counts it.
    const head = await again.s3.siteStore.get(HEAD_KEY);
    expect((JSON.parse(Buffer.from(head?.bytes ?? []).toString('utf8')) as HeadManifest).quarantine.map((q) => q.key)).toContain('drain/notes.pdf');
    const ids = await feedIds(again);
    for (const key of keys) expect(ids, key).toContain(articleIdForKey(key));
  });
});
