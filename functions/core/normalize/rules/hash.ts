import { hash } from 'node:crypto';
import type { Article } from '../../model';

// A string JSON.stringify writes as it is, apart from newlines: no quote, backslash, other control
// character or surrogate (a lone surrogate would be escaped). Body HTML is escaped text joined by "\n".
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u0009\u000B-\u001F\uD800-\uDFFF]/;

/** JSON.stringify(text), without its per-character escape pass for the common string that needs none. */
function jsonString(text: string): string {
  return NEEDS_JSON_ESCAPE.test(text) ? JSON.stringify(text) : `"${text.includes('\n') ? text.replaceAll('\n', '\\n') : text}"`;
}

/**
 * sha256 hex over a canonical JSON of what a reader sees: not dates, not the source, so a re-upload
 * with the same text keeps `updated` still, and an edit (or a newly attached image) moves it.
 * The canonical text is JSON.stringify([title, summary, contentHtml, authors, tags, images, language, publisher]);
 * the large strings are written by jsonString (same text, checked by a property test).
 */
export function contentHashOf(
  a: Pick<Article, 'title' | 'summary' | 'contentHtml' | 'authors' | 'tags' | 'images' | 'language' | 'publisher'>,
  /** JSON.stringify(a.contentHtml), when the caller built the HTML and knows it without a scan. */
  contentHtmlJson?: string,
): string {
  const images: unknown[] = [];
  for (const i of a.images) images.push([i.url ?? null, i.src ?? null, i.alt, i.caption, i.credit?.display ?? null, i.width ?? null, i.height ?? null, i.type ?? null]);
  const canonical = `[${jsonString(a.title)},${jsonString(a.summary)},${contentHtmlJson ?? jsonString(a.contentHtml)},${JSON.stringify([a.authors, a.tags, images, a.language, a.publisher ?? null]).slice(1)}`;
  // One-shot hash (no Hash object): this runs on every article.
  return hash('sha256', canonical, 'hex');
}
