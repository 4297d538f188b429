import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { looksLikePersonName } from '../names';

// A provider of a handout is an organization: any short text that starts like a name.
const PROVIDER = /^[\p{Lu}\p{Lo}\d]/u;

/**
 * The one segment left after agencies and flags: the provider of a handout ("ISPR/Handout"), else the
 * photographer when it reads as a person's name and something vouches for the line being a credit
 * (an agency, via, pool or a "Photo:" prefix). A single word ("Stringer") counts only beside an agency.
 * Two or more unclaimed segments are left alone: the shape is not one we know.
 */
export const takePhotographerOrProvider: CreditRule = (draft) => {
  const [segment, ...others] = draft.segments;
  // An agency that found no place (a third agency) is not a person or a provider.
  if (segment === undefined || others.length > 0 || canonicalAgency(segment) !== undefined) return draft;
  if (draft.handout && draft.provider === undefined && PROVIDER.test(segment) && segment.split(' ').length <= 8) {
    return { ...draft, segments: [], provider: segment };
  }
  const vouched = draft.agency !== undefined || draft.via !== undefined || draft.pool || draft.prefixed;
  if (draft.photographer === undefined && vouched && looksLikePersonName(segment, draft.agency === undefined ? 2 : 1)) {
    return { ...draft, segments: [], photographer: segment };
  }
  return draft;
};
