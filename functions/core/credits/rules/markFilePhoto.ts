import type { CreditRule } from '../draft';

const FILE_PHOTO = /^file(?:\s+(?:photos?|pictures?|images?))?$/iu;

/** "REUTERS/Jane Doe/File Photo" -> the segment "File Photo" becomes the filePhoto flag. */
export const markFilePhoto: CreditRule = (draft) => {
  const segments: string[] = [];
  for (const segment of draft.segments) if (!FILE_PHOTO.test(segment)) segments.push(segment);
  if (segments.length === draft.segments.length) return draft;
  return { ...draft, segments, filePhoto: true };
};
