import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

/**
 * Segments that name an agency leave the list: the first becomes `agency` ("REUTERS" -> "Reuters"),
 * a second one becomes `via` when none was given ("AFP/Getty Images" is AFP distributed by Getty).
 * Two adjacent segments may form one name ("REX/Shutterstock"). A repeated agency is dropped.
 */
export const takeAgency: CreditRule = (draft) => {
  let { agency, via } = draft;
  const segments: string[] = [];
  const rest = draft.segments;
  for (let i = 0; i < rest.length; i += 1) {
    const segment = rest[i] ?? '';
    const next = rest[i + 1];
    const pair = next === undefined ? undefined : canonicalAgency(`${segment}/${next}`);
    const name = pair ?? canonicalAgency(segment);
    if (pair !== undefined) i += 1;
    if (name === undefined) segments.push(segment);
    else if (agency === undefined) agency = name;
    else if (name === agency || name === via) continue;
    else if (via === undefined) via = name;
    else segments.push(segment);
  }
  if (agency === draft.agency && via === draft.via) return draft;
  return { ...draft, segments, agency, via };
};
