import type { CreditRule } from '../draft';

const COURTESY = /^(?:(?:photo|image|picture)s?\s+)?courtesy(?:\s+of)?\s*:?\s+(\S.*)$/iu;

/** "Courtesy of NASA", "Photo courtesy of the artist" -> provider, courtesy; the rest of the line is the provider. */
export const splitCourtesy: CreditRule = (draft) => {
  const provider = COURTESY.exec(draft.text)?.[1]?.trim();
  if (provider === undefined) return draft;
  return { ...draft, text: '', provider, courtesy: true };
};
