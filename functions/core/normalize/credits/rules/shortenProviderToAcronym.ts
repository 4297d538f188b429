import type { CreditRule } from '../draft';

const NAME_WITH_ACRONYM = /^.+?\s*\(([\p{Lu}][\p{Lu}\d&.-]{1,9})\)$/u;

/**
 * "Inter-Services Public Relations (ISPR)" -> "ISPR": the acronym is how the provider is credited
 * (the issue asks for "provider ISPR"); the long name stays in `raw`.
 */
export const shortenProviderToAcronym: CreditRule = (draft) => {
  const acronym = draft.provider === undefined ? undefined : NAME_WITH_ACRONYM.exec(draft.provider)?.[1];
  return acronym === undefined ? draft : { ...draft, provider: acronym };
};
