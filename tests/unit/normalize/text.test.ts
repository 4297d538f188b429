import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripInvalidXmlChars } from '../../../functions/core/escape';
import { cleanText } from '../../../functions/core/normalize/rules/text';

describe('cleanText', () => {
  it.each([
    ['  a   b\t\tc\n d  ', 'a b c d'],
    ['no\u00A0break\u200Bzero', 'no break zero'],
    ['“Curly” quotes – and — dashes…', '“Curly” quotes – and — dashes…'],
    ['bell\u0007 and\u0000 nul', 'bell and nul'],
    ['emoji 🌍 kept', 'emoji 🌍 kept'],
    ['lone \uD800 surrogate', 'lone surrogate'],
    ['', ''],
  ])('%j -> %j', (input, expected) => expect(cleanText(input)).toBe(expected));
});

describe('stripInvalidXmlChars', () => {
  it('keeps tab, newline, carriage return and paired surrogates; drops the rest', () => {
    expect(stripInvalidXmlChars('a\tb\nc\rd\u000Be\uFFFEf\uDC00g😀')).toBe('a\tb\nc\rdefg😀');
  });
});

describe('cleanText against its definition', () => {
  // The documented rule, written plainly: remove what XML cannot carry, one space for any whitespace run, trim.
  const definition = (text: string) =>
    text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ').trim();
  const text = fc.array(fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r', '\u0001', '\u00A0', '\u2009', '\u200B', '\uFEFF', '\u3000', '\uFFFE', '😀', '\uD800', '\uDC00', '’'), { maxLength: 16 }).map((parts) => parts.join(''));
  it('matches for any text', () => {
    fc.assert(fc.property(text, (value) => {
      expect(cleanText(value)).toBe(definition(value));
    }), { numRuns: 5000 });
  });
});
