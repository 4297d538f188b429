import { canonicalAgency } from '../agencies';
import type { CreditRule } from '../draft';
import { MAX_PEOPLE, looksLikeOrganization, looksLikePersonName } from '../names';

const ONLY_SEPARATOR = /^\s*[/|]\s*$/u;

/**
 * The names as they stand in the line, from the first to the last ("Jane Doe/John Roe", "Jane Doe | John Roe"),
 * when they stand side by side with only a slash or pipe between them: the agency first or last
 * ("REUTERS/A/B", "A/B/AFP"), never between them ("A/Reuters/B" is not a shape we know).
 */
function namesAsWritten(line: string | undefined, names: readonly string[]): string | undefined {
  if (line === undefined) return undefined;
  const start = line.indexOf(names[0] ?? '');
  if (start < 0) return undefined;
  let end = start + (names[0] ?? '').length;
  for (let i = 1; i < names.length; i++) {
    const next = line.indexOf(names[i] ?? '', end);
    if (next < 0 || !ONLY_SEPARATOR.test(line.slice(end, next))) return undefined;
    end = next + (names[i] ?? '').length;
  }
  return line.slice(start, end);
}

/**
 * "REUTERS/Jane Doe/John Roe", "Jane Doe/John Roe/AFP", "AP Photo/Jane Doe/John Roe/Pool": two or three
 * segments left after the agency and flags, each a person's name of two or more words, side by side, in
 * a line an agency, a via or Pool vouches for -> one photographer field holding the names as written
 * ("Jane Doe/John Roe"), the agency moved after them as for one photographer. Kept as written, like a
 * list inside one segment ("Jane Doe & John Roe"): no word is added, and the display reads back to the
 * same names. A handout does not vouch (there two names may be a photographer and a person providing
 * it), and an organization or an agency among the segments leaves the line as it is.
 */
export const takeSeveralPhotographers: CreditRule = (draft) => {
  const { segments } = draft;
  if (segments.length < 2 || segments.length > MAX_PEOPLE || draft.photographer !== undefined || draft.handout) return draft;
  if (draft.agency === undefined && draft.via === undefined && !draft.pool) return draft;
  for (const segment of segments) {
    if (!looksLikePersonName(segment, 2) || looksLikeOrganization(segment) || canonicalAgency(segment) !== undefined) return draft;
  }
  const photographer = namesAsWritten(draft.stripped, segments);
  return photographer === undefined ? draft : { ...draft, segments: [], photographer };
};
