import { describe, expect, it } from 'vitest';
import { clampSummary, countWords, readingTimeMinutes } from '../../../functions/core/normalize/rules/summary';

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
