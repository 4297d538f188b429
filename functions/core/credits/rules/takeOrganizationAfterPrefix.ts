import type { CreditRule } from '../draft';
import { looksLikeOrganization, looksLikePersonName } from '../names';

/**
 * "Photo: Sara Lindgren/City Library" -> photographer "Sara Lindgren", agency "City Library": an agency
 * not in our table is accepted only after a credit prefix, photographer first, and only when it is
 * plainly an organization (a word like Library, News, Press, Ministry) while the first part is a name.
 */
export const takeOrganizationAfterPrefix: CreditRule = (draft) => {
  if (!draft.prefixed || draft.agency !== undefined || draft.photographer !== undefined || draft.segments.length !== 2) return draft;
  const [person = '', organization = ''] = draft.segments;
  if (!looksLikePersonName(person) || looksLikeOrganization(person)) return draft;
  if (!/^[\p{Lu}\p{Lo}]/u.test(organization) || !looksLikeOrganization(organization) || organization.split(' ').length > 6) return draft;
  return { ...draft, segments: [], photographer: person, agency: organization };
};
