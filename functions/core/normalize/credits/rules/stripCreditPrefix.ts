import type { CreditRule } from '../draft';

// "©", "(c)", "Copyright", optionally followed by a year or a year range.
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\b)?\s*[:,-]?\s*/iu;
// "Photo:", "Photo by", "Photograph by", "Image credit:", "Credit:", "Staff photo by"...
const LABEL =
  /^(?:(?:staff\s+)?(?:photo(?:graph|graphy|grapher)?s?|images?|pictures?|pics?)(?:\s+credits?)?|credits?)\s*(?:by\b|:|\s-\s)\s*/iu;

/** Strips one credit prefix ("Photo: ", "Credit:", "Photo by", "©", "(c) 2024"); marks the draft prefixed. */
export const stripCreditPrefix: CreditRule = (draft) => {
  const match = COPYRIGHT.exec(draft.text) ?? LABEL.exec(draft.text);
  if (match === null || match[0] === '') return draft;
  return { ...draft, text: draft.text.slice(match[0].length).trim(), prefixed: true };
};
