import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { takeAgency } from '../../../functions/core/credits/rules/takeAgency';

const withSegments = (segments: string[], via?: string) => ({ ...draftOf(segments.join('/')), text: '', segments, split: true, via });

describe('takeAgency', () => {
  it.each([
    [['REUTERS', 'Maher Abou Taleb'], undefined, ['Maher Abou Taleb'], 'Reuters', undefined],
    [['Andrew Leyden', 'NurPhoto'], undefined, ['Andrew Leyden'], 'NurPhoto', undefined],
    [['AP Photo', 'Evan Vucci'], undefined, ['Evan Vucci'], 'AP', undefined],
    [['Associated Press'], undefined, [], 'AP', undefined],
    [['AFP', 'Getty Images'], undefined, [], 'AFP', 'Getty Images'],
    [['John Smith', 'AFP'], 'Getty Images', ['John Smith'], 'AFP', 'Getty Images'],
    [['Jane Doe', 'REX', 'Shutterstock'], undefined, ['Jane Doe'], 'Shutterstock', undefined],
    [['Reuters', 'Jane Doe', 'REUTERS'], undefined, ['Jane Doe'], 'Reuters', undefined],
    // A third agency has no place: it stays unclaimed, so the shape is unknown.
    [['Reuters', 'Getty Images'], 'AFP', ['Getty Images'], 'Reuters', 'AFP'],
  ])('%j (via %s) -> segments %j, agency %s, via %s', (segments, via, rest, agency, viaAfter) => {
    expect(takeAgency(withSegments(segments, via))).toMatchObject({ segments: rest, agency, via: viaAfter });
  });

  it('leaves a draft without agency segments alone', () => {
    const draft = withSegments(['Jane Doe', 'Acme News']);
    expect(takeAgency(draft)).toBe(draft);
  });
});
