import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { stripTrailingPunctuation } from '../../../functions/core/credits/rules/stripTrailingPunctuation';

describe('stripTrailingPunctuation', () => {
  it.each([
    ['Maher Abou Taleb/Reuters.', 'Maher Abou Taleb/Reuters'],
    ['Maher Abou Taleb/Reuters;', 'Maher Abou Taleb/Reuters'],
    ['Reuters, .', 'Reuters'],
    ['Photo:', 'Photo'],
    ['John Smith Jr./AP', 'John Smith Jr./AP'],
    ['Photo: John Smith Jr.', 'Photo: John Smith Jr.'],
    ['Jane Q.', 'Jane Q.'],
    ['AP/J.', 'AP/J.'],
    ['Reuters...', 'Reuters'],
    ['Reuters', 'Reuters'],
    ['...', ''],
  ])('%j -> %j', (before, after) => {
    expect(stripTrailingPunctuation(draftOf(before)).text).toBe(after);
  });

  it('returns the same draft when nothing changes', () => {
    const draft = draftOf('Reuters');
    expect(stripTrailingPunctuation(draft)).toBe(draft);
  });
});
