import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

const AGENCY_FOR_CLIENT = /^(.+?)\s+(?:for|FOR)\s+([\p{Lu}\p{Lo}\d].*)$/u;

/**
 * "Jemal Countess/Getty Images for Tribeca Festival": an agency segment followed by "for X" -> the
 * agency segment alone, client "Tribeca Festival" (who commissioned the shoot). Only after a known agency.
 */
export const splitAgencyClient: CreditRule = (draft) => {
  if (draft.client !== undefined) return draft;
  let index = -1;
  for (let i = 0; i < draft.segments.length && index < 0; i++) {
    if (canonicalAgency(AGENCY_FOR_CLIENT.exec(draft.segments[i]!)?.[1] ?? '') !== undefined) index = i;
  }
  const match = index < 0 ? null : AGENCY_FOR_CLIENT.exec(draft.segments[index] ?? '');
  const agency = match?.[1];
  const client = match?.[2];
  if (agency === undefined || client === undefined || client.split(' ').length > 6) return draft;
  const segments = draft.segments.with(index, agency);
  return { ...draft, segments, client };
};
