import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Credit } from '../../../functions/core/model';
import { AGENCY_SPELLING_LIST } from '../../../functions/core/credits/agencies';
import { isCreditLine, normalizeCredit, readsAsCredit } from '../../../functions/core/credits/index';

// Any text, including astral characters, lone surrogates, control characters and odd spaces.
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 80 }));

// Credit-shaped text: agencies, names and markers joined by the separators seen in uploads,
// in random case, so the structured path (not only the verbatim one) is exercised.
const caseOf = (word: string) => fc.constantFrom(word, word.toUpperCase(), word.toLowerCase());
const agency = fc.constantFrom('Reuters', 'AP Photo', 'Associated Press', 'AFP', 'Getty Images', 'NurPhoto', 'EPA', 'EPA-EFE', 'Xinhua', 'Anadolu Agency', 'SOPA Images', 'dpa', 'ZUMA Wire').chain(caseOf);
const name = fc
  .array(fc.constantFrom('Maher', 'Abou', 'Taleb', 'Jean-Pierre', "O'Brien", 'McDonald', 'de', 'J.', 'DJ', 'II', 'Evan', 'Vucci', 'Li'), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '))
  .chain(caseOf);
const marker = fc.constantFrom('Handout', 'Pool', 'POOL', 'Handout photo', 'Stringer', 'Inter-Services Public Relations (ISPR)', 'White House', 'the author', 'City Library', 'The Daily Ledger', 'Social Media', 'File Photo', 'iStock');
const separator = fc.constantFrom('/', ' / ', ' /', '/ ', ' | ', ', ');
const creditLike = fc
  .tuple(
    fc.constantFrom('', 'Photo: ', 'Photo by ', 'Credit: ', '© ', '(c) 2024 ', 'Courtesy of ', 'courtesy '),
    fc.array(fc.oneof(agency, name, marker), { minLength: 1, maxLength: 4 }),
    fc.array(separator, { minLength: 4, maxLength: 4 }),
    fc.constantFrom('', ' via REUTERS', ' via Getty Images', ' for The Washington Post', ' via boat', '/via REUTERS'),
    fc.constantFrom('', '.', ';', ' .'),
    fc.boolean(),
  )
  .map(([prefix, parts, seps, tail, punctuation, parenthesized]) => {
    const body = parts.map((part, i) => (i === 0 ? part : `${seps[i - 1] ?? '/'}${part}`)).join('');
    const line = `${prefix}${body}${tail}`;
    return `${parenthesized ? `(${line})` : line}${punctuation}`;
  });

const inputs = fc.oneof(anyText, creditLike);

// Credit-shaped text padded with whitespace runs and zero-width characters, around the 120-character limit.
const padded = fc
  .tuple(creditLike, fc.constantFrom(' ', '   ', '\u00A0', '\u200B', '\n', '\t\u2009'), fc.integer({ min: 0, max: 160 }))
  .map(([line, pad, count]) => `${pad.repeat(count)}${line.split(' ').join(pad.repeat(1 + (count % 3)) + ' ')}${pad.repeat(count)}`);

// Every spelling of every agency, alone or with a name, in any case and spacing.
const anyAgencyCredit = fc
  .tuple(fc.constantFrom(...AGENCY_SPELLING_LIST).chain(caseOf), name, separator, fc.boolean(), fc.boolean())
  .map(([spelling, person, sep, alone, agencyFirst]) => (alone ? spelling : agencyFirst ? `${spelling}${sep}${person}` : `${person}${sep}${spelling}`));

describe('isCreditLine shortcuts (length, credit mark)', () => {
  it('never change an answer of the full rules', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, creditLike, padded, anyAgencyCredit), (line) => {
        expect(isCreditLine(line)).toBe(readsAsCredit(line));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('normalizeCredit invariants', () => {
  it('never throws, and neither does isCreditLine', () => {
    fc.assert(
      fc.property(inputs, (raw) => {
        normalizeCredit(raw);
        isCreditLine(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps raw exactly as given', () => {
    fc.assert(fc.property(inputs, (raw) => normalizeCredit(raw).raw === raw), { numRuns: 1000 });
  });

  it('never shows an empty display for an input with visible text', () => {
    fc.assert(
      fc.property(inputs, (raw) => {
        fc.pre(raw.trim() !== '');
        expect(normalizeCredit(raw).display).not.toBe('');
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on its display', () => {
    fc.assert(
      fc.property(inputs, (raw) => {
        const once = normalizeCredit(raw).display;
        expect(normalizeCredit(once).display).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  // fast-check found it: an unlisted agency accepted after "Photo:" was left all-caps, while the display read
  // back (no prefix) made it a provider and title-cased (and acronym-shortened) it.
  it.each([
    ['Photo: Maher Maher/Handout/SOPA IMAGES, MAHER', 'Maher Maher/Sopa Images, Maher/Handout'],
    ['Photo: Sara Lindgren/CITY LIBRARY', 'Sara Lindgren/City Library'],
    // ... and shortened to its acronym like a provider.
    ['Photo: Maher Maher/City Library, Inter-Services Public Relations (ISPR) via Getty Images', 'Maher Maher/ISPR via Getty Images'],
  ])('cases an unlisted agency like a provider: %j', (raw, display) => {
    expect(normalizeCredit(raw).display).toBe(display);
    expect(normalizeCredit(display).display).toBe(display);
  });

  it('reads its own display back into the same fields (lines without a credit prefix)', () => {
    // With a prefix, some shapes exist only after it ("Photo by X for Y"): their display reads back verbatim.
    const fields = (c: Credit) => [c.photographer, c.agency, c.provider, c.via, c.handout, c.pool];
    fc.assert(
      fc.property(creditLike, (raw) => {
        fc.pre(!/^\(?(?:photo|credit|©|\(c\))/i.test(raw.trim()));
        const credit = normalizeCredit(raw);
        expect(fields(normalizeCredit(credit.display))).toEqual(fields(credit));
      }),
      { numRuns: 2000 },
    );
  });

  it('never invents a photographer from text without letters', () => {
    const noLetters = fc.string({ unit: fc.constantFrom(...'0123456789 /()©.,;:-|_!?&#'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(noLetters, (raw) => {
        const credit = normalizeCredit(raw);
        expect(credit.photographer).toBeUndefined();
        expect(credit.agency).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves no dangling or doubled slash in a structured display', () => {
    fc.assert(
      fc.property(creditLike, (raw) => {
        const credit = normalizeCredit(raw);
        fc.pre(credit.agency !== undefined || credit.photographer !== undefined);
        expect(credit.display).not.toMatch(/^\/|\/$|\/\/|\/ via /);
      }),
      { numRuns: 2000 },
    );
  });

  it('fills fields only from the input: photographer and provider words appear in raw (case aside)', () => {
    fc.assert(
      fc.property(creditLike, (raw) => {
        const credit = normalizeCredit(raw);
        for (const field of [credit.photographer, credit.provider]) {
          if (field !== undefined) expect(raw.toLowerCase()).toContain(field.toLowerCase());
        }
      }),
      { numRuns: 2000 },
    );
  });
});
