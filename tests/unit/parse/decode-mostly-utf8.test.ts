// The UTF-8-or-Windows-1252 rule for bytes that are not valid UTF-8 (issue 9): UTF-8 with U+FFFD for
// each invalid byte when valid multi-byte sequences are at least three times the invalid bytes, else
// Windows-1252. Both sides of the line are tested.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, mostlyUtf8, utf8SequenceCounts } from '../../../functions/core/parse/decode';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const withStray = (text: string, stray: number[], at?: number) => {
  const bytes = utf8(text);
  const cut = at ?? bytes.length;
  return Buffer.concat([bytes.subarray(0, cut), Buffer.from(stray), bytes.subarray(cut)]);
};

describe('utf8SequenceCounts', () => {
  it.each([
    ['ASCII only', utf8('plain text'), 0, 0],
    ['two-, three- and four-byte sequences', utf8('é – 😀'), 3, 0],
    ['a lone Windows-1252 byte', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 0, 1],
    ['a lone continuation byte', Buffer.from([0x41, 0x80, 0x42]), 0, 1],
    ['a truncated sequence at the end', Buffer.from([0x41, 0xe2, 0x80]), 0, 2],
    ['an overlong form', Buffer.from([0xc0, 0xaf]), 0, 2],
    ['a surrogate encoded as UTF-8', Buffer.from([0xed, 0xa0, 0x80]), 0, 3],
    ['Windows-1252 "café – ‘quoted’"', iconv.encode('café – ‘quoted’', 'windows-1252'), 0, 4],
  ])('%s', (_name, bytes, valid, invalid) => {
    expect(utf8SequenceCounts(bytes)).toEqual({ valid, invalid });
  });
});

describe('mostly UTF-8 with a few stray bytes decodes as UTF-8', () => {
  const german = 'Müller sagte, die Größe der Brücke überrascht. Schöne Grüße aus Köln.';
  it('one stray byte among accented UTF-8: accents kept, one U+FFFD, a warning', () => {
    const decoded = decodeBytes(withStray(german, [0x92], 10));
    expect(decoded.encoding).toBe('utf-8');
    // Byte 10 is after "Müller sa" (nine characters, ü being two bytes); 9 accents: ü, ö ß, ü, ü, ö, ü ß, ö.
    expect(decoded.text).toBe(`${german.slice(0, 9)}\uFFFD${german.slice(9)}`);
    expect(decoded.warnings).toEqual(['replaced 1 invalid UTF-8 byte with U+FFFD: the rest of the file is UTF-8 (9 valid multi-byte sequences)']);
  });

  it('with a UTF-8 byte-order mark too', () => {
    const decoded = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), withStray(german, [0xe9])]));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text.startsWith('Müller')).toBe(true);
  });

  it.each([
    ['3 valid, 1 invalid: UTF-8', 'é è ê', [0xff], true],
    ['2 valid, 1 invalid: Windows-1252', 'é è', [0xff], false],
    ['6 valid, 2 invalid: UTF-8', 'é è ê ë à â', [0xff, 0x20, 0xfe], true],
    ['5 valid, 2 invalid: Windows-1252', 'é è ê ë à', [0xff, 0x20, 0xfe], false],
  ])('the line: %s', (_name, text, stray, expected) => {
    expect(mostlyUtf8(withStray(text, stray))).toBe(expected);
  });
});

describe('no valid multi-byte sequence stays Windows-1252', () => {
  it.each(['café – ‘quoted’ €5', 'Müller sagte: Größe', 'naïve façade'])('%j saved as Windows-1252', (text) => {
    const decoded = decodeBytes(iconv.encode(text, 'windows-1252'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(text);
    expect(decoded.warnings).toEqual([]);
  });
});

describe('latinLetters: false only when no letter of U+00C0-U+017F can be in the text', () => {
  it.each([
    ['plain ASCII', utf8('Plain text with “quotes” and – dashes'), false],
    ['Latin-1 letter', utf8('Müller'), true],
    ['Latin Extended-A letter', utf8('Łukasz Şahin'), true],
    ['ASCII saved as Windows-1252 (valid UTF-8)', iconv.encode('cafe', 'windows-1252'), false],
    ['Windows-1252 with an accent', iconv.encode('café', 'windows-1252'), true],
  ])('%s', (_name, bytes, latin) => {
    expect(decodeBytes(bytes).latinLetters).toBe(latin);
  });
});
