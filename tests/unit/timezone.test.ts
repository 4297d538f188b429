// The site's time zone: dates without a time are that day there, archive months and "today" follow it,
// and a month is complete only once the publish clock (injected) has left it there.
import { describe, expect, it } from 'vitest';
import { isMonthComplete, monthsCompletedSince, archivesToRender } from '../../functions/core/site-index/months';
import { reconcileArticle } from '../../functions/core/site-index/article';
import { DEFAULT_SITE } from '../../functions/core/model';
import { parseDate } from '../../functions/core/normalize';
import { monthOf } from '../../functions/core/order';
import { parseSiteConfig } from '../../functions/core/site';
import { dayInZone, monthInZone } from '../../functions/core/timezone';
import { syntheticArticles } from '../support/articles';

describe('parseDate in the site zone', () => {
  it.each([
    // [input, zone, expected UTC]; offsets checked by hand against the tz database (AEDT +11, AEST +10, EDT -4).
    ['2026-03-01', 'UTC', '2026-03-01T00:00:00Z'],
    ['2026-03-01', 'Australia/Sydney', '2026-02-28T13:00:00Z'],
    ['2026-07-01', 'Australia/Sydney', '2026-06-30T14:00:00Z'],
    ['2026-07-01', 'America/New_York', '2026-07-01T04:00:00Z'],
    ['1 March 2026', 'Australia/Sydney', '2026-02-28T13:00:00Z'],
    ['2026-03-01 09:30', 'Australia/Sydney', '2026-02-28T22:30:00Z'],
    // An explicit offset or Z is an instant: the zone does not move it.
    ['2026-03-01T09:30:00Z', 'Australia/Sydney', '2026-03-01T09:30:00Z'],
    ['2026-03-01T09:30:00+02:00', 'Australia/Sydney', '2026-03-01T07:30:00Z'],
    ['2026-02-30', 'Australia/Sydney', undefined],
  ])('%s in %s -> %s', (input, zone, expected) => {
    expect(parseDate(input, zone)).toBe(expected);
  });

  it('a date-only article in Sydney is archived under its local month', () => {
    const published = parseDate('2026-03-01', 'Australia/Sydney') as string;
    expect(monthInZone(published, 'Australia/Sydney')).toBe('2026-03');
    expect(monthInZone(published, 'UTC')).toBe('2026-02');
    expect(dayInZone(published, 'Australia/Sydney')).toBe('2026-03-01');
  });
});

describe('site.json timeZone', () => {
  it('defaults to UTC and rejects a name the tz database does not know', () => {
    const base = { title: 't', baseUrl: 'https://x.example', description: 'd', language: 'en', defaultAuthor: 'S' };
    const ok = parseSiteConfig(base);
    expect(ok.ok && ok.value.timeZone).toBe('UTC');
    const sydney = parseSiteConfig({ ...base, timeZone: 'Australia/Sydney' });
    expect(sydney.ok && sydney.value.timeZone).toBe('Australia/Sydney');
    const bad = parseSiteConfig({ ...base, timeZone: 'Mars/Olympus' });
    expect(!bad.ok && bad.error).toContain('"timeZone" must be an IANA time zone');
  });
});

describe('archive month and completeness', () => {
  const sydney = { ...DEFAULT_SITE, timeZone: 'Australia/Sydney' };

  it('reconcile sets the archive month from published in the site zone, following a kept published date', () => {
    const [fresh] = syntheticArticles(1, 2);
    const article = reconcileArticle({ ...fresh!, published: '2026-02-28T13:30:00Z' }, undefined, 'a', '2026-03-05T00:00:00Z', sydney);
    expect(monthOf(article)).toBe('2026-03');
    const record = { key: 'k', id: fresh!.id, slug: 'a', month: '2026-01', published: '2026-01-31T12:00:00Z', updated: '2026-01-31T12:00:00Z', contentHash: 'x', imageKeys: [], assetPaths: [], pagePath: 'p', pageHash: 'h' };
    const again = reconcileArticle({ ...fresh!, published: '2026-03-05T00:00:00Z' }, record, 'a', '2026-03-05T00:00:00Z', sydney);
    expect(again.published).toBe('2026-01-31T12:00:00Z');
    expect(monthOf(again)).toBe('2026-01');
  });

  it.each([
    ['2026-02', '2026-03-01T00:00:00Z', 'UTC', true],
    ['2026-03', '2026-03-31T23:59:59Z', 'UTC', false],
    ['2026-04', '2026-03-15T00:00:00Z', 'UTC', false],
    ['2026-02', '2026-02-28T13:00:00Z', 'Australia/Sydney', true],
    ['2026-02', '2026-02-28T12:59:59Z', 'Australia/Sydney', false],
  ])('month %s at %s (%s): complete = %s', (month, now, zone, expected) => {
    expect(isMonthComplete(month, now, zone)).toBe(expected);
  });

  it('a month that became complete since the last publish is re-rendered, once', () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    expect(monthsCompletedSince('2026-02-27T00:00:00Z', '2026-03-02T00:00:00Z', months, 'UTC')).toEqual(['2026-02']);
    expect(monthsCompletedSince('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', months, 'UTC')).toEqual([]);
    expect(archivesToRender(months, months, new Set(), ['2026-02'])).toEqual(['2026-02']);
  });
});
