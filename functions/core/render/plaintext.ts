// Plain text in elements whose readers guess or check for HTML (RSS <title>, Atom type="text",
// Media RSS type="plain"). Python feedparser treats text with an end tag or an entity reference as
// HTML, and the W3C validator warns about it; such text goes out as escaped HTML, declared where the
// format has a type attribute, so every reader shows the characters the editor typed.

// feedparser's own test (mixin.looks_like_html), widened to any tag name: "</b>", "&amp;", "&#38;".
const HTML_LOOKALIKE = /<\/\w+>|&#?\w+;/;

export function looksLikeHtml(text: string): boolean {
  return HTML_LOOKALIKE.test(text);
}
