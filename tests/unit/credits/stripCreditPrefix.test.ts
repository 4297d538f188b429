import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { stripCreditPrefix } from '../../../functions/core/credits/rules/stripCreditPrefix';

describe('stripCreditPrefix', () => {
  it.each([
    ['Photo: Jane Doe/AFP', 'Jane Doe/AFP'],
    ['PHOTO:Jane Doe', 'Jane Doe'],
    ['Photos: Jane Doe', 'Jane Doe'],
    ['Photo by Jane Doe', 'Jane Doe'],
    ['photograph by Jane Doe', 'Jane Doe'],
    ['Photography: Jane Doe', 'Jane Doe'],
    ['Photographer: Jane Doe', 'Jane Doe'],
    ['Image: Getty Images', 'Getty Images'],
    ['Image credit: Getty Images', 'Getty Images'],
    ['Photo credit: Jane Doe', 'Jane Doe'],
    ['Picture: Jane Doe', 'Jane Doe'],
    ['Credit: Reuters', 'Reuters'],
    ['Credits: Reuters', 'Reuters'],
    ['Staff photo by Jane Doe', 'Jane Doe'],
    ['Photo - Jane Doe', 'Jane Doe'],
    ['© Reuters', 'Reuters'],
    ['©Reuters', 'Reuters'],
    ['(c) Reuters', 'Reuters'],
    ['(C) 2024 Reuters', 'Reuters'],
    ['© 2019-2024 Jane Doe', 'Jane Doe'],
    ['Copyright 2024 Getty Images', 'Getty Images'],
    ['Copyright: Jane Doe', 'Jane Doe'],
  ])('%j -> %j (prefixed)', (before, after) => {
    const draft = stripCreditPrefix(draftOf(before));
    expect(draft.text).toBe(after);
    expect(draft.prefixed).toBe(true);
  });

  it.each([
    ['Photographs show the damage'],
    ['Photo courtesy of NASA'],
    ['Photo-op at the White House'],
    ['Pictured: the mayor'],
    ['Credit Suisse shares fell'],
    ['Copyrighted material'],
    ['REUTERS/Maher Abou Taleb'],
  ])('%j is left alone', (before) => {
    const draft = draftOf(before);
    expect(stripCreditPrefix(draft)).toBe(draft);
  });
});
