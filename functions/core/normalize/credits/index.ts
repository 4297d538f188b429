// Public API of the credit normalizer: raw credit line -> structured Credit in the house style.
import type { Credit, CreditStyle } from '../../model';
import { DEFAULT_SITE } from '../../model';
import { type CreditDraft, collapseWhitespace, draftOf, shapeOf } from './draft';
import { renderCreditDisplay } from './display';
import { applyCreditRules } from './rules/index';

export { AGENCY_NAMES, canonicalAgency } from './agencies';
export { renderCreditTemplate } from './display';

/** Runs every credit rule over a raw line (exposed for `isCreditLine` and tests). */
export function parseCredit(raw: string): CreditDraft {
  return applyCreditRules(draftOf(raw));
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

// A credit is a short line; a caption or body paragraph that happens to match a shape is longer.
const MAX_CREDIT_LINE = 120;
const MAX_PREFIXED_WORDS = 8;
// "Image: harbour.png" in a header is a file reference, not a credit.
const FILE_OR_URL = /:\/\/|^www\.|\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|heic)$/iu;

/**
 * True when a line of a scrape is an image credit ("REUTERS/Name", "Name/NurPhoto", "Photo: X"...),
 * not a caption, headline or body sentence: it must parse into a known shape with the same rules as
 * normalizeCredit (an agency, a "Photo:"/"Credit:" prefix, Handout/Pool/via/courtesy), every part claimed.
 */
export function isCreditLine(line: string): boolean {
  // Length first: the parser asks about the last line of every block, most of them long paragraphs.
  const length = collapseWhitespace(line).length;
  if (length === 0 || length > MAX_CREDIT_LINE) return false;
  const draft = parseCredit(line);
  const shape = shapeOf(draft);
  if (shape === 'structured') return true;
  const rest = draft.stripped ?? '';
  return shape === 'prefixed' && rest.split(' ').length <= MAX_PREFIXED_WORDS && !/[.!?]$/.test(draft.collapsed) && !FILE_OR_URL.test(rest);
}
