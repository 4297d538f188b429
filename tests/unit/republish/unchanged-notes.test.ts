// A republish of an unchanged site writes nothing, editor notes included: a republish chunk
// re-rendering already published versions must not note them again (when notes lived in head.json,
// every chunk past the notes' cap rewrote it at 100,000 articles: bench/RESULTS.md, "Republish,
// 100,000 articles"; with one note record per key each would be rewritten with a new time).
import { describe, expect, it } from 'vitest';
import { RECENT_NOTES_LIMIT } from '../../../functions/core/site-index/notes';
import { NOTES_PREFIX } from '../../../functions/core/site-index/paths';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { publishBatch } from '../../../functions/pipeline/publish';
import { CountingObjectStore } from '../../../functions/store/counting';
import { MemoryObjectStore } from '../../../functions/store/memory';
import { ingestAndPublish } from '../../support/stages';

const PUBLISHED = new Date('2026-07-01T00:00:00Z');
const REPUBLISHED = new Date('2026-07-02T00:00:00Z');
const ARTICLES = RECENT_NOTES_LIMIT + 30;
const CHUNK = 40;

describe('republishing an unchanged site with more uploads than the notes keep', () => {
  it('writes nothing: no chunk notes a version that was already published', async () => {
    const uploads = new MemoryObjectStore();
    const store = new MemoryObjectStore();
    const config = { ...DEFAULT_SITE, baseUrl: 'https://news.example.org' };
    const keys = Array.from({ length: ARTICLES }, (_, n) => `desk/report-${String(n).padStart(3, '0')}.txt`);
    for (const [n, key] of keys.entries()) {
      await uploads.put(key, `Report ${n}\nDate: 2026-06-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00Z\n\nReport number ${n} from the desk.\n`);
    }
    await ingestAndPublish({ uploads, siteStore: store, config, core: defaultCore, now: () => PUBLISHED }, keys);
    // Every upload was noted when it was published.
    expect(await store.list(NOTES_PREFIX)).toHaveLength(ARTICLES);

    const site = new CountingObjectStore(store);
    const deps = { uploads, siteStore: site, config, core: defaultCore, now: () => REPUBLISHED };
    for (let i = 0; i < keys.length; i += CHUNK) {
      const result = await publishBatch(deps, keys.slice(i, i + CHUNK), { rerender: true, rerenderMonths: ['2026-06'] });
      expect(result.results.every((r) => r.outcome === 'unchanged')).toBe(true);
    }
    expect({ put: site.counts.put, delete: site.counts.delete }).toEqual({ put: 0, delete: 0 });
  });
});
