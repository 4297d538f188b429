// Fast paths taken for speed must give exactly what the general code gives: each is checked against
// the library or runtime call it stands in for, on tables of edge cases and on random input.
import fc from 'fast-check';
import slugify from 'slugify';
import { v5 as uuidv5 } from 'uuid';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { stripInvalidXmlChars } from '../../../functions/core/escape';
import { articleIdForKey } from '../../../functions/core/ids';
import { cleanText } from '../../../functions/core/normalize/rules/text';
import { decodeBytes } from '../../../functions/core/parse/decode';
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

describe('cleanText = the full cleanup (strip what XML cannot carry, collapse whitespace, trim)', () => {
  // The cleanup without the pre-checks that skip it.
  const fullCleanup = (text: string) => stripInvalidXmlChars(text).replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ').trim();
  const texts = ['', ' ', '\n', 'plain', '\nplain', 'plain\n\n', ' \u000B a \u000C ', 'a\u000Bb', '\u200B a', 'a \u200B', '\uFEFFa\uFEFF', 'a  b', '\t a\tb \n', '\uD800a', 'a\uDC00', '\u00A0x\u00A0', '\u3000x', 'x\u2028', '\u0001\n', ' \uD83D\uDE00 '];
  it.each(texts)('%j', (text) => expect(cleanText(text)).toBe(fullCleanup(text)));
  it('on random text (whitespace, controls, surrogate halves)', () => {
    const unit = fc.constantFrom('a', 'b', ' ', '  ', '\n', '\t', '\r', '\u000B', '\u000C', '\u0000', '\u00A0', '\u200B', '\uFEFF', '\u2028', '\u3000', '\uD800', '\uDC00', '\uFFFE', 'é', '’');
    fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), (text) => cleanText(text) === fullCleanup(text)), { numRuns: 5000 });
  });
});

describe('decodeBytes answers plain and latinLetters from the bytes as the text would', () => {
  // What any step after decoding acts on (decode.ts MAYBE_NEEDS_WORK), and letters U+00C0-U+017F.
  const NEEDS_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r\u007F-\u009F\u00C2\u00C3\u00D0\u00D1\u00E2\u00F0\uFFFD]/;
  const LATIN_LETTER = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]/;
  const agrees = (bytes: Uint8Array) => {
    const decoded = decodeBytes(bytes);
    if (decoded.encoding !== 'windows-1252') return true;
    // Windows-1252 text is plain when it has none of those characters; it has Latin letters when it shows one.
    const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    return decoded.plain === !NEEDS_WORK.test(text) && decoded.latinLetters === LATIN_LETTER.test(text);
  };
  it.each([
    ['café – ‘quoted’', 'café – ‘quoted’'],
    ['no letter, curly quotes', '“quoted” – it’s'],
    ['Š Œ Ž š œ ž Ÿ', 'Š and Ÿ'],
    ['× and ÷ are not letters', '2 × 3 ÷ 4 ’'],
    ['a mojibake marker character', 'Ã and ’'],
    ['CR line ends', 'a’\r\nb'],
  ])('%s', (_name, text) => {
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
    expect(decodeBytes(bytes).encoding).toBe('windows-1252');
    expect(agrees(bytes)).toBe(true);
  });
  it('the five bytes Windows-1252 leaves undefined decode as U+FFFD: not plain', () => {
    for (const byte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(decodeBytes(new Uint8Array([0x61, 0x92, byte, 0x62])).plain).toBe(false);
  });
  it('on random bytes (Windows-1252 text and every byte value)', () => {
    const byte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 255 }));
    fc.assert(fc.property(fc.array(byte, { minLength: 1, maxLength: 40 }), (values) => agrees(new Uint8Array(values))), { numRuns: 5000 });
  });
});
