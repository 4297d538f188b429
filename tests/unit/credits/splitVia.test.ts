import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { splitVia } from '../../../functions/core/credits/rules/splitVia';

describe('splitVia', () => {
  it.each([
    ['JOHN SMITH/AFP via Getty Images', 'JOHN SMITH/AFP', 'Getty Images'],
    ['Inter-Services Public Relations (ISPR)/Handout via REUTERS', 'Inter-Services Public Relations (ISPR)/Handout', 'Reuters'],
    ['Pool via REUTERS', 'Pool', 'Reuters'],
    ['via Reuters', '', 'Reuters'],
    ['Handout VIA Reuters', 'Handout', 'Reuters'],
    ['Jane Doe via Instagram', 'Jane Doe', 'Instagram'],
    ['Pool via dpa', 'Pool', 'dpa'],
    ['Social Media/via REUTERS', 'Social Media', 'Reuters'],
    ['Reuters TV / via REUTERS', 'Reuters TV', 'Reuters'],
    // The last "via" names the distributor.
    ['A via B via Reuters', 'A via B', 'Reuters'],
  ])('%j -> text %j, via %j', (before, text, via) => {
    const draft = splitVia(draftOf(before));
    expect([draft.text, draft.via]).toEqual([text, via]);
  });

  it.each([
    ['Refugees arrive via boat'], // not a name after "via"
    ['Jane Doe/Reuters'],
    ['Viacom/Reuters'],
    ['Sent via the Port of Long Beach Authority Press Office Team'], // too long to be a distributor
    ['Handout via Reuters/Jane Doe'], // a slash after "via": not a distributor
  ])('%j is left alone', (before) => {
    const draft = draftOf(before);
    expect(splitVia(draft)).toBe(draft);
  });
});
