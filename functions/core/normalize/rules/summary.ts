export const MAX_SUMMARY_LENGTH = 300;

/** At most 300 chars, cut at a word boundary with "…" when longer. */
export function clampSummary(text: string): string {
  if (text.length <= MAX_SUMMARY_LENGTH) return text;
  const head = text.slice(0, MAX_SUMMARY_LENGTH); // room for the ellipsis: cut below keeps <= 299 chars
  const space = head.lastIndexOf(' ');
  const cut = (space > MAX_SUMMARY_LENGTH / 2 ? head.slice(0, space) : head.slice(0, MAX_SUMMARY_LENGTH - 1)).replace(/[\s,;:–—-]+$/, '');
  return `${cut}…`;
}

export const WORDS_PER_MINUTE = 230;

export function readingTimeMinutes(text: string): number {
  return minutesForWords(countWords(text));
}

function minutesForWords(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * readingTimeMinutes(paragraphs.join('\n\n')) for paragraphs cleaned by cleanText (non-empty, trimmed,
 * one space between words): each has one word more than spaces, counted by native search, not per character.
 */
export function readingTimeOfCleanParagraphs(paragraphs: readonly string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) {
    words++;
    for (let at = paragraph.indexOf(' '); at >= 0; at = paragraph.indexOf(' ', at + 1)) words++;
  }
  return minutesForWords(words);
}

/** Runs of non-whitespace characters (a plain loop: this runs on every article). */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    // Cleaned text only has spaces and newlines between words; other control characters are gone.
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
