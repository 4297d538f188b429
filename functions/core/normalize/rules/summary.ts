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
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
