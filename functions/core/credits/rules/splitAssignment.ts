import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { looksLikePersonName, titleCaseAllCaps } from '../names';

const FOR = /^(.+?)\s+for\s+([\p{Lu}\p{Lo}][^/]*)$/u;

/**
 * "Photo by Jane Doe for The Washington Post" -> photographer "Jane Doe", agency "The Washington Post",
 * assignment. Only after a credit prefix: without one, "Biden Pushes for Cease-Fire" would be a credit.
 */
export const splitAssignment: CreditRule = (draft) => {
  if (!draft.prefixed) return draft;
  const match = FOR.exec(draft.text);
  const person = match?.[1];
  const publication = match?.[2]?.trim();
  if (person === undefined || publication === undefined) return draft;
  // "Photo by Getty Images for Tribeca" is an agency's client, not a person's assignment (splitAgencyClient).
  if (!looksLikePersonName(person) || canonicalAgency(person) !== undefined || publication.split(' ').length > 6) return draft;
  return {
    ...draft,
    text: '',
    photographer: titleCaseAllCaps(person),
    agency: canonicalAgency(publication) ?? publication,
    assignment: true,
  };
};
