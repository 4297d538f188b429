import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { withoutTrailingPunctuation } from './stripTrailingPunctuation';

/** "Jane Doe, Reuters" -> ["Jane Doe", "Reuters"], only when an agency follows the last comma (captions are full of commas). */
function splitBeforeAgency(segment: string): string[] {
  const comma = segment.lastIndexOf(', ');
  if (comma <= 0 || canonicalAgency(segment.slice(comma + 2)) === undefined) return [segment];
  return [...splitBeforeAgency(segment.slice(0, comma)), segment.slice(comma + 2)];
}

const SEPARATOR = /\s*[/|]\s*/u;

/**
 * "REUTERS / Maher Abou Taleb" -> segments ["REUTERS", "Maher Abou Taleb"]. Slash or pipe, any spaces.
 * Each segment loses trailing punctuation as the whole line did: segments may be reordered for display,
 * and a full stop that ends up last would otherwise be stripped only when the display is read again.
 */
export const splitSegments: CreditRule = (draft) => {
  const segments: string[] = [];
  for (const part of draft.text.split(SEPARATOR)) {
    for (const segment of splitBeforeAgency(part)) {
      const tidy = withoutTrailingPunctuation(segment);
      if (tidy !== '') segments.push(tidy);
    }
  }
  return { ...draft, text: '', segments, split: true };
};
