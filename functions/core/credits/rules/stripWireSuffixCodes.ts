import type { CreditRule } from '../draft';

// Reuters' desk suffixes after the photographer: "TPX IMAGES OF THE DAY", "SEARCH "X" FOR THIS STORY.",
// "SEARCH "WIDER IMAGE" FOR ALL STORIES.": instructions to editors, not part of the credit.
const SUFFIX_CODE = /\s+(?:TPX IMAGES OF THE DAY|TPX|SEARCH\s+"[^"]{0,80}"\s+FOR\s+(?:THIS STORY|ALL STORIES|ALL IMAGES)\.?)\s*$/u;
const MAX_CODES = 4;
const MAX_SCANNED = 400;

/** "REUTERS/Jane Doe TPX IMAGES OF THE DAY" -> "REUTERS/Jane Doe". Upper-case codes only, at the end. */
export const stripWireSuffixCodes: CreditRule = (draft) => {
  // A credit is a short line: a long text is no credit, and is not scanned for codes.
  if (draft.text.length > MAX_SCANNED || !draft.text.includes('TPX') && !draft.text.includes('SEARCH')) return draft;
  let text = draft.text;
  for (let i = 0; i < MAX_CODES; i++) {
    const match = SUFFIX_CODE.exec(text);
    if (match === null) break;
    text = text.slice(0, match.index);
  }
  return text === draft.text ? draft : { ...draft, text };
};
