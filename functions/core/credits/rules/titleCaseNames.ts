import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { titleCaseAllCaps } from '../names';

/** A one-word organization is usually an acronym ("ISPR", "NASA") and stays as written. */
function titleCaseOrganization(name: string | undefined): string | undefined {
  return name === undefined || !name.includes(' ') ? name : titleCaseAllCaps(name);
}

/**
 * "JOHN SMITH" -> "John Smith" for the photographer; "WHITE HOUSE" -> "White House" for a provider, client
 * or agency of two or more words. An agency from our table keeps its canonical spelling; one accepted from
 * the line ("Photo: Jane Doe/CITY LIBRARY") is cased like a provider, so the same organization reads the same
 * whichever role a line gives it (its display re-read without the prefix makes it a provider).
 */
export const titleCaseNames: CreditRule = (draft) => {
  const photographer = draft.photographer === undefined ? undefined : titleCaseAllCaps(draft.photographer);
  const provider = titleCaseOrganization(draft.provider);
  const client = titleCaseOrganization(draft.client);
  const agency = draft.agency === undefined || canonicalAgency(draft.agency) === draft.agency ? draft.agency : titleCaseOrganization(draft.agency);
  if (photographer === draft.photographer && provider === draft.provider && client === draft.client && agency === draft.agency) return draft;
  return { ...draft, photographer, provider, client, agency };
};
