import { francStack } from '../../parse-stacks';

/** Below this many characters trigram detection guesses; the site default is safer. */
export const MIN_DETECT_LENGTH = 200;
// Detection looks at the head of the text only: franc's cost grows with the sample and the candidate
// count (it dominated the parse bench), and 300 chars of prose are enough for a stable answer (tests: en, fr, de, es, the seed).
const DETECT_SAMPLE = 300;

// ISO 639-3 (franc) -> BCP 47 two-letter code for the common ones; others stay 3-letter (also valid BCP 47).
const ISO3_TO_BCP47: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  ces: 'cs', slk: 'sk', ron: 'ro', hun: 'hu', swe: 'sv', dan: 'da', nob: 'nb', fin: 'fi', ell: 'el', tur: 'tr',
  arb: 'ar', ara: 'ar', heb: 'he', pes: 'fa', urd: 'ur', hin: 'hi', ben: 'bn', cmn: 'zh', jpn: 'ja', kor: 'ko',
  vie: 'vi', ind: 'id', zlm: 'ms', tha: 'th', swh: 'sw', bul: 'bg', srp: 'sr', hrv: 'hr', cat: 'ca',
};

// Only languages we can name in two letters are candidates: fewer models to compare, and no rare
// look-alike (Scots for English, Galician for Portuguese) wins on a short sample.
const CANDIDATES = Object.keys(ISO3_TO_BCP47);

const BCP47 = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function isLanguageTag(value: string): boolean {
  return BCP47.test(value);
}

/** Language of a body text, or undefined when it is too short or undecidable. */
export function detectLanguage(text: string): string | undefined {
  if (text.length < MIN_DETECT_LENGTH) return undefined;
  const sample = text.slice(0, DETECT_SAMPLE);
  if (isPlainlyEnglish(sample)) return 'en';
  // franc-min is loaded only for a text the English check leaves open (core/parse-stacks.ts).
  const code = francStack.get().franc(sample, { minLength: MIN_DETECT_LENGTH, only: CANDIDATES });
  if (code === 'und') return undefined;
  return ISO3_TO_BCP47[code] ?? code;
}

// The most frequent English words. Some are also words of other languages ("in", "die", "is", "was"):
// the foreign words below and the share threshold leave such texts to franc.
const ENGLISH_WORDS = new Set(
  ('the of and to a in is was for on that with as by at it from he his she her they their this be are were have has ' +
    'had been an which who not but or will would said after its about into than more also one two new there what when ' +
    'could these those our how should because over all can we you i').split(' '),
);
// Frequent words of the other Latin-script languages we detect that are not English words.
const FOREIGN_WORDS = new Set(
  ('der und nicht ist das ein eine mit sich auf dem zu den le la les des est une du que qui pour dans pas sur el ' +
    'los las del y por una con para es se al il di che della per non sono gli o os da não uma em com dos das het een ' +
    'van en dat zijn voor ook op och att det som är og er ikke til af jeg på yang dan ini itu dengan untuk dari tidak ' +
    'na ya wa kwa za els amb și în care este pe cu ve bir bu için ja ei että az és hogy nem je').split(' '),
);
// In UTF-16 code units: toLowerCase never shortens a word ("İ" lengthens), so a longer word cannot match.
const LONGEST_LISTED_WORD = Math.max(...[...ENGLISH_WORDS, ...FOREIGN_WORDS].map((word) => word.length));
const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;
// English news prose has 30-45% of these words in a 300-character sample (the seed: 18 of 52 words);
// 2,607 README paragraphs franc calls English pass, none that franc calls another language does.
const MIN_ENGLISH_SHARE = 0.25;
const MIN_ENGLISH_HITS = 10;
// At most one foreign word per five English ones: a quote in another language is fine, a mixed text goes to franc.
const MAX_FOREIGN_PER_ENGLISH = 1 / 5;

/**
 * A cheap first pass before franc, whose trigram comparison was most of the ingest time: a Latin-script
 * sample in which "the" appears, at least a quarter of the words are frequent English words and hardly
 * any are frequent words of another language is English. Anything less clear-cut goes to franc.
 */
export function isPlainlyEnglish(sample: string): boolean {
  // One pass over the characters (three times faster than matchAll with \p{L}): words are runs of
  // letters, and a letter of another script ends the check.
  let words = 0;
  let english = 0;
  let foreign = 0;
  let sawThe = false;
  let start = -1;
  // Whether the current word has a character toLowerCase may change (most words are lower-case ASCII).
  let cased = false;
  for (let i = 0; i <= sample.length; i++) {
    const code = i < sample.length ? sample.codePointAt(i)! : 0x20;
    const lower = code | 0x20;
    let letter = lower >= 0x61 && lower <= 0x7a;
    // General Punctuation (’ “ ” – — …) holds no letter: settled without the regexes.
    if (!letter && code >= 0x80 && (code < 0x2000 || code > 0x206f)) {
      const char = String.fromCodePoint(code);
      letter = LETTER.test(char);
      if (letter && !LATIN.test(char)) return false;
    }
    if (letter) {
      if (start < 0) {
        start = i;
        cased = false;
      }
      // Letters other than a-z: A-Z and non-ASCII letters.
      if (code < 0x61 || code > 0x7a) cased = true;
    } else if (start >= 0) {
      words++;
      // A word longer than every listed word is in neither set: no slice, no look-ups.
      if (i - start > LONGEST_LISTED_WORD) {
        start = -1;
        if (code > 0xffff) i++;
        continue;
      }
      const word = cased ? sample.slice(start, i).toLowerCase() : sample.slice(start, i);
      start = -1;
      if (ENGLISH_WORDS.has(word)) {
        english++;
        if (word === 'the') sawThe = true;
      } else if (FOREIGN_WORDS.has(word)) {
        foreign++;
      }
    }
    if (code > 0xffff) i++;
  }
  return sawThe && english >= MIN_ENGLISH_HITS && english >= words * MIN_ENGLISH_SHARE && foreign <= english * MAX_FOREIGN_PER_ENGLISH;
}
