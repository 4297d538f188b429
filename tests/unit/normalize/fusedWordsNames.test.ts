// appearsAsName answers what articleNames(paragraphs).has(name) answers, without collecting every token.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appearsAsName, articleNames } from '../../../functions/core/normalize/rules/fusedWords';

// Text made of the characters the token rules care about: letters (ASCII, Latin-1, beyond ɏ), quotes, "s", spaces, digits.
const piece = fc.constantFrom('Ne', 'ta', 'nyahu', 'N', 's', "'", '’', "'s", '’s', ' ', '-', '3', 'é', 'Ş', 'ḁ', 'a', '.', 'Kim ', 'Ghattas');
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const name = fc.constantFrom('Netanyahu', 'Neta', 'Nyahu', 'Ghattas', 'Kim', 'Nss', 'Nes');

describe('appearsAsName', () => {
  it.each([
    [['Officials met Netanyahu on Thursday.'], 'Netanyahu', true],
    [["Netanyahu's aides"], 'Netanyahu', true],
    [['Netanyahu’s aides'], 'Netanyahu', true],
    [["the Netanyahus' house"], 'Netanyahu', false],
    [['Netanyahureportedly spoke'], 'Netanyahu', false],
    [['aNetanyahu'], 'Netanyahu', false],
    [['éNetanyahu'], 'Netanyahu', false],
    [['3Netanyahu, -Netanyahu'], 'Netanyahu', true],
    [['Netanyahué'], 'Netanyahu', false],
    [['no name here', 'but here: Netanyahu'], 'Netanyahu', true],
  ])('%j has %s: %s', (paragraphs, candidate, expected) => {
    expect(appearsAsName(paragraphs, candidate)).toBe(expected);
    expect(articleNames(paragraphs).has(candidate)).toBe(expected);
  });

  it('agrees with articleNames on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), name, (paragraphs, candidate) => {
        expect(appearsAsName(paragraphs, candidate)).toBe(articleNames(paragraphs).has(candidate));
      }),
      { numRuns: 3000 },
    );
  });
});
