import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { looksLikeOrganization, looksLikePersonName } from '../names';

/**
 * "Jane Doe/Ukrainian Presidential Press Service/Handout via REUTERS": a handout (or a credit with an agency
 * or a via) naming a person and an organization -> photographer and provider, in either order.
 * Only when exactly one of the two reads as a person and the other plainly as an organization.
 */
export const takePhotographerAndProvider: CreditRule = (draft) => {
  if (draft.segments.length !== 2 || draft.photographer !== undefined || draft.provider !== undefined) return draft;
  // A prefix alone does not vouch: "Photo: City Library/Sara Lindgren" stays an unknown shape.
  if (!draft.handout && draft.agency === undefined && draft.via === undefined) return draft;
  const [a = '', b = ''] = draft.segments;
  if (canonicalAgency(a) !== undefined || canonicalAgency(b) !== undefined) return draft;
  const isPerson = (text: string): boolean => looksLikePersonName(text) && !looksLikeOrganization(text);
  const isOrganization = (text: string): boolean => /^[\p{Lu}\p{Lo}\d]/u.test(text) && looksLikeOrganization(text) && text.split(' ').length <= 8;
  if (isPerson(a) && isOrganization(b)) return { ...draft, segments: [], photographer: a, provider: b };
  if (isOrganization(a) && isPerson(b)) return { ...draft, segments: [], photographer: b, provider: a };
  return draft;
};
