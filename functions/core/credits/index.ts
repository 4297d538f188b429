// Public API of the credit normalizer: raw credit line -> structured Credit in the house style.
import type { Credit, CreditStyle } from '../model';
import { DEFAULT_SITE } from '../model';
import { type CreditDraft, collapseWhitespace, draftOf, shapeOf } from './draft';
import { AGENCY_SPELLING_LIST } from './agencies';
import { renderCreditDisplay } from './display';
import { applyCreditRules } from './rules/index';

export { AGENCY_NAMES, canonicalAgency } from './agencies';
export { renderCreditTemplate } from './display';

// The parser asks isCreditLine about a line and the normalizer then renders the same line: within
// sharingCreditParses (one upload's parse and normalize) the rules run once per line, the draft depending
// on the line only. Module state for the length of one synchronous call, so neither the parser nor the
// normalizer carries it through their signatures; outside such a call every line is parsed afresh.
let shared: Map<string, CreditDraft> | undefined;

/** Runs `work` (synchronous) with one parse per distinct credit line; inside another such call, shares that one's parses. */
export function sharingCreditParses<T>(work: () => T): T {
  if (shared !== undefined) return work();
  shared = new Map();
  try {
    return work();
  } finally {
    shared = undefined;
  }
}

/** Runs every credit rule over a raw line (exposed for `isCreditLine` and tests). */
export function parseCredit(raw: string): CreditDraft {
  if (shared === undefined) return applyCreditRules(draftOf(raw));
  let draft = shared.get(raw);
  if (draft === undefined) shared.set(raw, (draft = applyCreditRules(draftOf(raw))));
  return draft;
}

/**
 * Parses a raw credit line into its structure and renders `display` in the house style.
 * A shape no rule recognizes keeps its text verbatim (whitespace collapsed) and fills no field:
 * a photographer is never invented. `raw` is always the exact input.
 */
export function normalizeCredit(raw: string, style: CreditStyle = DEFAULT_SITE.creditStyle): Credit {
  const draft = parseCredit(raw);
  const display = renderCreditDisplay(draft, style);
  if (shapeOf(draft) !== 'structured') return { display, handout: false, pool: false, raw };
  // Fields in reading order; absent ones are left out rather than set to undefined (JSON stays small).
  const { photographer, agency, via, handout, pool } = draft;
  // The Credit model has no client field: whoever commissioned the shoot is reported as the provider.
  const provider = draft.provider ?? draft.client;
  return {
    display,
    ...(photographer === undefined ? {} : { photographer }),
    ...(agency === undefined ? {} : { agency }),
    ...(provider === undefined ? {} : { provider }),
    ...(via === undefined ? {} : { via }),
    handout,
    pool,
    raw,
  };
}

/** The photographer a credit line names (undefined for an unknown shape). */
export function creditPhotographer(line: string): string | undefined {
  const draft = parseCredit(line);
  return shapeOf(draft) === 'structured' ? draft.photographer : undefined;
}

// A credit is a short line; a caption or body paragraph that happens to match a shape is longer.
const MAX_CREDIT_LINE = 120;
const MAX_PREFIXED_WORDS = 8;
// "Image: harbour.png" in a header is a file reference, not a credit.
const FILE_OR_URL = /:\/\/|^www\.|\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|heic)$/iu;

// Every credit shape needs one of these marks (the rules that set agency, via, prefixed, handout, pool,
// filePhoto, courtesy or assignment look for them), so a line without any of them is not a credit.
// Matched on the collapsed, lower-cased line, as canonicalAgency compares: agency spellings (all ASCII)
// stand alone between separators, the other marks anywhere (a superset of what the rules accept).
// Case-sensitive and without the u flag on purpose: several times faster than /iu with \p{L} lookarounds.
const escapeForRegExp = (spelling: string): string => spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// \b works on ASCII words only: spellings with other letters ("čtk", "télam") are matched without it.
const isAscii = (spelling: string): boolean => /^[\x20-\x7e]*$/.test(spelling);
const CREDIT_MARK = new RegExp(
  `\\b(?:${AGENCY_SPELLING_LIST.filter((spelling) => !spelling.includes('/') && isAscii(spelling))
    .map(escapeForRegExp)
    .join('|')})\\b|${AGENCY_SPELLING_LIST.filter((spelling) => !spelling.includes('/') && !isAscii(spelling))
    .map(escapeForRegExp)
    .join('|')}|via|courtesy|handout|pool|file|©|\\(c\\)|copyright|photo|image|picture|pic|credit|crédit|foto|bild|beeld|фото|写真|摄影|图片|illustration|graphic|composite|montage|animation|rendering`,
);

/**
 * True when a line of a scrape is an image credit ("REUTERS/Name", "Name/NurPhoto", "Photo: X"...),
 * not a caption, headline or body sentence: it must parse into a known shape with the same rules as
 * normalizeCredit (an agency, a "Photo:"/"Credit:" prefix, Handout/Pool/via/courtesy), every part claimed.
 * The parser asks this about the last line of every block, most of them paragraphs: two cheap checks
 * (length, a credit mark) settle those before the rules run.
 */
export function isCreditLine(line: string): boolean {
  if (visibleCharactersExceed(line, MAX_CREDIT_LINE)) return false;
  const collapsed = collapseWhitespace(line);
  if (collapsed.length === 0 || collapsed.length > MAX_CREDIT_LINE || !CREDIT_MARK.test(collapsed.toLowerCase())) return false;
  return readsAsCredit(line);
}

/** The full check behind isCreditLine, without the shortcuts (exposed to test that they never change an answer). */
export function readsAsCredit(line: string): boolean {
  const length = collapseWhitespace(line).length;
  if (length === 0 || length > MAX_CREDIT_LINE) return false;
  const draft = parseCredit(line);
  const shape = shapeOf(draft);
  if (shape === 'structured') return true;
  const rest = draft.stripped ?? '';
  return shape === 'prefixed' && rest.split(' ').length <= MAX_PREFIXED_WORDS && !/[.!?]$/.test(draft.collapsed) && !FILE_OR_URL.test(rest);
}

// What collapseWhitespace removes or merges beyond ASCII: its result is at least as long as the count of other characters.
const SPACE_OR_ZERO_WIDTH = /[\s\u200B-\u200D\u2060]/u;

/** True when `line` has more than `limit` characters other than whitespace: it cannot collapse to `limit` or less. */
function visibleCharactersExceed(line: string, limit: number): boolean {
  if (line.length <= limit) return false;
  let visible = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // ASCII decided without a regex: tab to carriage return and the space are whitespace.
    const hidden = code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : SPACE_OR_ZERO_WIDTH.test(line[i]!);
    if (!hidden && ++visible > limit) return true;
  }
  return false;
}
