import type { CreditRule } from '../draft';

const COURTESY = /^(?:((?:photo|image|picture)s?)\s+)?courtesy(\s+of)?\s*(:)?\s+(\S.*)$/iu;
// Without "of", a label or a colon, "Courtesy X" is a credit only when X reads as a name: a capital
// first, a few words. "Courtesy visits to the ministry were cancelled." is a sentence, left verbatim.
const NAMED = /^[\p{Lu}\p{Lt}\p{Lo}\d]/u;
const MAX_BARE_WORDS = 6;
const MAX_PROVIDER_WORDS = 10;
const CLAUSE = /,\s+\p{Ll}/u;

/** "Courtesy of NASA", "Photo courtesy of the artist" -> provider, courtesy; the rest of the line is the provider. */
export const splitCourtesy: CreditRule = (draft) => {
  const match = COURTESY.exec(draft.text);
  const provider = match?.[4]?.trim();
  if (match === null || provider === undefined) return draft;
  const marked = match[1] !== undefined || match[2] !== undefined || match[3] !== undefined || draft.prefixed;
  const words = provider.split(' ').length;
  if (!marked && (!NAMED.test(provider) || words > MAX_BARE_WORDS)) return draft;
  // "Courtesy of the weather, the match was postponed, officials said.": a clause after a comma, or a
  // provider longer than any organisation's name, is a sentence, not a credit.
  if (words > MAX_PROVIDER_WORDS || CLAUSE.test(provider)) return draft;
  return { ...draft, text: '', provider, courtesy: true };
};
