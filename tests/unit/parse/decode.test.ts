import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, repairMojibake } from '../../../functions/core/parse/decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: ArrayLike<number>[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => Array.from(part)));

describe('decodeBytes', () => {
  const cases: { name: string; bytes: Uint8Array; text: string; encoding: string; warnings?: string[] }[] = [
    { name: 'plain UTF-8', bytes: utf8('café – ‘quoted’'), text: 'café – ‘quoted’', encoding: 'utf-8' },
    { name: 'UTF-8 with BOM', bytes: concat([0xef, 0xbb, 0xbf], utf8('Title\nBody')), text: 'Title\nBody', encoding: 'utf-8-bom' },
    {
      name: 'UTF-16LE with BOM',
      bytes: concat([0xff, 0xfe], Buffer.from('Zürich ‘hi’ 😀', 'utf16le')),
      text: 'Zürich ‘hi’ 😀',
      encoding: 'utf-16le',
    },
    {
      name: 'UTF-16BE with BOM',
      bytes: concat([0xfe, 0xff], iconv.encode('Zürich ‘hi’', 'utf-16be')),
      text: 'Zürich ‘hi’',
      encoding: 'utf-16be',
    },
    {
      name: 'Windows-1252 (invalid as UTF-8)',
      bytes: iconv.encode('café – ‘quoted’ €5', 'windows-1252'),
      text: 'café – ‘quoted’ €5',
      encoding: 'windows-1252',
    },
    // "It’s" saved as UTF-8, read as Windows-1252, saved again as UTF-8.
    {
      name: 'UTF-8 mojibake of a right single quote',
      bytes: utf8('Itâ€™s here'),
      text: 'It’s here',
      encoding: 'utf-8',
      warnings: ['repaired 1 mojibake sequence (UTF-8 read as Windows-1252, e.g. "â€™" -> "’")'],
    },
    {
      name: 'UTF-8 mojibake of accents and dashes',
      bytes: utf8('CafÃ© â€“ crÃ¨me'),
      text: 'Café – crème',
      encoding: 'utf-8',
      warnings: ['repaired 3 mojibake sequences (UTF-8 read as Windows-1252, e.g. "â€™" -> "’")'],
    },
    {
      name: 'UTF-8 mojibake as ISO-8859-1 shows it (C1 controls) and a closing quote from an undefined byte',
      bytes: utf8('â\u0080\u0099s and â€œyesâ€\u009d'),
      text: '’s and “yes”',
      encoding: 'utf-8',
      warnings: ['repaired 3 mojibake sequences (UTF-8 read as Windows-1252, e.g. "â€™" -> "’")'],
    },
    {
      name: 'text that went through the mistake twice',
      bytes: utf8('ItÃ¢â‚¬â„¢s'),
      text: 'It’s',
      encoding: 'utf-8',
      // pass 1: "Ã¢" -> "â", "â‚¬" -> "€", "â„¢" -> "™"; pass 2: "â€™" -> "’"
      warnings: ['repaired 4 mojibake sequences (UTF-8 read as Windows-1252, e.g. "â€™" -> "’")'],
    },
    {
      name: 'a marker elsewhere does not let an implausible pair be "repaired"',
      bytes: utf8('Itâ€™s „groß“'),
      text: 'It’s „groß“',
      encoding: 'utf-8',
      warnings: ['repaired 1 mojibake sequence (UTF-8 read as Windows-1252, e.g. "â€™" -> "’")'],
    },
    {
      name: 'mojibake of Cyrillic and an emoji',
      bytes: utf8(new TextDecoder('latin1').decode(new TextEncoder().encode('Привет 😀'))),
      text: 'Привет 😀',
      encoding: 'utf-8',
      warnings: ['repaired 7 mojibake sequences (UTF-8 read as Windows-1252, e.g. "â€™" -> "’")'],
    },
    { name: 'CRLF and lone CR become LF', bytes: utf8('a\r\nb\rc\n'), text: 'a\nb\nc\n', encoding: 'utf-8' },
    {
      name: 'control characters are removed and counted',
      bytes: utf8('a\u0000b\u0007c\u001Bd\te'),
      text: 'abcd\te',
      encoding: 'utf-8',
      warnings: ['removed 3 control characters'],
    },
    {
      name: 'a lone surrogate in UTF-16 is removed',
      bytes: concat([0xff, 0xfe], [0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]),
      text: 'AB',
      encoding: 'utf-16le',
      warnings: ['removed 1 control character'],
    },
  ];

  it.each(cases)('$name', ({ bytes, text, encoding, warnings }) => {
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.warnings).toEqual(warnings ?? []);
  });
});

describe('repairMojibake leaves correct text alone', () => {
  it.each([
    'café crème brûlée',
    'Ångström, Øresund, Ærø',
    '“Quoted” — it’s fine',
    'Zürich 1.5°C ±2',
    'ÃO', // Portuguese capitals: a lead character without the continuation UTF-8 needs
    'Âge',
    'Der Ausdruck „groß“ – und „Gruß“…', // ß + “ is also a valid UTF-8 pair, but this text has no mojibake marker
    'Die SPÖ–FPÖ-Koalition', // Ö + – likewise
  ])('%s', (text) => {
    expect(repairMojibake(text)).toEqual({ text, count: 0 });
  });
});

describe('mojibake repair properties', () => {
  // Letters, accents, typographic punctuation, Cyrillic, CJK and emoji. No capitals, "â" or "ð": followed
  // by symbols they are the tell-tale markers of mojibake ("Ã©", "â€™", "ðŸ"), never seen in correct text.
  const letters = [...'abcz àáãäåæçèéêëìíîïñòóôõöøùúûüýÿß’‘“”„–—…«»°€£ ', 'П', 'р', 'и', 'в', 'е', 'т', '中', '文', '😀', '🏆'];
  const chars = fc.array(fc.constantFrom(...letters), { maxLength: 60 });
  const text = chars.map((list) => list.join(''));
  // Windows-1252 as browsers read it: the five undefined bytes become C1 controls.
  const misread = (value: string): string =>
    [...new TextEncoder().encode(value)].map((byte) => {
      const char = iconv.decode(Buffer.from([byte]), 'windows-1252');
      return char === '\ufffd' ? String.fromCharCode(byte) : char;
    }).join('');

  it('correct text is never changed', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(repairMojibake(value)).toEqual({ text: value, count: 0 });
      }),
      { numRuns: 2000 },
    );
  });

  // Real text nearly always has one character whose misreading is a marker: an accented vowel, a curly
  // quote or dash, a Cyrillic letter, an emoji. Text made only of CJK ideographs has none (a known limit).
  it('UTF-8 read as Windows-1252 comes back exactly, given one common non-ASCII character', () => {
    const common = fc.constantFrom(...'’“”–…éüñ°€Пр😀');
    fc.assert(
      fc.property(chars, common, fc.nat(), (list, marker, at) => {
        const original = list.toSpliced(at % (list.length + 1), 0, marker).join('');
        expect(repairMojibake(misread(original)).text).toBe(original);
      }),
      { numRuns: 2000 },
    );
  });
});
