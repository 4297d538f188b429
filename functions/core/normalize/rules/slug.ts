import { hash } from 'node:crypto';
import slugify from 'slugify';

export const MAX_SLUG_LENGTH = 80;
const VALID_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && VALID_SLUG.test(slug);
}

const SLUGIFY_OPTIONS = { lower: true, strict: true, trim: true };

/** Lower-case ASCII slug, at most 80 chars cut at a hyphen; '' when nothing is left (e.g. an emoji-only title). */
export function slugFromTitle(title: string): string {
  // slugify spells "<" and ">" as "less"/"greater"; in a headline they only separate words.
  const words = title.replace(/[<>/]/g, ' ');
  const slug = slugify(words, SLUGIFY_OPTIONS).replace(/-+/g, '-').replace(/^-|-$/g, '');
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
