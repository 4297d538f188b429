// canonicalAgency reads a spelling with any case, spacing and spaces around a slash, and a trailing
// "photo(s)": the answer for raw text must be the answer for its plainly normalized key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_SPELLING_LIST } from '../../../functions/core/credits/agencies';
import { canonicalAgency } from '../../../functions/core/credits/index';

const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/').trim();
const spelling = fc.constantFrom(...AGENCY_SPELLING_LIST, 'REX/Shutterstock', 'rex / shutterstock', 'Maher Abou Taleb');
const text = fc
  .tuple(fc.constantFrom('', ' ', '  '), spelling, fc.constantFrom('', ' photo', ' Photos', '  PHOTO', ' photo photos', '/x'), fc.constantFrom('', ' ', '\t'), fc.boolean())
  .map(([before, word, tail, after, upper]) => `${before}${upper ? word.toUpperCase() : word}${tail}${after}`);

describe('canonicalAgency', () => {
  it.each([
    ['REUTERS', 'Reuters'],
    ['AP Photo', 'AP'],
    ['AFP PHOTOS', 'AFP'],
    ['rex / shutterstock', 'Shutterstock'],
    ['Maher Abou Taleb', undefined],
  ])('%s -> %s', (input, expected) => expect(canonicalAgency(input)).toBe(expected));

  it('answers for raw text what it answers for the normalized key', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(canonicalAgency(value)).toBe(canonicalAgency(key(value)));
      }),
      { numRuns: 5000 },
    );
  });
});
