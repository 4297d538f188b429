// Text going into markup: the characters XML 1.0 cannot carry (so neither can a feed, a page or a
// JSON Feed that must agree with them), and HTML escaping. One definition of each: the decoder, the
// normalizer and the renderers all read these. tests/repo/one-definition.test.ts fails on a second copy.

// XML 1.0 Char production: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF. In UTF-16 the
// rest is: C0 controls other than tab/LF/CR, the noncharacters U+FFFE/U+FFFF, and a surrogate half
// without its partner (which no regex class can say alone: see LONE_SURROGATE).

/** Body of a `[...]` class: the single code units XML cannot carry (surrogates aside). */
export const XML_INVALID_UNITS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
/** Body of a `[...]` class for a cheap pre-check: XML_INVALID_UNITS and any surrogate half (paired or not). */
export const MAYBE_XML_INVALID_UNITS = `${XML_INVALID_UNITS}\\uD800-\\uDFFF`;
const LONE_SURROGATE = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

/** Matches (globally) each character XML cannot carry, and the code units of `alsoUnits` (a class body) for a caller that drops more. */
export function xmlInvalidPattern(alsoUnits = ''): RegExp {
  return new RegExp(`[${XML_INVALID_UNITS}${alsoUnits}]|${LONE_SURROGATE}`, 'g');
}

const XML_INVALID = xmlInvalidPattern();
// Most text has none: one scan without lookarounds settles it.
const MAYBE_XML_INVALID = new RegExp(`[${MAYBE_XML_INVALID_UNITS}]`);

/** Removes characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXmlChars(text: string): string {
  return MAYBE_XML_INVALID.test(text) ? text.replace(XML_INVALID, '') : text;
}

/**
 * In JSON.stringify's output, what a character stripInvalidXmlChars removes looks like: a \uXXXX escape
 * (controls, lone surrogates), \b or \f, or U+FFFE/U+FFFF as they are. A literal backslash before b, f
 * or u matches too (harmless: the caller then cleans each string).
 */
export const MAYBE_XML_INVALID_IN_JSON = /\\[bfu]|[\uFFFE\uFFFF]/;

const HTML_SPECIAL = /[&<>"']/;

/**
 * Escapes text for HTML text and attribute values, dropping characters HTML and XML cannot carry.
 * The one HTML escape for text that may sit in an attribute: quotes are escaped too (' as &#39;, which HTML 4 readers know).
 */
export function escapeHtml(text: string): string {
  const clean = stripInvalidXmlChars(text);
  if (!HTML_SPECIAL.test(clean)) return clean;
  return clean.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const HTML_TEXT_SPECIAL = /[&<>]/;

/** Escapes text for HTML element content only (quotes stay readable, e.g. in RSS description): never for an attribute. */
export function escapeHtmlText(text: string): string {
  const clean = stripInvalidXmlChars(text);
  if (!HTML_TEXT_SPECIAL.test(clean)) return clean;
  return clean.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
