import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

const FLAG = /^(handout|pool)(?:\s+(?:photos?|images?|pictures?))?$/iu;
const AGENCY_THEN_FLAG = /^(.+?)\s+(handout|pool)(?:\s+(?:photos?|images?|pictures?))?$/iu;

type Flag = 'handout' | 'pool';

/** "Pool" -> pool; "AFP Pool" -> pool and the segment "AFP" (only when what precedes is an agency). */
function readFlag(segment: string): { flag: Flag; rest?: string } | undefined {
  const alone = FLAG.exec(segment);
  if (alone?.[1] !== undefined) return { flag: alone[1].toLowerCase() as Flag };
  const withAgency = AGENCY_THEN_FLAG.exec(segment);
  const agency = withAgency?.[1];
  const flag = withAgency?.[2];
  if (agency === undefined || flag === undefined || canonicalAgency(agency) === undefined) return undefined;
  return { flag: flag.toLowerCase() as Flag, rest: agency };
}

/** "Handout", "Pool", "Pool Photo", "AFP Pool" segments -> the handout/pool flags. "Pool" is not an agency. */
export const markHandoutAndPool: CreditRule = (draft) => {
  let { handout, pool } = draft;
  const segments: string[] = [];
  for (const segment of draft.segments) {
    const read = readFlag(segment);
    if (read === undefined) {
      segments.push(segment);
      continue;
    }
    if (read.flag === 'handout') handout = true;
    else pool = true;
    if (read.rest !== undefined) segments.push(read.rest);
  }
  if (handout === draft.handout && pool === draft.pool) return draft;
  return { ...draft, segments, handout, pool };
};
