import { franc } from 'franc-min';

/** Below this many characters trigram detection guesses; the site default is safer. */
export const MIN_DETECT_LENGTH = 200;
// Detection looks at the head of the text only: enough for a stable answer, cheap for long articles.
const DETECT_SAMPLE = 1200;

// ISO 639-3 (franc) -> BCP 47 two-letter code for the common ones; others stay 3-letter (also valid BCP 47).
const ISO3_TO_BCP47: Record<string, string> = {
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  ces: 'cs', slk: 'sk', ron: 'ro', hun: 'hu', swe: 'sv', dan: 'da', nob: 'nb', fin: 'fi', ell: 'el', tur: 'tr',
  arb: 'ar', ara: 'ar', heb: 'he', pes: 'fa', urd: 'ur', hin: 'hi', ben: 'bn', cmn: 'zh', jpn: 'ja', kor: 'ko',
  vie: 'vi', ind: 'id', zlm: 'ms', tha: 'th', swh: 'sw', bul: 'bg', srp: 'sr', hrv: 'hr', cat: 'ca',
};

const BCP47 = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export function isLanguageTag(value: string): boolean {
  return BCP47.test(value);
}

/** Language of a body text, or undefined when it is too short or undecidable. */
export function detectLanguage(text: string): string | undefined {
  if (text.length < MIN_DETECT_LENGTH) return undefined;
  const code = franc(text.slice(0, DETECT_SAMPLE), { minLength: MIN_DETECT_LENGTH });
  if (code === 'und') return undefined;
  return ISO3_TO_BCP47[code] ?? code;
}
