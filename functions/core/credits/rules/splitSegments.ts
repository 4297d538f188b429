import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { withoutTrailingPunctuation } from './stripTrailingPunctuation';

// Words AP and others put after a comma: "(AP Photo/Jane Doe, Pool)", "(AP Photo/Jane Doe, File)".
const FLAG_AFTER_COMMA = /^(?:pool|file|file photo|handout)$/iu;

/**
 * "Jane Doe, Reuters" -> ["Jane Doe", "Reuters"], "Jane Doe, Pool" -> ["Jane Doe", "Pool"]: only when an
 * agency or a flag follows the last comma (captions are full of commas).
 */
function splitBeforeAgency(segment: string): string[] {
  const comma = segment.lastIndexOf(', ');
  if (comma <= 0) return [segment];
  const after = segment.slice(comma + 2);
  if (canonicalAgency(after) === undefined && !FLAG_AFTER_COMMA.test(after)) return [segment];
  return [...splitBeforeAgency(segment.slice(0, comma)), after];
}

// A spaced dash between two parts: "Jane Doe - AFP", "AFP – Jane Doe". Unspaced hyphens are names (Jean-Pierre).
const SPACED_DASH = / [-–—] /u;

/** "Jane Doe - AFP" -> ["Jane Doe", "AFP"], only when one side of the one dash is an agency. */
function splitAtDash(segment: string): string[] {
  const match = SPACED_DASH.exec(segment);
  if (match === null) return [segment];
  const before = segment.slice(0, match.index);
  const after = segment.slice(match.index + 3);
  if (SPACED_DASH.test(after)) return [segment];
  if (canonicalAgency(before) === undefined && canonicalAgency(after) === undefined) return [segment];
  return [before, after];
}

const SEPARATOR = /\s*[/|]\s*/u;

/**
 * "REUTERS / Maher Abou Taleb" -> segments ["REUTERS", "Maher Abou Taleb"]. Slash or pipe, any spaces;
 * a spaced dash or a comma only next to an agency (or a Pool/File flag after a comma).
 * Each segment loses trailing punctuation as the whole line did: segments may be reordered for display,
 * and a full stop that ends up last would otherwise be stripped only when the display is read again.
 */
export const splitSegments: CreditRule = (draft) => {
  const segments: string[] = [];
  for (const slashed of draft.text.split(SEPARATOR)) {
    for (const part of splitAtDash(slashed)) {
      for (const segment of splitBeforeAgency(part)) {
        const tidy = withoutTrailingPunctuation(segment.trim());
        if (tidy !== '') segments.push(tidy);
      }
    }
  }
  return { ...draft, text: '', segments, split: true };
};
