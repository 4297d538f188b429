// Text cleanup shared by every field: one space between words, no XML-invalid characters.
// Typographic quotes and dashes stay exactly as written.
import { MAYBE_XML_INVALID_UNITS, stripInvalidXmlChars } from '../../escape';

// Cheap pre-checks (hot path): most text has nothing to strip and only single spaces.
const COLLAPSED_UNITS = '\\t\\n\\v\\f\\r\\u00A0\\u1680\\u2000-\\u200B\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
const NEEDS_COLLAPSE = new RegExp(`[${COLLAPSED_UNITS}]| {2}`);

// Either of the two in one scan (one class, not an alternation): clean text (most of it) is only trimmed.
const MAYBE_CHANGED = new RegExp(`[${MAYBE_XML_INVALID_UNITS}${COLLAPSED_UNITS}]| {2}`);

/** One line of text: XML-invalid characters removed, runs of whitespace (incl. no-break space) to one space, trimmed. */
export function cleanText(text: string): string {
  // Tested after trimming: blanks at the ends only (a paragraph cut out of HTML starts with "\n") leave
  // the same text as the full cleanup would, which runs a regex over the whole paragraph.
  const trimmed = text.trim();
  if (!MAYBE_CHANGED.test(trimmed)) return trimmed;
  const valid = stripInvalidXmlChars(text);
  return (NEEDS_COLLAPSE.test(valid) ? valid.replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ') : valid).trim();
}

/** Paragraphs cleaned one by one; empty ones dropped. */
export function cleanParagraphs(paragraphs: string[]): string[] {
  const cleaned: string[] = [];
  for (const paragraph of paragraphs) {
    const text = cleanText(paragraph);
    if (text !== '') cleaned.push(text);
  }
  return cleaned;
}

