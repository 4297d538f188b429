// Fast paths taken for speed must give exactly what the general code gives: each is checked against
// the library or runtime call it stands in for, on tables of edge cases and on random input.
import fc from 'fast-check';
import slugify from 'slugify';
import { v5 as uuidv5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../../functions/core/ids';
import { slugifyPlain } from '../../../functions/core/normalize/rules/slug';
import { dayInZone, monthInZone } from '../../../functions/core/timezone';

const NAMESPACE = '6f1c9b52-2a8e-5d0e-9a57-5c1f0e3d7b11';

describe('articleIdForKey = uuid v5 of the key', () => {
  const keys = ['', 'a.txt', 'news/a b.txt', '../../evil.txt', 'ü/Ü+.txt', '日本語/記事.md', '😀.txt', 'x'.repeat(1024), '%2E%2E/x', 'a\u0000b'];
  it.each(keys)('%j', (key) => expect(articleIdForKey(key)).toBe(`urn:uuid:${uuidv5(key, NAMESPACE)}`));
  it('on random keys (full Unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (key) => articleIdForKey(key) === `urn:uuid:${uuidv5(key, NAMESPACE)}`), { numRuns: 3000 });
  });
  it('a lone surrogate still goes to uuid (which throws, as before)', () => {
    expect(() => articleIdForKey('a\uD800b')).toThrow();
  });
});

describe('slugifyPlain = slugify(lower, strict, trim) on printable ASCII and headline punctuation', () => {
  const options = { lower: true, strict: true, trim: true };
  const titles = ['', ' ', 'US pushes for cease-fire as Israel escalates fight', 'AT&T | Verizon: 50% off $10', '  --a--b--  ', 'a_b*c+d~e.f(g)h\'i"j!k:l@m', '\ttab\tseparated\t', '#1 ?? ;;; ,,,', '-', '$$$', 'A-B', 'x - y', '`{}[]^=\\', '<b>bold</b>', 'It’s “big” – really… — yes', '„Zitat“ ‘x’'];
  it.each(titles)('%j', (t) => expect(slugifyPlain(t)).toBe(slugify(t, options)));
  it('on random text of that alphabet', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\t', '‘', '’', '“', '”', '„', '–', '—', '…'), maxLength: 80 });
    fc.assert(fc.property(ascii, (t) => slugifyPlain(t) === slugify(t, options)), { numRuns: 5000 });
  });
});

describe('UTC month and day = Intl in UTC', () => {
  const intl = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' });
  const viaIntl = (ms: number) => {
    const p = Object.fromEntries(intl.formatToParts(new Date(ms)).filter((x) => x.type !== 'literal').map((x) => [x.type, x.value]));
    return `${p.year?.padStart(4, '0')}-${p.month}-${p.day}`;
  };
  it.each(['2024-10-31T23:59:59Z', '2024-02-29T00:00:00Z', '1970-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-06-01T02:00:00+02:00'])('%s', (iso) => {
    expect(dayInZone(iso, 'UTC')).toBe(viaIntl(Date.parse(iso)));
    expect(monthInZone(iso, 'UTC')).toBe(viaIntl(Date.parse(iso)).slice(0, 7));
  });
  it('on random instants in years 1-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59) }), (ms) => {
        const iso = new Date(ms).toISOString();
        return dayInZone(iso, 'UTC') === viaIntl(ms);
      }),
      { numRuns: 3000 },
    );
  });
});
