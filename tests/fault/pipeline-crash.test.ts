// Kill the publisher after the k-th write, for every k, then re-run: the site must end up byte
// for byte as after a clean run. This is the crash-safety argument of the write order, tested.
import { describe, expect, it } from 'vitest';
import type { PublishDeps } from '../../functions/pipeline/publish';
import { ingestAndPublish } from '../support/stages';
import { KillAfterWrites } from '../support/faulty-store';
import { BATCH, T1, clone, seeded, site, snapshot } from '../support/crash-scenario';
import { stubCore } from '../support/stub-core';

describe('crash between any two writes', () => {
  it('converges to the clean result after a re-run, for every kill point', async () => {
    const { uploads, siteStore } = await seeded();
    const clean = clone(siteStore);
    const deps = (s: PublishDeps['siteStore']): PublishDeps => ({ uploads, siteStore: s, config: site, core: stubCore, now: () => T1 });
    const counter = new KillAfterWrites(clean, Number.POSITIVE_INFINITY);
    await ingestAndPublish(deps(counter), BATCH);
    const expected = snapshot(clean);
    const writes = counter.writes;
    expect(writes).toBeGreaterThan(15);
    // The clean result is right before it is used as the reference.
    const feed = JSON.parse(expected['feed.json'] as string) as { items: { title: string }[]; months: string[] };
    expect(feed.items.map((i) => i.title)).toEqual(['Phi', 'Fixed', 'Delta']);
    expect(feed.months).toEqual(['2026-02', '2026-03']);
    expect(expected['archive/2026-01/feed.json']).toBeUndefined();
    expect(expected['_feedpub/quarantine/worse.txt.json']).toContain('poison content');
    expect(expected['_feedpub/quarantine/bad.txt.json']).toBeUndefined();
    expect(expected['articles/gamma/index.html']).toContain('images/');

    for (let k = 0; k < writes; k++) {
      const crashed = clone(siteStore);
      await expect(ingestAndPublish(deps(new KillAfterWrites(crashed, k)), BATCH)).rejects.toThrow('killed');
      await ingestAndPublish(deps(crashed), BATCH);
      expect(snapshot(crashed), `killed after write ${k}`).toEqual(expected);
    }
  });

  it('converges when only the key that was being written is delivered again', async () => {
    const { uploads, siteStore } = await seeded();
    const deps = (s: PublishDeps['siteStore']): PublishDeps => ({ uploads, siteStore: s, config: site, core: stubCore, now: () => T1 });
    const clean = clone(siteStore);
    await ingestAndPublish(deps(clean), ['news/f.txt']);
    const crashedAt = [1, 3, 6];
    for (const k of crashedAt) {
      const crashed = clone(siteStore);
      await expect(ingestAndPublish(deps(new KillAfterWrites(crashed, k)), ['news/f.txt'])).rejects.toThrow('killed');
      await ingestAndPublish(deps(crashed), ['news/f.txt']);
      expect(snapshot(crashed)).toEqual(snapshot(clean));
    }
  });
});
