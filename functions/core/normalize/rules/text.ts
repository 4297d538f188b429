// Text cleanup shared by every field: one space between words, no XML-invalid characters.
// Typographic quotes and dashes stay exactly as written.

// C0 controls except tab/newline/CR, U+FFFE/U+FFFF, and unpaired surrogates: none of them can appear in XML 1.0.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Cheap pre-checks (hot path): most text has nothing to strip and only single spaces.
const MAYBE_XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const NEEDS_COLLAPSE = /[\t\n\v\f\r\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]| {2}/;

// Either of the two above in one scan: clean text (most of it) is only trimmed.
const MAYBE_CHANGED = /[\u0000-\u001F\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]| {2}/;

export function stripXmlInvalid(text: string): string {
  return MAYBE_XML_INVALID.test(text) ? text.replace(XML_INVALID, '') : text;
}

/** One line of text: XML-invalid characters removed, runs of whitespace (incl. no-break space) to one space, trimmed. */
export function cleanText(text: string): string {
  if (!MAYBE_CHANGED.test(text)) return text.trim();
  const valid = stripXmlInvalid(text);
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

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const HTML_SPECIAL = /[&<>"']/;
const escapeCharacter = (c: string): string => HTML_ESCAPES[c] as string;

export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, escapeCharacter) : text;
}
