import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { markFilePhoto } from '../../../functions/core/credits/rules/markFilePhoto';

const withSegments = (segments: string[]) => ({ ...draftOf(segments.join('/')), text: '', segments, split: true });

describe('markFilePhoto', () => {
  it.each([
    [['REUTERS', 'Jane Doe', 'File Photo'], ['REUTERS', 'Jane Doe']],
    [['REUTERS', 'Jane Doe', 'FILE PHOTO'], ['REUTERS', 'Jane Doe']],
    [['Jane Doe', 'Reuters', 'File'], ['Jane Doe', 'Reuters']],
    [['File picture', 'AP'], ['AP']],
  ])('%j -> segments %j, filePhoto', (segments, rest) => {
    expect(markFilePhoto(withSegments(segments))).toMatchObject({ segments: rest, filePhoto: true });
  });

  it.each([[['Jane Doe', 'Reuters']], [['Files', 'Reuters']], [['File Photo of the day']]])('%j is left alone', (segments) => {
    const draft = withSegments(segments);
    expect(markFilePhoto(draft)).toBe(draft);
  });
});
