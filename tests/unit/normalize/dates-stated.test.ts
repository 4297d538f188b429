import { describe, expect, it } from 'vitest';
import { reconcileArticle, recordFor } from '../../../functions/core/site-index/article';
import { ingestUpload } from '../../../functions/core/ingest';
import { DEFAULT_SITE, type Article } from '../../../functions/core/model';
import { datelineDate, warnImplausibleDate } from '../../../functions/core/normalize/rules/dates';

describe('datelineDate: the latest such day not after the upload (plus a day)', () => {
  it.each([
    [3, 3, '2024-06-01T12:00:00Z', '2024-03-03'],
    [6, 1, '2024-06-01T12:00:00Z', '2024-06-01'],
    [6, 2, '2024-06-01T12:00:00Z', '2024-06-02'],
    [6, 3, '2024-06-01T12:00:00Z', '2023-06-03'],
    [12, 30, '2025-01-02T08:00:00Z', '2024-12-30'],
    [2, 29, '2024-03-01T00:00:00Z', '2024-02-29'],
    [2, 30, '2024-03-01T00:00:00Z', undefined],
    [3, 3, 'not a date', undefined],
  ])('%i/%i before %s -> %s', (month, day, reference, expected) => {
    expect(datelineDate(month, day, reference)).toBe(expected);
  });
});

describe('warnImplausibleDate (the clock is a parameter)', () => {
  const now = '2026-12-01T10:00:00Z';
  it.each([
    ['1989-12-31T00:00:00Z', ['the date 1989-12-31 is before 1990: is the year right?']],
    ['1024-05-01T00:00:00Z', ['the date 1024-05-01 is before 1990: is the year right?']],
    ['1990-01-01T00:00:00Z', []],
    ['2026-12-01T10:00:00Z', []],
    ['2027-11-30T00:00:00Z', []],
    ['2028-01-01T00:00:00Z', ['the date 2028-01-01 is more than a year after the upload (2026-12-01): is the year right?']],
    ['2206-12-01T00:00:00Z', ['the date 2206-12-01 is more than a year after the upload (2026-12-01): is the year right?']],
  ])('%s', (date, warnings) => {
    const out: string[] = [];
    warnImplausibleDate(date, now, out);
    expect(out).toEqual(warnings);
  });

  const ingest = (text: string, now?: string) => {
    const result = ingestUpload({ key: 'a.txt', bytes: new TextEncoder().encode(text), fallbackDate: '2024-06-01T12:00:00Z', ...(now && { now }) }, DEFAULT_SITE);
    if (!result.ok) throw new Error(result.error.reason);
    return result.value;
  };
  it('a stated date is kept as stated, with the warning; a chosen date is never warned about', () => {
    const old = ingest('Date: 1924-03-05\n\nT\n\nBody.');
    expect(old.published).toBe('1924-03-05T00:00:00Z');
    expect(old.warnings).toContain('the date 1924-03-05 is before 1990: is the year right?');
    expect(ingest('Date: 2062-03-05\n\nT\n\nBody.', '2026-12-01T00:00:00Z').warnings).toContain(
      'the date 2062-03-05 is more than a year after the upload (2026-12-01): is the year right?',
    );
    expect(ingest('T\n\nBody.').warnings.filter((w) => w.includes('is the year right'))).toEqual([]);
  });
  it('marks stated dates, not chosen ones', () => {
    expect(ingest('Date: 2024-03-05\n\nT\n\nBody.').publishedStated).toBe(true);
    expect(ingest('T\n\nBody.').publishedStated).toBeUndefined();
  });
});

describe('reconcileArticle: a stated date moves published, a chosen one never does', () => {
  const fresh = { id: 'urn:uuid:1', slug: 's', url: 'x', published: '2026-05-01T00:00:00Z', updated: '2026-05-01T00:00:00Z', contentHash: 'h2', source: { key: 'a.txt', size: 3 } } as Article;
  const record = recordFor({ ...fresh, published: '2026-04-01T00:00:00Z', contentHash: 'h1' }, [], [], { path: 'articles/s/index.html', hash: 'p' });
  it.each([
    [true, '2026-05-01T00:00:00Z'],
    [false, '2026-04-01T00:00:00Z'],
  ])('stated %s -> %s', (stated, published) => {
    const article = reconcileArticle(stated ? { ...fresh, publishedStated: true } : fresh, record, 's', '2026-06-01T00:00:00Z', DEFAULT_SITE);
    expect(article.published).toBe(published);
  });
});
