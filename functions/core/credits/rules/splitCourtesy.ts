import type { CreditRule } from '../draft';

const COURTESY = /^(?:((?:photo|image|picture)s?)\s+)?courtesy(\s+of)?\s*(:)?\s+(\S.*)$/iu;
// Without "of", a label or a colon, "Courtesy X" is a credit only when X reads as a name: a capital
// first, a few words. "Courtesy visits to the ministry were cancelled." is a sentence, left verbatim.
const NAMED = /^[\p{Lu}\p{Lt}\p{Lo}\d]/u;
const MAX_BARE_WORDS = 6;
const MAX_PROVIDER_WORDS = 10;
const CLAUSE = /,\s+\p{Ll}/u;
// "Courtesy of X/Handout/File Photo": trailing flag segments are not part of the provider; they are left
// as text for the flag rules, as the display writes them after the provider.
const SEPARATOR = /\s*[/|]\s*/gu;
const FLAG_SEGMENT = /^(?:handout|pool|file)(?:\s+(?:photos?|images?|pictures?))?$/iu;

/** Splits trailing flag segments off, keeping the provider as written: one pass, no backtracking. */
function withoutTrailingFlags(text: string): { provider: string; flags: string } {
  const cuts = [...text.matchAll(SEPARATOR)].map((m) => ({ from: m.index, to: m.index + m[0].length }));
  let provider = text;
  const flags: string[] = [];
  for (let i = cuts.length - 1; i >= 0; i--) {
    const cut = cuts[i]!;
    const segment = text.slice(cut.to, cuts[i + 1]?.from ?? text.length);
    if (!FLAG_SEGMENT.test(segment)) break;
    flags.unshift(segment);
    provider = text.slice(0, cut.from);
  }
  return { provider, flags: flags.join('/') };
}

/** "Courtesy of NASA", "Photo courtesy of the artist" -> provider, courtesy; the rest of the line is the provider. */
export const splitCourtesy: CreditRule = (draft) => {
  const match = COURTESY.exec(draft.text);
  const rest = match?.[4]?.trim();
  if (match === null || rest === undefined) return draft;
  const { provider, flags } = withoutTrailingFlags(rest);
  const marked = match[1] !== undefined || match[2] !== undefined || match[3] !== undefined || draft.prefixed;
  const words = provider.split(' ').length;
  if (!marked && (!NAMED.test(provider) || words > MAX_BARE_WORDS)) return draft;
  // "Courtesy of the weather, the match was postponed, officials said.": a clause after a comma, or a
  // provider longer than any organisation's name, is a sentence, not a credit.
  if (words > MAX_PROVIDER_WORDS || CLAUSE.test(provider)) return draft;
  return { ...draft, text: flags, provider, courtesy: true };
};
