import { hash } from 'node:crypto';
import slugify from 'slugify';

export const MAX_SLUG_LENGTH = 80;
const VALID_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && VALID_SLUG.test(slug);
}

const SLUGIFY_OPTIONS = { lower: true, strict: true, trim: true };

// What slugify (strict, lower) makes of the characters most headlines are made of; its character map
// spells these ASCII symbols out, turns "–" into a separator and drops the other punctuation below.
const SPELLED_OUT: Record<string, string> = { $: 'dollar', '%': 'percent', '&': 'and', '<': 'less', '>': 'greater', '|': 'or' };
const DROPPED_PUNCTUATION = new Set(['‘', '’', '“', '”', '„', '…', '—']);

/**
 * slugify(text, SLUGIFY_OPTIONS) for text of ASCII and common typographic punctuation, in one loop (slugify
 * itself re-runs a regex over the whole slug for every character); undefined for any other character.
 * A property test holds it equal to slugify on such text.
 */
export function slugifyPlain(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) out += text[i];
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 0x20);
    else if (code === 0x20 || code === 0x2d || (code >= 0x09 && code <= 0x0d) || code === 0x2013) out += ' ';
    else if (code < 0x80) out += SPELLED_OUT[text[i]!] ?? '';
    else if (!DROPPED_PUNCTUATION.has(text[i]!)) return undefined;
  }
  return out.trim().replace(/ +/g, '-');
}

/** Lower-case ASCII slug, at most 80 chars cut at a hyphen; '' when nothing is left (e.g. an emoji-only title). */
export function slugFromTitle(title: string): string {
  // slugify spells "<" and ">" as "less"/"greater"; in a headline they only separate words.
  const words = title.replace(/[<>/]/g, ' ');
  const slug = (slugifyPlain(words) ?? slugify(words, SLUGIFY_OPTIONS)).replace(/-+/g, '-').replace(/^-|-$/g, '');
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
