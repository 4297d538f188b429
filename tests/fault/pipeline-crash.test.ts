// Kill the publisher after the k-th write, for every k, then re-run: the site must end up byte
// for byte as after a clean run. This is the crash-safety argument of the write order, tested.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { publishBatch, type PublishDeps } from '../../functions/pipeline/publish';
import { MemoryObjectStore } from '../../functions/store/memory';
import { KillAfterWrites } from './faulty-store';
import { stubCore } from './stub-core';

const site: SiteConfig = { ...DEFAULT_SITE, feedSize: 3 };
const T0 = new Date('2026-03-01T10:00:00Z');
const T1 = new Date('2026-03-02T10:00:00Z');

function article(title: string, date: string, extra = ''): string {
  return `${title}\nDate: ${date}\n${extra}\nBody of ${title}.`;
}

async function seeded(): Promise<{ uploads: MemoryObjectStore; siteStore: MemoryObjectStore }> {
  const uploads = new MemoryObjectStore(() => T0);
  const siteStore = new MemoryObjectStore(() => T0);
  await uploads.put('news/a.txt', article('Alpha', '2026-01-05T00:00:00Z'));
  await uploads.put('news/b.txt', article('Beta', '2026-02-05T00:00:00Z'));
  await uploads.put('news/c.txt', article('Gamma', '2026-02-20T00:00:00Z', 'Image: c-photo.jpg'));
  await uploads.put('news/d.txt', article('Delta', '2026-02-25T00:00:00Z'));
  await uploads.put('news/e.txt', article('Epsilon', '2026-02-26T00:00:00Z'));
  await uploads.put('bad.txt', 'POISON');
  await publishBatch({ uploads, site: siteStore, config: site, core: stubCore, now: () => T0 }, [
    'news/a.txt', 'news/b.txt', 'news/c.txt', 'news/d.txt', 'news/e.txt', 'bad.txt',
  ]);
  // The batch under test: new article in a new month, an edit, a delete from the head that needs a
  // refill, a delete that empties January, the awaited image arriving, a new poison file, a fixed one.
  await uploads.put('news/f.txt', article('Phi', '2026-03-01T08:00:00Z'));
  await uploads.put('news/b.txt', article('Beta', '2026-02-05T00:00:00Z', 'edited'));
  await uploads.delete('news/e.txt');
  await uploads.delete('news/a.txt');
  await uploads.put('news/c-photo.jpg', new Uint8Array([1, 2, 3]));
  await uploads.put('worse.txt', 'POISON too');
  await uploads.put('bad.txt', article('Fixed', '2026-02-27T00:00:00Z'));
  return { uploads, siteStore };
}

const BATCH = ['news/f.txt', 'news/b.txt', 'news/e.txt', 'news/a.txt', 'news/c-photo.jpg', 'worse.txt', 'bad.txt'];

function snapshot(store: MemoryObjectStore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of [...store.objects].sort(([a], [b]) => (a < b ? -1 : 1))) out[k] = Buffer.from(v.bytes).toString('utf8');
  return out;
}

function clone(store: MemoryObjectStore): MemoryObjectStore {
  const copy = new MemoryObjectStore(() => T1);
  for (const [k, v] of store.objects) copy.objects.set(k, { ...v, bytes: new Uint8Array(v.bytes) });
  return copy;
}

describe('crash between any two writes', () => {
  it('converges to the clean result after a re-run, for every kill point', async () => {
    const { uploads, siteStore } = await seeded();
    const clean = clone(siteStore);
    const deps = (s: PublishDeps['site']): PublishDeps => ({ uploads, site: s, config: site, core: stubCore, now: () => T1 });
    const counter = new KillAfterWrites(clean, Number.POSITIVE_INFINITY);
    await publishBatch(deps(counter), BATCH);
    const expected = snapshot(clean);
    const writes = counter.writes;
    expect(writes).toBeGreaterThan(15);
    // The clean result is right before it is used as the reference.
    const feed = JSON.parse(expected['feed.json'] as string) as { items: { title: string }[]; months: string[] };
    expect(feed.items.map((i) => i.title)).toEqual(['Phi', 'Fixed', 'Delta']);
    expect(feed.months).toEqual(['2026-02', '2026-03']);
    expect(expected['archive/2026-01/feed.json']).toBeUndefined();
    expect(expected['errors/worse.txt.json']).toContain('poison content');
    expect(expected['errors/bad.txt.json']).toBeUndefined();
    expect(expected['articles/gamma/index.html']).toContain('images/');

    for (let k = 0; k < writes; k++) {
      const crashed = clone(siteStore);
      await expect(publishBatch(deps(new KillAfterWrites(crashed, k)), BATCH)).rejects.toThrow('killed');
      await publishBatch(deps(crashed), BATCH);
      expect(snapshot(crashed), `killed after write ${k}`).toEqual(expected);
    }
  });

  it('converges when only the key that was being written is delivered again', async () => {
    const { uploads, siteStore } = await seeded();
    const deps = (s: PublishDeps['site']): PublishDeps => ({ uploads, site: s, config: site, core: stubCore, now: () => T1 });
    const clean = clone(siteStore);
    await publishBatch(deps(clean), ['news/f.txt']);
    const crashedAt = [1, 3, 6];
    for (const k of crashedAt) {
      const crashed = clone(siteStore);
      await expect(publishBatch(deps(new KillAfterWrites(crashed, k)), ['news/f.txt'])).rejects.toThrow('killed');
      await publishBatch(deps(crashed), ['news/f.txt']);
      expect(snapshot(crashed)).toEqual(snapshot(clean));
    }
  });
});
