import { franc } from 'franc-min';

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
  const code = franc(text.slice(0, DETECT_SAMPLE), { minLength: MIN_DETECT_LENGTH, only: CANDIDATES });
  if (code === 'und') return undefined;
  return ISO3_TO_BCP47[code] ?? code;
}
