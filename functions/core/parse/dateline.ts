// Datelines open wire copy: "LISBON (AP) —", "LISBON, March 3 (Reuters) -", "PARIS, 3 mars (AFP) -",
// "BERLIN (dpa) -". They stay the body's first words; the agency (and the month and day) can give the
// publisher and the date when nothing else does.
import { canonicalAgency } from '../credits';

export interface Dateline {
  /** "LISBON", "NEW YORK": as printed. */
  place: string;
  agency?: string;
  /** 1-12 and 1-31 when the dateline states them ("March 3"); the year is never printed. */
  month?: number;
  day?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

// Only the start of the paragraph is read: the pattern is bounded, so a long paragraph costs one slice.
const HEAD_LENGTH = 120;
// A region after the place ("KYIV, Ukraine (AP) —", "ST. LOUIS, Mo. (AP) —": AP style) counts only before an agency.
const DATELINE =
  /^([\p{Lu}][\p{Lu}\p{M}.'’ -]{1,40}?)(?:,\s*(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]{3,9})\.?|(\p{Lu}[\p{L}\p{M}.'’ -]{0,30}?)))?\s*(?:\(([^()]{2,30})\)\s*)?[-–—]\s/u;

/** The dateline opening a paragraph, or undefined. The place is all capitals; a dash follows. */
export function datelineOf(paragraph: string | undefined): Dateline | undefined {
  if (paragraph === undefined) return undefined;
  const match = DATELINE.exec(paragraph.slice(0, HEAD_LENGTH));
  if (match === null) return undefined;
  const place = match[1]!.trim();
  // "A US-led" or "I –": a real place has two capitals at least.
  if (place.replace(/[^\p{Lu}]/gu, '').length < 2) return undefined;
  if (match[6] !== undefined && match[7] === undefined) return undefined;
  const dateline: Dateline = { place };
  const agency = match[7] === undefined ? undefined : canonicalAgency(match[7]);
  if (match[7] !== undefined && agency === undefined) return undefined;
  if (agency !== undefined) dateline.agency = agency;
  const monthName = (match[2] ?? match[5])?.toLowerCase();
  const day = Number(match[3] ?? match[4]);
  const month = monthName === undefined ? undefined : MONTHS[monthName];
  if (month !== undefined && day >= 1 && day <= 31) {
    dateline.month = month;
    dateline.day = day;
  }
  return dateline;
}
