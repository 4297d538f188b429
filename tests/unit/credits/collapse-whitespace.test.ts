// collapseWhitespace returns tidy lines untouched: the answer must still be its definition for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../../functions/core/credits/draft';

const definition = (text: string) => text.replace(/[\u200B-\u200D\u2060]/gu, '').replace(/\s+/gu, ' ').trim();
const text = fc.array(fc.constantFrom('a', 'B', '/', ' ', '  ', '\t', '\n', '\u00A0', '\u2009', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u3000', '©', '😀'), { maxLength: 14 }).map((parts) => parts.join(''));

describe('collapseWhitespace', () => {
  it.each([
    ['REUTERS/Maher Abou Taleb', 'REUTERS/Maher Abou Taleb'],
    ['  REUTERS /  Name ', 'REUTERS / Name'],
    ['AP\u00A0Photo', 'AP Photo'],
    ['Get\u200Bty Images', 'Getty Images'],
    ['', ''],
  ])('%j -> %j', (input, expected) => expect(collapseWhitespace(input)).toBe(expected));

  it('equals its definition for any text', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(collapseWhitespace(value)).toBe(definition(value));
      }),
      { numRuns: 5000 },
    );
  });
});
