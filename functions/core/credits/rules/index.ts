// The credit rules, in the order they run. A new credit quirk is a new small rule here, with its table.
import type { CreditDraft, CreditRule } from '../draft';
import { keepDesignLabelPrefix, keepDesignLabelSegment } from './keepDesignLabel';
import { markFilePhoto } from './markFilePhoto';
import { markFlagPrefix } from './markFlagPrefix';
import { markHandoutAndPool } from './markHandoutAndPool';
import { splitAgencyClient } from './splitAgencyClient';
import { shortenOrganizationToAcronym } from './shortenOrganizationToAcronym';
import { splitAssignment } from './splitAssignment';
import { splitCourtesy } from './splitCourtesy';
import { splitSegments } from './splitSegments';
import { splitVia } from './splitVia';
import { stripCreditPrefix } from './stripCreditPrefix';
import { stripTrailingPunctuation } from './stripTrailingPunctuation';
import { takeAgency } from './takeAgency';
import { takeOrganizationAfterPrefix } from './takeOrganizationAfterPrefix';
import { takePhotographerAndProvider } from './takePhotographerAndProvider';
import { takeWireCode } from './takeWireCode';
import { stripWireSuffixCodes } from './stripWireSuffixCodes';
import { takePhotographerOrProvider } from './takePhotographerOrProvider';
import { takeSeveralPhotographers } from './takeSeveralPhotographers';
import { titleCaseNames } from './titleCaseNames';
import { unwrapParentheses } from './unwrapParentheses';

/** Runs the rules again and again until none changes the draft: "(Photo: Jane Doe.)", "© Photo: X". */
function untilStable(...rules: CreditRule[]): CreditRule {
  return (draft) => {
    let current = draft;
    for (;;) {
      const next = applyCreditRules(current, rules);
      if (next.text === current.text) return next;
      current = next;
    }
  };
}

/** Remembers the text without its wrapping: shown as is when the rest is not a shape we know. */
const rememberStripped: CreditRule = (draft) => ({ ...draft, stripped: draft.text });

export const creditRules: CreditRule[] = [
  untilStable(stripTrailingPunctuation, unwrapParentheses, stripCreditPrefix, markFlagPrefix, keepDesignLabelPrefix), // "(AP Photo/X).", "Photo: ", "©", "Pool photo by", "Illustration by"
  stripWireSuffixCodes, // "REUTERS/Name TPX IMAGES OF THE DAY" -> "REUTERS/Name"
  rememberStripped,
  splitVia, // "X via Getty Images" -> via
  splitCourtesy, // "Courtesy of X" -> provider
  splitAssignment, // "Photo by X for Y" -> photographer, agency
  splitSegments, // "REUTERS / Name" -> ["REUTERS", "Name"]
  splitAgencyClient, // "Getty Images for Tribeca Festival" -> client
  markHandoutAndPool, // "Handout", "Pool" segments -> flags
  markFilePhoto, // "File Photo" segment -> flag
  keepDesignLabelSegment, // "/Illustration" segment -> kept last
  takeWireCode, // "STR/AFP" -> wire code kept beside the agency
  takeAgency, // "REUTERS" -> agency "Reuters", "AP Photo" -> "AP"
  takeOrganizationAfterPrefix, // "Photo: Sara Lindgren/City Library" -> photographer, agency
  takePhotographerAndProvider, // "Name/Ministry/Handout" -> photographer and provider
  takeSeveralPhotographers, // "REUTERS/Jane Doe/John Roe" -> photographer "Jane Doe and John Roe"
  takePhotographerOrProvider, // the segment left -> photographer, or provider of a handout
  shortenOrganizationToAcronym, // "Inter-Services Public Relations (ISPR)" -> "ISPR"
  titleCaseNames, // "JOHN SMITH" -> "John Smith"
];

export function applyCreditRules(draft: CreditDraft, rules: readonly CreditRule[] = creditRules): CreditDraft {
  // A loop, not reduce: no callback created per credit line.
  let current = draft;
  for (const rule of rules) current = rule(current);
  return current;
}
