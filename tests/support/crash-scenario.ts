// The fault sweeps' scenario: a seeded site, then one batch that exercises every write path.
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { ingestAndPublish } from './stages';
import { MemoryObjectStore } from '../../functions/store/memory';
import type { ObjectStore } from '../../functions/store/types';
import { stubCore } from './stub-core';

export const site: SiteConfig = { ...DEFAULT_SITE, feedSize: 3 };
export const T0 = new Date('2026-03-01T10:00:00Z');
export const T1 = new Date('2026-03-02T10:00:00Z');

export function article(title: string, date: string, extra = ''): string {
  return `${title}\nDate: ${date}\n${extra}\nBody of ${title}.`;
}

export async function seeded<S extends ObjectStore = MemoryObjectStore>(
  siteStore: S = new MemoryObjectStore(() => T0) as unknown as S,
): Promise<{ uploads: MemoryObjectStore; siteStore: S }> {
  const uploads = new MemoryObjectStore(() => T0);
  await uploads.put('news/a.txt', article('Alpha', '2026-01-05T00:00:00Z'));
  await uploads.put('news/b.txt', article('Beta', '2026-02-05T00:00:00Z'));
  await uploads.put('news/c.txt', article('Gamma', '2026-02-20T00:00:00Z', 'Image: c-photo.jpg'));
  await uploads.put('news/d.txt', article('Delta', '2026-02-25T00:00:00Z'));
  await uploads.put('news/e.txt', article('Epsilon', '2026-02-26T00:00:00Z'));
  await uploads.put('bad.txt', 'POISON');
  await ingestAndPublish({ uploads, siteStore: siteStore, config: site, core: stubCore, now: () => T0 }, [
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

export const BATCH = ['news/f.txt', 'news/b.txt', 'news/e.txt', 'news/a.txt', 'news/c-photo.jpg', 'worse.txt', 'bad.txt'];

export function snapshot(store: MemoryObjectStore): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of [...store.objects].sort(([a], [b]) => (a < b ? -1 : 1))) out[k] = Buffer.from(v.bytes).toString('utf8');
  return out;
}

export function clone(store: MemoryObjectStore): MemoryObjectStore {
  const copy = new MemoryObjectStore(() => T1);
  for (const [k, v] of store.objects) copy.objects.set(k, { ...v, bytes: new Uint8Array(v.bytes) });
  return copy;
}

