import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampSummary, countWords, readingTimeMinutes, readingTimeOfCleanParagraphs } from '../../../functions/core/normalize/rules/summary';
import { cleanParagraphs } from '../../../functions/core/normalize/rules/text';

describe('clampSummary', () => {
  it('keeps a summary of 300 chars or less as is', () => {
    const text = 'x'.repeat(300);
    expect(clampSummary(text)).toBe(text);
    expect(clampSummary('Short one.')).toBe('Short one.');
  });

  it('cuts a longer one at a word boundary and adds an ellipsis', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' '); // "word0 word1 ..."
    const out = clampSummary(words);
    expect(out.length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
    expect(words.startsWith(out.slice(0, -1))).toBe(true);
    expect(words[out.length - 1]).toBe(' '); // the cut was at a space
  });

  it('drops a dangling comma or dash before the ellipsis', () => {
    const text = `${'a'.repeat(290)} bb, cccccccccccccccc`;
    expect(clampSummary(text)).toBe(`${'a'.repeat(290)} bb…`);
  });

  it('cuts hard inside one very long word', () => {
    const out = clampSummary('z'.repeat(400));
    expect(out).toBe(`${'z'.repeat(299)}…`);
  });

  it('is idempotent', () => {
    const once = clampSummary(`${'lorem ipsum '.repeat(40)}`);
    expect(clampSummary(once)).toBe(once);
  });
});

describe('readingTimeMinutes: max(1, round(words / 230))', () => {
  it.each([
    [0, 1], [100, 1], [344, 1], [345, 2], [460, 2], [1000, 4], [2300, 10],
  ])('%i words -> %i min', (words, minutes) => expect(readingTimeMinutes(Array(words).fill('w').join(' \n'))).toBe(minutes));
});

describe('countWords', () => {
  it.each([
    ['', 0], ['one', 1], ['  one  two ', 2], ['a\n\nb c', 3], ['“quoted” – dash', 3], ['über café', 2], ['🌍 x', 2],
  ])('%j -> %i', (text, words) => expect(countWords(text)).toBe(words));
});

describe('readingTimeOfCleanParagraphs', () => {
  const piece = fc.constantFrom('word', ' ', '  ', '\t', '\n', '\u00A0', '\u0001', '\u0085', '’', '😀', 'x');
  const paragraph = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
  it('is readingTimeMinutes of the cleaned paragraphs joined as contentText', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 6 }), fc.integer({ min: 0, max: 3 }), (raw, repeat) => {
        // Repeating the paragraphs reaches word counts around the rounding edges (115, 345... words).
        const paragraphs = cleanParagraphs(Array.from({ length: 1 + repeat * 40 }, () => raw).flat());
        expect(readingTimeOfCleanParagraphs(paragraphs)).toBe(readingTimeMinutes(paragraphs.join('\n\n')));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([114, 115, 344, 345])('%i one-word-per-space words', (count) => {
    const paragraphs = [Array.from({ length: count }, () => 'w').join(' ')];
    expect(readingTimeOfCleanParagraphs(paragraphs)).toBe(Math.max(1, Math.round(count / 230)));
  });
});
