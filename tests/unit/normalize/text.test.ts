import { describe, expect, it } from 'vitest';
import { cleanText, stripXmlInvalid } from '../../../functions/core/normalize/rules/text';

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

describe('stripXmlInvalid', () => {
  it('keeps tab, newline, carriage return and paired surrogates; drops the rest', () => {
    expect(stripXmlInvalid('a\tb\nc\rd\u000Be\uFFFEf\uDC00g😀')).toBe('a\tb\nc\rdefg😀');
  });
});
