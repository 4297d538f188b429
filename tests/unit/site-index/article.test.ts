import { describe, expect, it } from 'vitest';
import { recordFor, reconcileArticle } from '../../../functions/core/site-index/article';
import { DEFAULT_SITE, type Article } from '../../../functions/core/model';

const fresh = {
  id: 'urn:uuid:1',
  slug: 'new-title',
  url: 'x',
  published: '2026-05-01T00:00:00.000Z',
  updated: '2026-05-01T00:00:00.000Z',
  contentHash: 'h2',
  source: { key: 'a.txt', size: 3 },
} as Article;
const record = recordFor(
  { ...fresh, slug: 'old-title', published: '2026-04-01T00:00:00.000Z', updated: '2026-04-02T00:00:00.000Z', contentHash: 'h1' },
  [],
  [],
  { path: 'articles/old-title/index.html', hash: 'p' },
);

describe('reconcileArticle', () => {
  it('keeps slug, permalink and published on an edit; updated moves to now', () => {
    const a = reconcileArticle(fresh, record, 'ignored', '2026-06-01T00:00:00.000Z', DEFAULT_SITE);
    expect(a.slug).toBe('old-title');
    expect(a.url).toBe('articles/old-title/');
    expect(a.published).toBe('2026-04-01T00:00:00.000Z');
    expect(a.updated).toBe('2026-06-01T00:00:00.000Z');
  });

  it('keeps updated when the content hash did not change', () => {
    const a = reconcileArticle({ ...fresh, contentHash: 'h1' }, record, 'ignored', '2026-06-01T00:00:00.000Z', DEFAULT_SITE);
    expect(a.updated).toBe('2026-04-02T00:00:00.000Z');
  });

  it('gives a new upload the claimed slug and its permalink', () => {
    const a = reconcileArticle(fresh, undefined, 'new-title-2', '2026-06-01T00:00:00.000Z', DEFAULT_SITE);
    expect([a.slug, a.url, a.updated]).toEqual(['new-title-2', 'articles/new-title-2/', fresh.updated]);
    expect(record.month).toBe('2026-04');
  });
});
