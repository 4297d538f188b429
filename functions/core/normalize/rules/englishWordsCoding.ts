// Front coding of a sorted word list, to ship the fused-word repair's dictionary compactly in the
// Lambda bundle (a third of the JSON arrays). Each word is one record: a header character giving how
// many leading letters it shares with the previous word ('0' + n, n <= 16, so never a letter), then the
// rest of the word, whose first letter is upper-case when the word is "common" (english/10-35).

const MAX_SHARED = 16;
const HEADER_BASE = 0x30; // '0'

export interface EnglishWords {
  /** Every word (lower-case a-z). */
  known: Set<string>;
  /** The common ones, a subset of `known`. */
  common: Set<string>;
}

/** Encodes lower-case a-z words; `common` flags a subset. The inverse of decodeWords. */
export function encodeWords(words: Iterable<string>, common: ReadonlySet<string>): string {
  const sorted = [...new Set(words)].sort();
  let out = '';
  let previous = '';
  for (const word of sorted) {
    if (!/^[a-z]+$/.test(word)) throw new Error(`not a lower-case a-z word: ${JSON.stringify(word)}`);
    let shared = 0;
    while (shared < MAX_SHARED && shared < previous.length && previous[shared] === word[shared]) shared++;
    // Sorted and unique: a word is never a prefix of the one before it, so the rest is never empty.
    const rest = word.slice(shared);
    out += String.fromCharCode(HEADER_BASE + shared) + (common.has(word) ? rest[0]!.toUpperCase() + rest.slice(1) : rest);
    previous = word;
  }
  return out;
}

export function decodeWords(coded: string): EnglishWords {
  const known = new Set<string>();
  const common = new Set<string>();
  let previous = '';
  let index = 0;
  while (index < coded.length) {
    const shared = coded.charCodeAt(index) - HEADER_BASE;
    let end = index + 1;
    while (end < coded.length && coded.charCodeAt(end) >= 0x41) end++;
    const rest = coded.slice(index + 1, end);
    const isCommon = rest.charCodeAt(0) <= 0x5a; // 'Z'
    const word = previous.slice(0, shared) + (isCommon ? rest.toLowerCase() : rest);
    known.add(word);
    if (isCommon) common.add(word);
    previous = word;
    index = end;
  }
  return { known, common };
}
