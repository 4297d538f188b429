import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

const NAME_WITH_ACRONYM = /^.+?\s*\(([\p{Lu}][\p{Lu}\d&.-]{1,9})\)$/u;

const acronymOf = (name: string | undefined): string | undefined => (name === undefined ? undefined : NAME_WITH_ACRONYM.exec(name)?.[1]);

/**
 * "Inter-Services Public Relations (ISPR)" -> "ISPR": the acronym is how the organization is credited;
 * the long name stays in `raw`. Applies to a provider and to an agency not in our table (accepted after a
 * "Photo:" prefix): the same organization is shortened whichever role the line gives it, so a display read
 * back (where it becomes a provider) reads the same.
 */
export const shortenOrganizationToAcronym: CreditRule = (draft) => {
  const provider = acronymOf(draft.provider);
  const unlisted = draft.agency !== undefined && canonicalAgency(draft.agency) !== draft.agency;
  const agency = unlisted ? acronymOf(draft.agency) : undefined;
  if (provider === undefined && agency === undefined) return draft;
  return { ...draft, provider: provider ?? draft.provider, agency: agency ?? draft.agency };
};
