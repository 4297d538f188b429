import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { splitAssignment } from '../../../functions/core/credits/rules/splitAssignment';

const prefixed = (text: string) => ({ ...draftOf(text), prefixed: true });

describe('splitAssignment', () => {
  it.each([
    ['Jane Doe for The Washington Post', 'Jane Doe', 'The Washington Post'],
    ['JANE DOE for The New York Times', 'Jane Doe', 'The New York Times'],
    ['Jane Doe for Reuters', 'Jane Doe', 'Reuters'],
    ['Jane Doe for REUTERS', 'Jane Doe', 'Reuters'],
  ])('after a prefix, %j -> photographer %j, agency %j', (text, photographer, agency) => {
    expect(splitAssignment(prefixed(text))).toMatchObject({ text: '', photographer, agency, assignment: true });
  });

  it.each([
    [draftOf('Jane Doe for The Washington Post')], // no prefix: "Biden Pushes for Cease-Fire" would match
    [prefixed('the author for The Washington Post')], // not a name
    [prefixed('Jane Doe for the paper')], // publication not capitalized
    [prefixed('Jane Doe for The Washington Post Sunday Magazine Weekend Edition')], // too long
    [prefixed('Jane Doe/Reuters')],
    [prefixed('Zuma Wire for The Washington Post')], // an agency's client, not a person's assignment
  ])('%j is left alone', (draft) => {
    expect(splitAssignment(draft)).toBe(draft);
  });
});
