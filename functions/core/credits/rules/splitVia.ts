import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

// "via" after a space or a slash: "Social Media/via REUTERS" is Reuters' own spelling.
const VIA_WORD = /(?:^|[\s/])via\s+/giu;
// What every VIA_WORD match contains (same flags), found in one test.
const VIA_ANYWHERE = /via\s/iu;
// A distributor is a known agency ("dpa" is lower case), or reads as a name: a capital first, no slash, a few words.
const DISTRIBUTOR = /^[\p{Lu}\p{Lo}\d][^/]*$/u;

/** "JOHN SMITH/AFP via Getty Images" -> via "Getty Images", text "JOHN SMITH/AFP". The last "via" wins. */
export const splitVia: CreditRule = (draft) => {
  // Most credits have no "via" at all: settled without the match iterator.
  if (!VIA_ANYWHERE.test(draft.text)) return draft;
  const last = [...draft.text.matchAll(VIA_WORD)].at(-1);
  if (last === undefined) return draft;
  const distributor = draft.text.slice(last.index + last[0].length).trim();
  const agency = canonicalAgency(distributor);
  if (agency === undefined && (!DISTRIBUTOR.test(distributor) || distributor.split(' ').length > 5)) return draft;
  return { ...draft, text: draft.text.slice(0, last.index).replace(/\s*\/$/u, '').trim(), via: agency ?? distributor };
};
