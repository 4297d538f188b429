import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

// Agency desk codes in the photographer's place: STR (a stringer), STF (staff), "-" (AFP's unnamed).
const WIRE_CODE = /^(?:STR|STF|-)$/u;

/**
 * "STR/AFP", "AFP/STR", "-/AFP": the code is no person and no provider; it stays on the side of the
 * agency where it stood (not reordered by the house style). Only beside a known agency.
 */
export const takeWireCode: CreditRule = (draft) => {
  if (draft.wireCode !== undefined) return draft;
  const index = draft.segments.findIndex((segment) => WIRE_CODE.test(segment));
  if (index < 0) return draft;
  const agencyIndex = draft.segments.findIndex((segment) => canonicalAgency(segment) !== undefined);
  if (agencyIndex < 0) return draft;
  return {
    ...draft,
    segments: draft.segments.filter((_s, i) => i !== index),
    wireCode: draft.segments[index],
    wireCodeFirst: index < agencyIndex,
  };
};
