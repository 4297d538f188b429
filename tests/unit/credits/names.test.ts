import { describe, expect, it } from 'vitest';
import { looksLikeOrganization, looksLikePersonName, titleCaseAllCaps } from '../../../functions/core/credits/names';

describe('titleCaseAllCaps', () => {
  it.each([
    ['JOHN SMITH', 'John Smith'],
    ['MAHER ABOU TALEB', 'Maher Abou Taleb'],
    ['JEAN-PIERRE DUPONT', 'Jean-Pierre Dupont'],
    ["O'BRIEN", "O'Brien"],
    ['MCDONALD', 'McDonald'],
    ['MACDONALD', 'Macdonald'],
    ['DJ KHALED', 'DJ Khaled'],
    ['JOHN SMITH II', 'John Smith II'],
    ['JOHN SMITH III', 'John Smith III'],
    ['J. SMITH', 'J. Smith'],
    ['J.R. SMITH', 'J.R. Smith'],
    ['LI WEI', 'Li Wei'],
    ['AL-SHAMI', 'Al-Shami'],
    ['ÉMILE ZOLA', 'Émile Zola'],
    ['ÖZGÜR ÖZDEMİR', 'Özgür Özdemir'],
    ['ΓΙΑΝΝΗΣ ΚΕΜΜΟΣ', 'Γιαννης Κεμμος'],
    ['John SMITH', 'John SMITH'], // has lower case: left as written
    ['McDonald', 'McDonald'],
    ['12', '12'],
  ])('%j -> %j', (before, after) => {
    expect(titleCaseAllCaps(before)).toBe(after);
  });
});

describe('looksLikePersonName', () => {
  it.each([
    ['Maher Abou Taleb', 2, true],
    ['Ana de Armas', 2, true],
    ["Jean-Pierre O'Brien", 2, true],
    ['J.R. Smith', 2, true],
    ['JOHN SMITH', 2, true],
    ['李 伟', 2, true],
    ['Stringer', 1, true],
    ['Stringer', 2, false],
    ['the author', 2, false],
    ['de Armas', 2, false], // a particle cannot start the name
    ['Jane Doe 2', 2, false],
    ['Jane (Doe)', 2, false],
    ['A B C D E F', 2, false],
    ['', 1, false],
  ])('%j (min %i words) -> %s', (text, minWords, expected) => {
    expect(looksLikePersonName(text, minWords)).toBe(expected);
  });
});

describe('looksLikeOrganization', () => {
  it.each([
    ['City Library', true],
    ['Israeli Army', true],
    ['Social Media', true],
    ['Reuters TV', true],
    ['The Daily Ledger', true],
    ['Ministry of Defence', true],
    ['Maher Abou Taleb', false],
    ['Jane Doe', false],
    ['ISPR', true],
    ['STR', true],
    ['Mediaset Smith', false], // whole words only
    ['STRINGER', false],
    ['Li', false],
  ])('%j -> %s', (text, expected) => {
    expect(looksLikeOrganization(text)).toBe(expected);
  });
});
