import type { CreditRule } from '../draft';
import { titleCaseAllCaps } from '../names';

/**
 * "JOHN SMITH" -> "John Smith" for the photographer, and for a provider of two or more words
 * ("WHITE HOUSE" -> "White House"). A one-word provider is usually an acronym ("ISPR") and stays.
 */
export const titleCaseNames: CreditRule = (draft) => {
  const photographer = draft.photographer === undefined ? undefined : titleCaseAllCaps(draft.photographer);
  const provider = draft.provider === undefined || !draft.provider.includes(' ') ? draft.provider : titleCaseAllCaps(draft.provider);
  if (photographer === draft.photographer && provider === draft.provider) return draft;
  return { ...draft, photographer, provider };
};
