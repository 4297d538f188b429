// The kill-after-every-write sweep again, with the site bucket on the real local S3 API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAndPublish } from '../support/stages';
import type { ObjectStore } from '../../functions/store/types';
import { KillAfterWrites } from '../support/faulty-store';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { BATCH, T1, seeded, site } from '../support/crash-scenario';
import { stubCore } from '../support/stub-core';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3.close());

async function clearSite(): Promise<void> {
  await Promise.all((await s3.siteStore.list('')).map((key) => s3.siteStore.delete(key)));
}

async function siteSnapshot(): Promise<Record<string, string>> {
  const keys = await s3.siteStore.list('');
  const bodies = await Promise.all(keys.map((key) => s3.siteStore.get(key)));
  return Object.fromEntries(keys.map((key, i) => [key, `${bodies[i]?.contentType} ${Buffer.from(bodies[i]?.bytes ?? []).toString('utf8')}`]));
}

describe('crash between any two writes, on s3rver', () => {
  it('converges after a re-run for every kill point', async () => {
    const run = async (wrap: (s: ObjectStore) => ObjectStore) => {
      await clearSite();
      const { uploads } = await seeded(s3.siteStore);
      const site$ = wrap(s3.siteStore);
      return { uploads, site$ };
    };
    const clean = await run((s) => new KillAfterWrites(s, Number.POSITIVE_INFINITY));
    await ingestAndPublish({ uploads: clean.uploads, siteStore: clean.site$, config: site, core: stubCore, now: () => T1 }, BATCH);
    const writes = (clean.site$ as KillAfterWrites).writes;
    const expected = await siteSnapshot();
    expect(Object.keys(expected)).toContain('_feedpub/head.json');

    for (let k = 0; k < writes; k += 1) {
      const crashed = await run((s) => new KillAfterWrites(s, k));
      await expect(
        ingestAndPublish({ uploads: crashed.uploads, siteStore: crashed.site$, config: site, core: stubCore, now: () => T1 }, BATCH),
      ).rejects.toThrow('killed');
      await ingestAndPublish({ uploads: crashed.uploads, siteStore: s3.siteStore, config: site, core: stubCore, now: () => T1 }, BATCH);
      expect(await siteSnapshot(), `killed after write ${k}`).toEqual(expected);
    }
    // One full run of both stages per kill point against a real S3 API: about a minute on a busy
    // 2-core machine (load average 20: over two), so the bound is generous.
  }, 300_000);
});
