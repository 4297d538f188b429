// The index is bounded whatever is uploaded (issue 10): an entry in head.json and in its month manifest
// keeps a body only up to site.itemContentBytes. Feeds read from it are the bytes a render of the whole
// articles gives, the permalink page carries the whole body, and verify-outputs finds nothing stale.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { HEAD_KEY, monthManifestKey, preparedRecordKey } from '../../../functions/core/site-index/paths';
import type { HeadManifest, MonthManifest, PreparedRecord } from '../../../functions/core/site-index/types';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { publishBatch } from '../../../functions/pipeline/publish';
import { checkOutputsAgainstIndex } from '../../../functions/pipeline/verify-outputs';
import { MemoryObjectStore } from '../../../functions/store/memory';
import { ingestAndPublish } from '../../support/stages';

const NOW = new Date('2026-07-01T00:00:00Z');
const text = async (store: MemoryObjectStore, key: string) => Buffer.from((await store.get(key))?.bytes ?? new Uint8Array()).toString('utf8');
const json = async <T>(store: MemoryObjectStore, key: string) => JSON.parse(await text(store, key)) as T;

describe('index entries of long articles', () => {
  it('keep the body up to the item budget; feeds, pages and a republish are as for the whole article', async () => {
    const uploads = new MemoryObjectStore();
    const siteStore = new MemoryObjectStore();
    const config = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', itemContentBytes: 4096 };
    const deps = { uploads, siteStore, config, core: defaultCore, now: () => NOW };
    // 200 paragraphs of ~100 bytes: ~20 KB of HTML against a 4 KB item budget; the last one is marked.
    const paragraphs = Array.from({ length: 200 }, (_, i) => `Paragraph ${i + 1} of the harbour report, with enough words to weigh about a hundred bytes.`);
    paragraphs[199] = 'The closing paragraph says the ferries run again from Monday.';
    await uploads.put('desk/long.txt', `Harbour report\nDate: 2026-06-10T08:00:00Z\n\n${paragraphs.join('\n\n')}\n`);
    await uploads.put('desk/short.txt', 'Short note\nDate: 2026-06-11T08:00:00Z\n\nOne line.\n');
    await ingestAndPublish(deps, ['desk/long.txt', 'desk/short.txt']);

    const head = await json<HeadManifest>(siteStore, HEAD_KEY);
    const month = await json<MonthManifest>(siteStore, monthManifestKey('2026-06'));
    const long = (entries: Article[]) => entries.find((a) => a.source.key === 'desk/long.txt') as Article;
    for (const entry of [long(head.items), long(month.articles)]) {
      expect(entry.contentCut).toBe(true);
      expect(Buffer.byteLength(entry.contentHtml)).toBeLessThanOrEqual(4096);
      expect(entry.contentHtml).toContain('Paragraph 1 of');
      expect(entry.contentHtml).not.toContain('closing paragraph');
    }
    expect(head.items.find((a) => a.source.key === 'desk/short.txt')?.contentCut).toBeUndefined();

    // The whole article, as ingest prepared it: feeds rendered from it are the stored bytes.
    const prepared = await json<PreparedRecord>(siteStore, preparedRecordKey('desk/long.txt', long(head.items).source.etag));
    expect(prepared.verdict).toBe('article');
    const whole = prepared.verdict === 'article' ? prepared.article.contentHtml : '';
    expect(whole).toContain('closing paragraph');
    const uncut = (entries: Article[]) => entries.map(({ contentCut: _c, ...a }) => (a.source.key === 'desk/long.txt' ? { ...a, contentHtml: whole } : a)) as Article[];
    const archiveMonths = head.months.map((m) => m.month);
    for (const file of defaultCore.renderHeadFeeds(config, uncut(head.items), archiveMonths, uncut(month.articles), head.deleted ?? [])) {
      expect(await text(siteStore, file.path), file.path).toBe(file.body);
    }
    const feedJson = JSON.parse(await text(siteStore, 'feed.json')) as { items: { title: string; content_html: string }[] };
    const item = feedJson.items.find((i) => i.title === 'Harbour report');
    expect(item?.content_html).toContain('Continue reading');
    expect(item?.content_html).not.toContain('closing paragraph');

    // The permalink page shows the whole body.
    expect(await text(siteStore, `${long(head.items).url}index.html`)).toContain('The closing paragraph says the ferries run again from Monday.');

    // Re-rendering from the index gives the stored bytes, and a republish of the unchanged site writes nothing.
    const check = await checkOutputsAgainstIndex(siteStore, config, defaultCore, NOW.toISOString());
    expect(check.mismatches).toEqual([]);
    expect(check.paths).toContain(`${long(head.items).url}index.html`);
    const again = await publishBatch(deps, ['desk/long.txt', 'desk/short.txt'], { rerender: true, rerenderMonths: ['2026-06'] });
    expect(again.results.map((r) => r.outcome)).toEqual(['unchanged', 'unchanged']);
    expect(await json<HeadManifest>(siteStore, HEAD_KEY)).toEqual(head);
  });
});
