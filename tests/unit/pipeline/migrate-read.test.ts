// An index the code before site-relative paths wrote (absolute URLs in head and month manifests)
// read by the current publisher: it renders under the current base URL at once, `updated` does not
// move, and a republish writes every index part back without the old URL.
import { describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../../functions/core/ids';
import { HEAD_KEY, monthManifestKey } from '../../../functions/core/site-index/paths';
import type { HeadManifest, MonthManifest } from '../../../functions/core/site-index/types';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { contentHashOf } from '../../../functions/core/normalize';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { publishBatch } from '../../../functions/pipeline/publish';
import { MemoryObjectStore } from '../../../functions/store/memory';
import { ingestAndPublish } from '../../support/stages';

const NOW = new Date('2026-07-01T00:00:00Z');
const PNG_8x6 = Buffer.from('89504e470d0a1a0a0000000d4948445200000008000000060806000000fe03a0a40000000d49444154789c63600000000200013a4e05f10000000049454e44ae426082', 'hex');
const text = async (store: MemoryObjectStore, key: string) => Buffer.from((await store.get(key))?.bytes ?? new Uint8Array()).toString('utf8');

/** Rewrites an entry as the old code stored it: absolute permalink and image URL, hash over them. */
function asOldCode<T extends { url: string; images: { url?: string }[]; contentHash: string }>(a: T, origin: string): T {
  const images = a.images.map((i) => (i.url === undefined ? i : { ...i, url: `${origin}/${i.url}` }));
  const old = { ...a, url: `${origin}/${a.url}`, images };
  return { ...old, contentHash: contentHashOf(old as never) };
}

describe('an index written with absolute URLs', () => {
  it('is read, rendered under the new base URL, and written back in the current form by a republish', async () => {
    const uploads = new MemoryObjectStore();
    const site = new MemoryObjectStore();
    const config = { ...DEFAULT_SITE, baseUrl: 'https://new.example.org' };
    const deps = { uploads, siteStore: site, config, core: defaultCore, now: () => NOW };
    await uploads.put('desk/harbour.txt', 'Harbour reopens\nDate: 2026-06-10T08:00:00Z\n\nShips are back.\n');
    await uploads.put('desk/harbour.png', PNG_8x6);
    await ingestAndPublish(deps, ['desk/harbour.png', 'desk/harbour.txt']);
    // Turn the stored index into what the old code wrote for https://old.example.com.
    const head = JSON.parse(await text(site, HEAD_KEY)) as HeadManifest;
    const month = JSON.parse(await text(site, monthManifestKey('2026-06'))) as MonthManifest;
    expect(head.items[0]?.images[0]?.url).toMatch(/^images\/[0-9a-f]{16}\.png$/);
    await site.put(HEAD_KEY, JSON.stringify({ ...head, items: head.items.map((a) => asOldCode(a, 'https://old.example.com')) }));
    await site.put(monthManifestKey('2026-06'), JSON.stringify({ ...month, articles: month.articles.map((a) => asOldCode(a, 'https://old.example.com')) }));
    expect(await text(site, HEAD_KEY)).toContain('https://old.example.com/articles/harbour-reopens/');

    const result = await publishBatch(deps, ['desk/harbour.txt'], { rerender: true, rerenderMonths: ['2026-06'] });
    expect(result.results.find((r) => r.key === 'desk/harbour.txt')?.outcome).toBe('unchanged');
    for (const key of [HEAD_KEY, monthManifestKey('2026-06'), 'feed.xml', 'archive/2026-06/feed.json', 'articles/harbour-reopens/index.html']) {
      expect(await text(site, key), key).not.toContain('old.example.com');
    }
    expect(await text(site, 'feed.json')).toContain('"url": "https://new.example.org/articles/harbour-reopens/"');
    const after = JSON.parse(await text(site, HEAD_KEY)) as HeadManifest;
    expect(after.items[0]?.url).toBe('articles/harbour-reopens/');
    expect(after.items[0]?.updated).toBe(head.items[0]?.updated);
    expect(after.items[0]?.id).toBe(articleIdForKey('desk/harbour.txt'));
  });
});
