import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { markHandoutAndPool } from '../../../functions/core/credits/rules/markHandoutAndPool';

const withSegments = (segments: string[]) => ({ ...draftOf(segments.join('/')), text: '', segments, split: true });

describe('markHandoutAndPool', () => {
  it.each([
    [['Inter-Services Public Relations (ISPR)', 'Handout'], ['Inter-Services Public Relations (ISPR)'], true, false],
    [['HANDOUT'], [], true, false],
    [['Handout photo'], [], true, false],
    [['REUTERS', 'Evelyn Hockstein', 'Pool'], ['REUTERS', 'Evelyn Hockstein'], false, true],
    [['Pool Photo'], [], false, true],
    [['pool'], [], false, true],
    [['Jane Doe', 'AFP Pool'], ['Jane Doe', 'AFP'], false, true],
    [['Reuters Handout'], ['Reuters'], true, false],
    [['Pool', 'Handout'], [], true, true],
  ])('%j -> segments %j, handout %s, pool %s', (segments, rest, handout, pool) => {
    expect(markHandoutAndPool(withSegments(segments))).toMatchObject({ segments: rest, handout, pool });
  });

  it.each([[['Whirlpool']], [['Pool party']], [['Motor Pool', 'Jane Doe']], [['Handouts']], [['Reuters', 'Jane Doe']]])(
    '%j is left alone (Pool is a flag, not an agency, and only as its own word)',
    (segments) => {
      const draft = withSegments(segments);
      expect(markHandoutAndPool(draft)).toBe(draft);
    },
  );
});
