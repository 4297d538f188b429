import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { splitCourtesy } from '../../../functions/core/credits/rules/splitCourtesy';

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

  // fast-check found it: the flags after the provider were read as part of it when the display was read back.
  it.each([
    ['Courtesy of Maher Maher Maher | Handout photo / File Photo/ Handout photo', 'Maher Maher Maher', 'Handout photo/File Photo/Handout photo'],
    ['Courtesy of the White House/Handout', 'the White House', 'Handout'],
    ['Photo courtesy of Acme Corp / Pool', 'Acme Corp', 'Pool'],
  ])('%j -> provider %j, flags %j left for the flag rules', (before, provider, text) => {
    expect(splitCourtesy(draftOf(before))).toMatchObject({ text, provider, courtesy: true });
  });

  it.each([['Courtesy'], ['The courtesy of strangers'], ['Jane Doe/Reuters']])('%j is left alone', (before) => {
    const draft = draftOf(before);
    expect(splitCourtesy(draft)).toBe(draft);
  });
});
