// Text cleanup shared by every field: one space between words, no XML-invalid characters.
// Typographic quotes and dashes stay exactly as written.

// C0 controls except tab/newline/CR, U+FFFE/U+FFFF, and unpaired surrogates: none of them can appear in XML 1.0.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** One line of text: XML-invalid characters removed, runs of whitespace (incl. no-break space) to one space, trimmed. */
export function cleanText(text: string): string {
  return stripXmlInvalid(text).replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ').trim();
}

/** Paragraphs cleaned one by one; empty ones dropped. */
export function cleanParagraphs(paragraphs: string[]): string[] {
  return paragraphs.map(cleanText).filter((p) => p !== '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}
