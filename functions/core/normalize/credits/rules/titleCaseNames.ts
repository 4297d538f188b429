import type { CreditRule } from '../draft';
import { titleCaseAllCaps } from '../names';

/** A one-word organization is usually an acronym ("ISPR", "NASA") and stays as written. */
function titleCaseOrganization(name: string | undefined): string | undefined {
  return name === undefined || !name.includes(' ') ? name : titleCaseAllCaps(name);
}

/**
 * "JOHN SMITH" -> "John Smith" for the photographer; "WHITE HOUSE" -> "White House" for a provider or
 * client of two or more words.
 */
export const titleCaseNames: CreditRule = (draft) => {
  const photographer = draft.photographer === undefined ? undefined : titleCaseAllCaps(draft.photographer);
  const provider = titleCaseOrganization(draft.provider);
  const client = titleCaseOrganization(draft.client);
  if (photographer === draft.photographer && provider === draft.provider && client === draft.client) return draft;
  return { ...draft, photographer, provider, client };
};
