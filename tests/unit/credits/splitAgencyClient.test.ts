import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { splitAgencyClient } from '../../../functions/core/credits/rules/splitAgencyClient';

const withSegments = (segments: string[]) => ({ ...draftOf(segments.join('/')), text: '', segments, split: true });

describe('splitAgencyClient', () => {
  it.each([
    [['Jemal Countess', 'Getty Images for Tribeca Festival'], ['Jemal Countess', 'Getty Images'], 'Tribeca Festival'],
    [['Getty Images for Tribeca Festival'], ['Getty Images'], 'Tribeca Festival'],
    [['JEMAL COUNTESS', 'GETTY IMAGES FOR TRIBECA FESTIVAL'], ['JEMAL COUNTESS', 'GETTY IMAGES'], 'TRIBECA FESTIVAL'],
    [['Jane Doe', 'AP for UNICEF'], ['Jane Doe', 'AP'], 'UNICEF'],
  ])('%j -> segments %j, client %j', (segments, rest, client) => {
    expect(splitAgencyClient(withSegments(segments))).toMatchObject({ segments: rest, client });
  });

  it.each([
    [['Jane Doe for The Washington Post']], // no agency before "for" (that is splitAssignment's shape)
    [['Getty Images for the festival']], // client not capitalized
    [['Getty Images']],
    [['Getty Images for A Very Long Name Of Some Event Here']],
  ])('%j is left alone', (segments) => {
    const draft = withSegments(segments);
    expect(splitAgencyClient(draft)).toBe(draft);
  });
});
