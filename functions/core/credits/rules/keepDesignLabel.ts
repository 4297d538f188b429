import type { CreditRule } from '../draft';

// A picture that is not a photograph says so: the label is part of the credit and is kept as written.
// Reuters' "Satellite image ©2024 Maxar Technologies/Handout": the label and its copyright year are kept as written.
const LABEL_PREFIX = /^((?:photo[-\s]?)?illustration|graphic|composite|montage|photo\s+montage|animation|rendering|satellite\s+(?:image|imagery|photo))\s*(by\b|:|©\s*\d{4}\b)\s*/iu;
const LABEL_SEGMENT = /^(?:(?:photo[-\s]?)?illustration|graphic|composite|montage|photo\s+montage|animation|rendering)$/iu;

/** "Illustration by Jane Doe", "Photo illustration: Jane Doe/AFP" -> label kept before the credit, draft prefixed. */
export const keepDesignLabelPrefix: CreditRule = (draft) => {
  const match = LABEL_PREFIX.exec(draft.text);
  if (match === null) return draft;
  const text = draft.text.slice(match[0].length).trim();
  if (text === '') return draft;
  const separator = match[2]!;
  const label = separator.toLowerCase() === 'by' ? `${match[1]} by` : separator.startsWith('©') ? `${match[1]} ${separator}` : `${match[1]}:`;
  return { ...draft, text, prefixed: true, label };
};

/** "REUTERS/Dado Ruvic/Illustration" -> the segment "Illustration" is kept, shown last where it stood. */
export const keepDesignLabelSegment: CreditRule = (draft) => {
  const last = draft.segments.at(-1);
  if (last === undefined || draft.segments.length < 2 || !LABEL_SEGMENT.test(last)) return draft;
  return { ...draft, segments: draft.segments.slice(0, -1), labelSegment: last };
};
