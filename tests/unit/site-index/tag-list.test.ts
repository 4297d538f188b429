import { describe, expect, it } from 'vitest';
import { nextTagList, tagHeadKey, tagMonthKey, tagSlugOfHeadKey, TAG_HEADS_PREFIX } from '../../../functions/core/site-index/tags';
import { parseRepublishChunk, republishChunkBody } from '../../../functions/pipeline/republish-chunk';

describe('the tag list (tags/index.html)', () => {
  it('adds tags that gained articles, drops those left without, in slug order, and keeps the rest', () => {
    const before = [{ slug: 'harbour', name: 'Harbour' }, { slug: 'weather', name: 'Weather' }];
    expect(nextTagList(before, [{ slug: 'c-2e7d2c03', name: 'C', live: true }, { slug: 'weather', name: 'Weather', live: false }])).toEqual([
      { slug: 'c-2e7d2c03', name: 'C' },
      { slug: 'harbour', name: 'Harbour' },
    ]);
    // Idempotent: a redo after a crash applies the same flips to the list it already wrote.
    const once = nextTagList(before, [{ slug: 'sailing', name: 'Sailing', live: true }]);
    expect(nextTagList(once, [{ slug: 'sailing', name: 'Sailing', live: true }])).toEqual(once);
  });

  it('reads a tag slug back from a tag head key only (not month manifests or other records)', () => {
    expect(tagSlugOfHeadKey(tagHeadKey('c-2e7d2c03'))).toBe('c-2e7d2c03');
    expect(tagSlugOfHeadKey(tagMonthKey('rust', '2026-05'))).toBeUndefined();
    expect(tagSlugOfHeadKey(`${TAG_HEADS_PREFIX}head.json`)).toBeUndefined();
    expect(tagSlugOfHeadKey('_feedpub/head.json')).toBeUndefined();
  });
});

describe('a republish chunk that sweeps copies', () => {
  it('round-trips the flag; a flag of another type is a malformed chunk', () => {
    const chunk = { run: 'r', index: 2, total: 3, keys: [], images: false, rerenderMonths: [], sweepCopies: true };
    expect(parseRepublishChunk(republishChunkBody(chunk))).toEqual({ ok: true, chunk });
    expect(parseRepublishChunk(JSON.stringify({ feedpubRepublishChunk: { ...chunk, sweepCopies: 'yes' } }))).toEqual({ ok: false, error: 'malformed republish chunk' });
  });
});
