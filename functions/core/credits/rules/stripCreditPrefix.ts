import type { CreditRule } from '../draft';

// "©", "(c)", "Copyright", optionally followed by a year or a year range.
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\b)?\s*[:,-]?\s*/iu;
// The label words of a credit in the house styles and languages we see: English ("Photo", "Photograph",
// "Image credit", "Staff photo"), German ("Foto", "Bild", "Fotos"), Italian/Spanish/Portuguese ("Foto",
// "Fotografía", "Fotografia"), French ("Crédit photo", "Photo"), Dutch ("Beeld"), Russian ("Фото"),
// Japanese ("写真"), Chinese ("摄影", "图片"), and BBC's "Image source".
const LABEL_WORD =
  '(?:(?:staff\\s+)?(?:photo(?:graph|graphy|grapher)?s?|images?|pictures?|pics?)(?:\\s+(?:credits?|source))?|credits?(?:\\s+photos?)?|cr[ée]dits?(?:\\s+photos?)?|fotos?(?:graf[ií]as?|grafie)?|bild(?:er)?|beeld|фото|写真|摄影|图片(?:来源)?)';
// What separates the label from the credit: "by", a colon (French typography puts a space before it;
// CJK a full-width one), a spaced dash, NYT's "Credit..." dots, BBC's comma, or a language's "by"
// ("von", "di", "de", "par", "por").
const LABEL = new RegExp(`^${LABEL_WORD}\\s*(?:(?:by|von|di|de|par|por)\\b|[:：]|\\s-\\s|\\.{3}|…|,(?=\\s))\\s*`, 'iu');

/**
 * Strips one credit prefix ("Photo: ", "Credit:", "Photo by", "Foto: ", "Credit...", "Image source, ",
 * "©", "(c) 2024"); marks the draft prefixed.
 */
export const stripCreditPrefix: CreditRule = (draft) => {
  const match = COPYRIGHT.exec(draft.text) ?? LABEL.exec(draft.text);
  if (match === null || match[0] === '') return draft;
  return { ...draft, text: draft.text.slice(match[0].length).trim(), prefixed: true };
};
