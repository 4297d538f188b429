// Public API of the credit normalizer. Owned by the credits work; the parser only needs isCreditLine.
import type { Credit, CreditStyle } from '../../model';
import { DEFAULT_SITE } from '../../model';

/** Parses a raw credit line into its structure and renders `display` in the house style. */
export function normalizeCredit(raw: string, style: CreditStyle = DEFAULT_SITE.creditStyle): Credit {
  // Provisional: keeps the raw text verbatim (never invents a photographer) until the rules land.
  const text = raw.trim();
  return { display: text, handout: false, pool: false, raw };
}

/** True when a line of a scrape is an image credit ("REUTERS/Name", "Name/NurPhoto", "Photo: X"...), not body text. */
export function isCreditLine(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 120 || /[.!?]["”’]?$/.test(text) && !/\b(AP|AFP)\b/.test(text)) return false;
  return /^(photo|credit|image|picture)s?\s*(by|:)/i.test(text) || /\S\s*\/\s*\S/.test(text) && text.split(/\s+/).length <= 10;
}
