import type { CreditRule } from '../draft';
import { looksLikePersonName } from '../names';

// Words that name an organization, not a person: "City Library", "The Daily Ledger", "Ministry of Defence".
const ORGANIZATION_WORD =
  /\b(?:agency|archives?|army|bureau|center|centre|collection|college|council|department|foundation|gallery|government|group|images|institute|library|magazine|media|ministry|museum|news|office|photos|police|post|press|service|society|studios?|times|tribune|university|herald|ledger|journal|gazette|daily|weekly|observer|guardian|telegraph|chronicle)\b/iu;

/**
 * "Photo: Sara Lindgren/City Library" -> photographer "Sara Lindgren", agency "City Library": an agency
 * not in our table is accepted only after a credit prefix, photographer first, and only when it is
 * plainly an organization (a word like Library, News, Press, Ministry) while the first part is a name.
 */
export const takeOrganizationAfterPrefix: CreditRule = (draft) => {
  if (!draft.prefixed || draft.agency !== undefined || draft.photographer !== undefined || draft.segments.length !== 2) return draft;
  const [person = '', organization = ''] = draft.segments;
  if (!looksLikePersonName(person) || ORGANIZATION_WORD.test(person)) return draft;
  if (!/^[\p{Lu}\p{Lo}]/u.test(organization) || !ORGANIZATION_WORD.test(organization) || organization.split(' ').length > 6) return draft;
  return { ...draft, segments: [], photographer: person, agency: organization };
};
