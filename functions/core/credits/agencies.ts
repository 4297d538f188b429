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
  ['Xinhua', 'xinhua', 'xinhua news agency', '新华社', '新華社'],
  ['ZUMA Press', 'zuma press', 'zuma', 'zumapress', 'zumapress.com'],
  ['ZUMA Wire', 'zuma wire', 'zumawire'],
  ['Alamy', 'alamy', 'alamy stock photo', 'alamy live news'],
  ['Shutterstock', 'shutterstock', 'rex/shutterstock', 'rex features', 'rex'],
  ['SOPA Images', 'sopa images', 'sopa', 'sopa images/lightrocket'],
  ['dpa', 'dpa', 'deutsche presse-agentur'],
  ['picture alliance', 'picture alliance', 'picture-alliance'],
  ['Kyodo', 'kyodo', 'kyodo news', '共同通信', '共同'],
  ['Yonhap', 'yonhap', 'yonhap news agency', 'yonhap news', '연합뉴스'],
  ['UPI', 'upi', 'united press international'],
  ['PA', 'pa', 'pa images', 'pa wire', 'pa media', 'press association'],
  ['TASS', 'tass', 'itar-tass', 'тасс'],
  ['Sputnik', 'sputnik', 'ria novosti', 'риа новости'],
  ['ANSA', 'ansa'],
  ['Jiji Press', 'jiji press', 'jiji', '時事通信', '時事'],
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
  // German-language wires and picture agencies.
  ['epd', 'epd', 'evangelischer pressedienst'],
  ['KNA', 'kna', 'katholische nachrichten-agentur'],
  ['ddp', 'ddp', 'ddp images'],
  ['IMAGO', 'imago', 'imago images'],
  ['ullstein bild', 'ullstein bild', 'ullsteinbild'],
  ['APA', 'apa', 'apa-images', 'apa picturedesk', 'austria presse agentur'],
  ['Keystone', 'keystone', 'keystone-sda', 'keystone sda'],
  // Japanese, Chinese and Korean wires and picture agencies.
  ['The Yomiuri Shimbun', 'the yomiuri shimbun', 'yomiuri shimbun', 'yomiuri'],
  ['The Asahi Shimbun', 'the asahi shimbun', 'asahi shimbun', 'asahi'],
  ['The Mainichi', 'the mainichi', 'mainichi', 'mainichi shimbun'],
  ['Aflo', 'aflo'],
  ['China News Service', 'china news service', 'cns', 'chinanews', '中新社'],
  ['VCG', 'vcg', 'visual china group'],
  ['Imaginechina', 'imaginechina', 'imagine china'],
  ['CFP', 'cfp'],
  ['China Daily', 'china daily'],
  ['CNA', 'cna', 'central news agency'],
  ['Newsis', 'newsis'],
  ['News1', 'news1'],
  // Other national wires.
  ['LaPresse', 'lapresse'],
  ['Europa Press', 'europa press'],
  ['MAXPPP', 'maxppp'],
  ['Belga', 'belga'],
  ['ANP', 'anp'],
  ['Ritzau Scanpix', 'ritzau scanpix', 'ritzau', 'scanpix'],
  ['NTB', 'ntb', 'ntb scanpix'],
  ['TT News Agency', 'tt news agency'],
  ['Lehtikuva', 'lehtikuva'],
  ['PAP', 'pap', 'polish press agency'],
  ['ČTK', 'čtk', 'ctk'],
  ['MTI', 'mti'],
  ['Agerpres', 'agerpres'],
  ['BTA', 'bta'],
  ['Ukrinform', 'ukrinform'],
  ['Interfax', 'interfax'],
  ['ANA-MPA', 'ana-mpa'],
  ['DHA', 'dha', 'demiroren news agency'],
  ['IHA', 'iha'],
  ['PTI', 'pti', 'press trust of india'],
  ['ANI', 'ani'],
  ['IANS', 'ians'],
  ['AAP', 'aap', 'australian associated press', 'aap image'],
  ['The Canadian Press', 'the canadian press', 'canadian press'],
  ['WAFA', 'wafa'],
  ['SANA', 'sana'],
  ['IRNA', 'irna'],
  ['WANA', 'wana', 'west asia news agency'],
  ['Saudi Press Agency', 'saudi press agency'],
  ['WAM', 'wam'],
  ['QNA', 'qna'],
  ['Agência Brasil', 'agência brasil', 'agencia brasil'],
  ['Notimex', 'notimex'],
  ['Télam', 'télam', 'telam'],
  ['Pixsell', 'pixsell'],
  ['WENN', 'wenn'],
  ['Splash News', 'splash news'],
  ['Backgrid', 'backgrid'],
  ['Icon Sportswire', 'icon sportswire'],
  ['Action Images', 'action images'],
  ['Avalon', 'avalon'],
  ['Bildbyrån', 'bildbyrån'],
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
  // Italian and Spanish papers put the word first: "Foto ANSA", "Foto EFE", "Photo AFP".
  if (key.startsWith('foto ') || key.startsWith('photo ')) return CANONICAL_BY_SPELLING.get(key.slice(key.indexOf(' ') + 1));
  return undefined;
}
