// The working structure the credit rules pass along. Each rule is pure: draft in, new draft out.

export interface CreditDraft {
  /** The credit line exactly as uploaded. */
  readonly raw: string;
  /** The input trimmed with whitespace runs collapsed: the display of a shape no rule recognizes. */
  readonly collapsed: string;
  /** Text still to be read; emptied when it is split into `segments`. */
  text: string;
  /** Text after prefixes ("Photo:", "©") and trailing punctuation were stripped, before it was split. */
  stripped?: string;
  /** Slash-separated parts no rule has claimed yet. */
  segments: string[];
  photographer?: string;
  agency?: string;
  provider?: string;
  via?: string;
  /** "Getty Images for Tribeca Festival": who commissioned an agency's shoot (reported as provider). */
  client?: string;
  handout: boolean;
  pool: boolean;
  /** "REUTERS/Name/File Photo": an archive picture (shown in the display; the Credit model has no field). */
  filePhoto: boolean;
  /** "Illustration by", "Photo illustration:": a design label before the credit, shown as written. */
  label?: string;
  /** "REUTERS/Dado Ruvic/Illustration": a design label segment, shown where it stood (last). */
  labelSegment?: string;
  /** "STR/AFP", "AFP/STR": a wire code (stringer, staff), shown on the side of the agency where it stood. */
  wireCode?: string;
  /** True when the wire code stood before the agency. */
  wireCodeFirst: boolean;
  /** "Courtesy of X": X is the provider. */
  courtesy: boolean;
  /** "Photo by X for Y": X shot it on assignment for the publication Y (kept as agency). */
  assignment: boolean;
  /** A credit prefix was found: "Photo:", "Credit:", "Photo by", "©"... */
  prefixed: boolean;
  /** The text was split into segments (the rules after the split read segments, not text). */
  split: boolean;
}

export type CreditRule = (draft: CreditDraft) => CreditDraft;

// What collapseWhitespace would change: a zero-width character, whitespace other than a single space
// between words (a run, an end, a tab, a no-break space...). Without the u flag: same set, faster.
const UNTIDY = /[\u200B-\u200D\u2060]|[^\S ]| {2}|^ | $/;

/**
 * Whitespace runs (including no-break and other Unicode spaces) become one space; ends trimmed.
 * Zero-width characters, invisible leftovers of scraped links, are removed.
 */
export function collapseWhitespace(text: string): string {
  // Most lines are already tidy: no zero-width character, only single spaces between words.
  if (!UNTIDY.test(text)) return text;
  return text.replace(/[\u200B-\u200D\u2060]/gu, '').replace(/\s+/gu, ' ').trim();
}

export function draftOf(raw: string): CreditDraft {
  const collapsed = collapseWhitespace(raw);
  // Every field present from the start, in one order: each rule copies the draft with a spread, and a
  // spread that adds a field the object lacks is an order of magnitude slower (a new hidden class each time).
  return {
    raw,
    collapsed,
    text: collapsed,
    stripped: undefined,
    segments: [],
    photographer: undefined,
    agency: undefined,
    provider: undefined,
    via: undefined,
    client: undefined,
    handout: false,
    pool: false,
    filePhoto: false,
    label: undefined,
    labelSegment: undefined,
    wireCode: undefined,
    wireCodeFirst: false,
    courtesy: false,
    assignment: false,
    prefixed: false,
    split: false,
  };
}

/** How far the rules understood a line. */
export type CreditShape =
  /** Every part was claimed and at least one credit marker was seen (agency, prefix, via, Handout, Pool...). */
  | 'structured'
  /** A credit prefix was found but the rest is not a shape we know: shown without the prefix, verbatim. */
  | 'prefixed'
  /** Not recognized: shown verbatim (whitespace collapsed), no fields filled. */
  | 'unknown';

export function shapeOf(draft: CreditDraft): CreditShape {
  const claimedAll = draft.split && draft.segments.length === 0 && draft.text === '';
  const marked =
    draft.prefixed ||
    draft.agency !== undefined ||
    draft.via !== undefined ||
    draft.handout ||
    draft.pool ||
    draft.filePhoto ||
    draft.wireCode !== undefined ||
    draft.labelSegment !== undefined ||
    draft.courtesy ||
    draft.assignment;
  const hasContent = draft.photographer !== undefined || draft.agency !== undefined || draft.provider !== undefined || draft.via !== undefined ||
    draft.client !== undefined || draft.handout || draft.pool;
  if (claimedAll && marked && hasContent) return 'structured';
  if (draft.prefixed && (draft.stripped ?? '') !== '' && !readsAsSentence(draft)) return 'prefixed';
  return 'unknown';
}

// "Photo: the crowd gathered outside the court.", "Foto di gruppo per i ministri al vertice.": a label
// word opening a sentence is no credit prefix, and the line is kept verbatim. A sentence: four words or
// more after the label, and a lower-case first word or a full stop after a lower-case letter at the end.
const MIN_SENTENCE_WORDS = 4;
const LOWER_FIRST = /^\p{Ll}/u;
const SENTENCE_END = /\p{Ll}[.!?]$/u;

/** True when the text after a credit label is a sentence, not a credit ("neverRewriteASentence"). */
export function readsAsSentence(draft: CreditDraft): boolean {
  const rest = draft.stripped ?? '';
  // Counted with indexOf, and only the last two characters tested: a 2 MB header value costs no split.
  let words = 1;
  for (let at = rest.indexOf(' '); at >= 0 && words < MIN_SENTENCE_WORDS; at = rest.indexOf(' ', at + 1)) words++;
  if (words < MIN_SENTENCE_WORDS) return false;
  return LOWER_FIRST.test(rest) || SENTENCE_END.test(draft.collapsed.slice(-2));
}
