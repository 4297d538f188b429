import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';

/**
 * "REUTERS / Maher Abou Taleb" -> segments ["REUTERS", "Maher Abou Taleb"]. Slash or pipe, any spaces.
 * A last segment "Jane Doe, Reuters" is split too, but only when what follows the comma is an agency
 * (captions are full of commas).
 */
export const splitSegments: CreditRule = (draft) => {
  const segments = draft.text.split(/\s*[/|]\s*/u).filter((s) => s !== '');
  const last = segments.at(-1);
  const comma = last?.lastIndexOf(', ') ?? -1;
  if (last !== undefined && comma > 0 && canonicalAgency(last.slice(comma + 2)) !== undefined) {
    segments.splice(-1, 1, last.slice(0, comma), last.slice(comma + 2));
  }
  return { ...draft, text: '', segments, split: true };
};
