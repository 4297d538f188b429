import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { splitSegments } from '../../../functions/core/credits/rules/splitSegments';

describe('splitSegments', () => {
  it.each([
    ['REUTERS/Maher Abou Taleb', ['REUTERS', 'Maher Abou Taleb']],
    ['REUTERS / Maher Abou Taleb', ['REUTERS', 'Maher Abou Taleb']],
    ['REUTERS /Maher Abou Taleb/ Pool', ['REUTERS', 'Maher Abou Taleb', 'Pool']],
    ['Jane Doe | Reuters', ['Jane Doe', 'Reuters']],
    ['REUTERS//Jane Doe/', ['REUTERS', 'Jane Doe']],
    ['Jane Doe, Reuters', ['Jane Doe', 'Reuters']],
    ['Jane Doe, The Associated Press', ['Jane Doe', 'The Associated Press']],
    // A comma splits only before an agency: captions are full of commas.
    ['Handout, Reuters/AP', ['Handout', 'Reuters', 'AP']],
    ['Jane Doe, Reuters, AFP', ['Jane Doe', 'Reuters', 'AFP']],
    ['Washington, D.C., USA', ['Washington, D.C., USA']],
    ['Doe, Jane', ['Doe, Jane']],
    ['Getty Images', ['Getty Images']],
    ['', []],
  ])('%j -> %j', (before, segments) => {
    const draft = splitSegments(draftOf(before));
    expect(draft).toMatchObject({ text: '', segments, split: true });
  });
});
