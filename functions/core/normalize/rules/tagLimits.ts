// Caps on an article's tags (hostile input): each tag is a URL, three feeds, a page and index records,
// so an upload must not be able to make thousands of them or one with a 100 KB name.

export const MAX_TAGS_PER_ARTICLE = 16;
/** In characters (code points), after cleanup. */
export const MAX_TAG_LENGTH = 64;

/** The first MAX_TAGS_PER_ARTICLE tags, each cut to MAX_TAG_LENGTH characters; one warning per cap hit. */
export function capTags(tags: string[], warnings: string[]): string[] {
  const kept = tags.slice(0, MAX_TAGS_PER_ARTICLE);
  if (tags.length > kept.length) warnings.push(`${tags.length} tags: only the first ${MAX_TAGS_PER_ARTICLE} are kept`);
  let cut = 0;
  const capped = kept.map((tag) => {
    const chars = [...tag];
    if (chars.length <= MAX_TAG_LENGTH) return tag;
    cut++;
    return chars.slice(0, MAX_TAG_LENGTH).join('').trimEnd();
  });
  if (cut > 0) warnings.push(`${cut} tag(s) longer than ${MAX_TAG_LENGTH} characters were cut`);
  // Two tags cut to the same text, or spelled alike but for Unicode normalization ("Café" composed or
  // decomposed), are one tag (the tag identity of core/site-index/tags.ts).
  const seen = new Set<string>();
  return capped.filter((tag) => {
    const folded = tag.normalize('NFC').toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}
