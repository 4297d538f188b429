import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/normalize/credits/draft';
import { splitCourtesy } from '../../../functions/core/normalize/credits/rules/splitCourtesy';

describe('splitCourtesy', () => {
  it.each([
    ['Courtesy of NASA', 'NASA'],
    ['courtesy NASA/JPL-Caltech', 'NASA/JPL-Caltech'],
    ['Photo courtesy of the artist', 'the artist'],
    ['Image courtesy: Acme Corp', 'Acme Corp'],
    ['COURTESY OF THE WHITE HOUSE', 'THE WHITE HOUSE'],
  ])('%j -> provider %j', (before, provider) => {
    const draft = splitCourtesy(draftOf(before));
    expect(draft).toMatchObject({ text: '', provider, courtesy: true });
  });

  it.each([['Courtesy'], ['The courtesy of strangers'], ['Jane Doe/Reuters']])('%j is left alone', (before) => {
    const draft = draftOf(before);
    expect(splitCourtesy(draft)).toBe(draft);
  });
});
