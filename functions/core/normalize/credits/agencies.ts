// Canonical names of photo agencies and wire services, as a photo desk writes them in a credit.
// Each entry: the canonical name, then every spelling seen in uploads (matched case-insensitively,
// with whitespace collapsed and a trailing "Photo"/"Photos" ignored: "AP Photo", "AFP PHOTO").
//
// Choices:
// - "EPA" is shown as "EPA-EFE": EPA and EFE have distributed jointly since 2017 and credit
//   "EPA-EFE/Name". EFE alone stays "EFE".
// - "Pool" and "Handout" are NOT agencies: they are flags (see rules/markHandoutAndPool.ts).
// - "REX/Shutterstock" and "REX Features" are Shutterstock's editorial brand: "Shutterstock".

const AGENCY_SPELLINGS: ReadonlyArray<readonly [canonical: string, ...spellings: string[]]> = [
  ['Reuters', 'reuters', 'thomson reuters', 'reuters pictures'],
  ['AP', 'ap', 'associated press', 'the associated press', 'ap images'],
  ['AFP', 'afp', 'agence france-presse', 'agence france presse', 'agence france-press'],
  ['Getty Images', 'getty images', 'getty', 'gettyimages'],
  ['NurPhoto', 'nurphoto', 'nur photo'],
  ['EPA-EFE', 'epa', 'epa-efe', 'epa efe', 'epa/efe'],
  ['EFE', 'efe', 'agencia efe'],
  ['Bloomberg', 'bloomberg', 'bloomberg news'],
  ['Sipa USA', 'sipa usa'],
  ['Sipa', 'sipa', 'sipa press'],
  ['Anadolu', 'anadolu', 'anadolu agency', 'anadolu ajansi'],
  ['Xinhua', 'xinhua', 'xinhua news agency'],
  ['ZUMA Press', 'zuma press', 'zuma', 'zumapress', 'zumapress.com'],
  ['ZUMA Wire', 'zuma wire', 'zumawire'],
  ['Alamy', 'alamy', 'alamy stock photo', 'alamy live news'],
  ['Shutterstock', 'shutterstock', 'rex/shutterstock', 'rex features', 'rex'],
  ['SOPA Images', 'sopa images', 'sopa', 'sopa images/lightrocket'],
  ['dpa', 'dpa', 'deutsche presse-agentur'],
  ['picture alliance', 'picture alliance', 'picture-alliance'],
  ['Kyodo', 'kyodo', 'kyodo news'],
  ['Yonhap', 'yonhap', 'yonhap news agency', 'yonhap news'],
  ['UPI', 'upi', 'united press international'],
  ['PA', 'pa', 'pa images', 'pa wire', 'pa media', 'press association'],
  ['TASS', 'tass', 'itar-tass'],
  ['Sputnik', 'sputnik', 'ria novosti'],
  ['ANSA', 'ansa'],
  ['Jiji Press', 'jiji press', 'jiji'],
  ['Abaca', 'abaca', 'abacapress', 'abacapress.com', 'abaca press'],
  ['Pacific Press', 'pacific press'],
  ['LightRocket', 'lightrocket'],
  ['Middle East Images', 'middle east images'],
  ['Hans Lucas', 'hans lucas'],
  ['Imagn Images', 'imagn images', 'imagn', 'usa today sports'],
  ['Polaris', 'polaris', 'polaris images'],
  ['Redux', 'redux', 'redux pictures'],
  ['Magnum Photos', 'magnum photos', 'magnum'],
  ['Eyevine', 'eyevine'],
  // iStock pictures are credited as Getty's own recommended line.
  ['Getty Images/iStockphoto', 'getty images/istockphoto', 'getty images/istock', 'istockphoto', 'istock', 'istock/getty images'],
];

// Whitespace the key would change: any but a single space between words (a run, an end, a tab, a no-break space).
const UNTIDY_SPACE = /[^\S ]| {2}|^ | $/;

const CANONICAL_BY_SPELLING: ReadonlyMap<string, string> = new Map(
  AGENCY_SPELLINGS.flatMap(([canonical, ...spellings]) => [canonical, ...spellings].map((s) => [spellingKey(s), canonical] as const)),
);

/** Every spelling, canonical names included, lower-cased: what a credit line must contain to name an agency. */
export const AGENCY_SPELLING_LIST: readonly string[] = [...new Set(AGENCY_SPELLINGS.flat().map((s) => s.toLowerCase()))];

/** The canonical names, in table order (for documentation and tests). */
export const AGENCY_NAMES: readonly string[] = AGENCY_SPELLINGS.map(([canonical]) => canonical);

function spellingKey(text: string): string {
  // Most segments are one word or a tidy name, with no space beside a slash: only the case changes (no regex replace).
  if (!UNTIDY_SPACE.test(text) && !text.includes(' /') && !text.includes('/ ')) return text.toLowerCase();
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/').trim();
}

/** "REUTERS" -> "Reuters", "AP Photo" -> "AP", "Associated Press" -> "AP"; undefined when not an agency. */
export function canonicalAgency(text: string): string | undefined {
  const key = spellingKey(text);
  const canonical = CANONICAL_BY_SPELLING.get(key);
  if (canonical !== undefined) return canonical;
  // A trailing "photo"/"photos" is ignored: look the rest up (without a regex replace on every miss).
  if (key.endsWith(' photo')) return CANONICAL_BY_SPELLING.get(key.slice(0, -' photo'.length));
  if (key.endsWith(' photos')) return CANONICAL_BY_SPELLING.get(key.slice(0, -' photos'.length));
  return undefined;
}
