import { hash } from 'node:crypto';
import slugify from 'slugify';

export const MAX_SLUG_LENGTH = 80;
const VALID_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && VALID_SLUG.test(slug);
}

const SLUGIFY_OPTIONS = { lower: true, strict: true, trim: true };

// Printable ASCII, tabs and the typographic punctuation of headlines (curly quotes, dashes, ellipsis):
// the titles where slugify's per-character map changes only these few characters.
const PLAIN_TITLE = /^[\t\x20-\x7E\u2018\u2019\u201C\u201D\u201E\u2013\u2014\u2026]*$/;
// From slugify's character map: these are spelled out; "-" (its replacement) and "–" (mapped to "-") count
// as a space; curly quotes and "…" map to ASCII punctuation that strict mode then removes, as it does "—".
const SPELLED: Record<string, string> = { $: 'dollar', '%': 'percent', '&': 'and', '<': 'less', '>': 'greater', '|': 'or', '-': ' ', '\u2013': ' ' };

/**
 * slugify(text, { lower, strict, trim }) for PLAIN_TITLE text, in four regex passes instead of its
 * per-character loop (a tenth of an article's ingest): every other character but letters, digits and
 * whitespace goes. The same slug for every such title: checked against slugify itself by a property test.
 */
export function slugifyPlain(text: string): string {
  return text
    .replace(/[$%&<>|\u2013-]/g, (c) => SPELLED[c] as string)
    .replace(/[^A-Za-z0-9\s]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase();
}

/** Lower-case ASCII slug, at most 80 chars cut at a hyphen; '' when nothing is left (e.g. an emoji-only title). */
export function slugFromTitle(title: string): string {
  // slugify spells "<" and ">" as "less"/"greater"; in a headline they only separate words.
  const words = title.replace(/[<>/]/g, ' ');
  const slugified = PLAIN_TITLE.test(words) ? slugifyPlain(words) : slugify(words, SLUGIFY_OPTIONS);
  const slug = slugified.replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const hyphen = cut.lastIndexOf('-');
  // A single 81+ char word has no hyphen to cut at: cut hard.
  return hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, MAX_SLUG_LENGTH);
}

/** Stable slug for a key when the title yields none: `article-<8 hex of sha256(key)>`. */
export function fallbackSlug(key: string): string {
  return `article-${hash('sha256', key, 'hex').slice(0, 8)}`;
}

/** Slug precedence: a valid `slug` from the file or metadata, else from the title, else from the key. */
export function chooseSlug(requested: string | undefined, title: string, key: string, warnings: string[]): string {
  if (requested !== undefined && requested !== '') {
    if (isValidSlug(requested)) return requested;
    warnings.push(`slug "${requested}" is not valid (a-z, 0-9 and single hyphens, at most ${MAX_SLUG_LENGTH} chars): using the title`);
  }
  return slugFromTitle(title) || fallbackSlug(key);
}

/** `desired`, or `desired-2`, `-3`... : the first slug that is free or already owned by `key`. */
export function uniqueSlug(desired: string, key: string, taken: (slug: string) => string | undefined): string {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? desired : `${desired}-${n}`;
    const owner = taken(slug);
    if (owner === undefined || owner === key) return slug;
  }
}
