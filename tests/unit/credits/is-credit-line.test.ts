import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCreditLine } from '../../../functions/core/credits/index';

// The seed scrape (content/000_47caeb000f8095de.txt, byte-identical to the original seed).
const SEED = 'content/000_47caeb000f8095de.txt';
const SEED_CREDITS = ['REUTERS/Maher Abou Taleb', 'Andrew Leyden/NurPhoto', 'REUTERS/Stephane Mahe', 'Inter-Services Public Relations (ISPR)/Handout via REUTERS'];

describe('isCreditLine on the seed scrape', () => {
  const lines = readFileSync(SEED, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');

  it('reads the whole seed (title, captions, credits, body, boilerplate)', () => {
    expect(lines.length).toBeGreaterThan(15);
    expect(lines).toEqual(expect.arrayContaining(SEED_CREDITS));
  });

  it('finds exactly the credit lines of the seed, in order', () => {
    expect(lines.filter(isCreditLine)).toEqual(SEED_CREDITS);
  });

  it.each(lines.map((line) => [line.slice(0, 70), line] as const))('%s', (_short, line) => {
    expect(isCreditLine(line)).toBe(SEED_CREDITS.includes(line));
  });
});

describe('isCreditLine on other lines', () => {
  it.each([
    ['Photo: Jane Doe/AFP', true],
    ['Photo: Jane Doe', true],
    ['(AP Photo/Evan Vucci)', true],
    ['Getty Images', true],
    ['JOHN SMITH/AFP via Getty Images', true],
    ['Credit: Jane Doe/Getty Images', true],
    ['Pool via REUTERS', true],
    ['Handout', true],
    ['Courtesy of NASA', true],
    ['© Reuters', true],
    ['Photo by Jane Doe for The Washington Post', true],
    ['US pushes for cease-fire as Israel escalates fight against Hezbollah', false],
    ['Biden Pushes for Cease-Fire', false],
    ['More from GZERO Media', false],
    ['Reuters reported the strike on Tuesday.', false],
    ['Rescuers work at a site damaged in Sohmor, Reuters', false],
    ['Photo: a man walks his dog through the rain in central London on Monday, October 3.', false],
    ['Jane Doe', false],
    ['The author', false],
    ['', false],
    ['   ', false],
    ['Photo:', false],
    // Header lines that name the image file are not credits.
    ['Image: 010_harbour.png', false],
    ['Image: https://images.example.org/2026/01/election-night.jpg', false],
    // Credit lines from the sample content.
    ['Credit: AP Photo/Maria Gonzalez', true],
    ['Ludovic Marin/AFP via Getty Images', true],
    ['Handout via REUTERS', true],
    ['Pool/Reuters', true],
    ['Photo: Sara Lindgren/City Library', true],
    ['The ministry also extended a ban on filling private swimming pools to the whole region.', false],
    [`REUTERS/${'Jane Doe '.repeat(20)}`, false],
  ])('%j -> %s', (line, expected) => {
    expect(isCreditLine(line)).toBe(expected);
  });
});
