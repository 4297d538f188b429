import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

/** "Jane Doe, Reuters" -> ["Jane Doe", "Reuters"], only when an agency follows the last comma (captions are full of commas). */
function splitBeforeAgency(segment: string): string[] {
  const comma = segment.lastIndexOf(', ');
  if (comma <= 0 || canonicalAgency(segment.slice(comma + 2)) === undefined) return [segment];
  return [...splitBeforeAgency(segment.slice(0, comma)), segment.slice(comma + 2)];
}

/** "REUTERS / Maher Abou Taleb" -> segments ["REUTERS", "Maher Abou Taleb"]. Slash or pipe, any spaces. */
export const splitSegments: CreditRule = (draft) => {
  const segments = draft.text
    .split(/\s*[/|]\s*/u)
    .flatMap(splitBeforeAgency)
    .filter((s) => s !== '');
  return { ...draft, text: '', segments, split: true };
};
