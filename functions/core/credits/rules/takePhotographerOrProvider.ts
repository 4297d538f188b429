import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { looksLikeOrganization, looksLikePeopleNames, looksLikePersonName } from '../names';

// A provider is an organization or a source: any short text that starts like a name.
const PROVIDER = /^[\p{Lu}\p{Lo}\d]/u;

/**
 * The one segment left after agencies and flags: the provider when the picture is a handout or the
 * segment names an organization or source ("ISPR/Handout", "Social Media/via REUTERS"), else the
 * photographer when it reads as a person's name and something vouches for the line being a credit
 * (an agency, via, pool or a "Photo:" prefix). A single word ("Stringer") counts only beside an agency.
 * Two or more unclaimed segments are left alone: the shape is not one we know.
 */
export const takePhotographerOrProvider: CreditRule = (draft) => {
  // Indexing, not `[segment, ...others]`: a rest pattern builds an array through the iterator on every credit line.
  const segment = draft.segments[0];
  // An agency that found no place (a third agency) is not a person or a provider.
  if (segment === undefined || draft.segments.length > 1 || canonicalAgency(segment) !== undefined) return draft;
  const vouched = draft.agency !== undefined || draft.via !== undefined || draft.pool || draft.prefixed;
  const provider = PROVIDER.test(segment) && segment.split(' ').length <= 8;
  // Asked at most once (both branches below may need it); all three checks are pure, so order does not matter.
  let organization: boolean | undefined;
  if (provider && draft.provider === undefined && (draft.handout || (vouched && (organization = looksLikeOrganization(segment))))) {
    return { ...draft, segments: [], provider: segment };
  }
  if (draft.photographer !== undefined || !vouched) return draft;
  const person = looksLikePersonName(segment, draft.agency === undefined ? 2 : 1) || looksLikePeopleNames(segment);
  if (person && !(organization ?? looksLikeOrganization(segment))) {
    return { ...draft, segments: [], photographer: segment };
  }
  return draft;
};
