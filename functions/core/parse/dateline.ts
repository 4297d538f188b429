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
  // The wires' own languages: dpa ("12. Februar"), AFP ("3 mars"), EFE ("12 feb", "5 dic"), ANSA ("3 ottobre").
  januar: 1, februar: 2, märz: 3, maerz: 3, mai: 5, juni: 6, juli: 7, okt: 10, oktober: 10, dez: 12, dezember: 12,
  janv: 1, janvier: 1, févr: 2, février: 2, fevrier: 2, mars: 3, avr: 4, avril: 4, juin: 6, juil: 7, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, déc: 12, décembre: 12,
  ene: 1, enero: 1, febrero: 2, marzo: 3, abr: 4, abril: 4, mayo: 5, junio: 6, julio: 7, ago: 8, agosto: 8, set: 9,
  septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, dic: 12, diciembre: 12,
  gen: 1, gennaio: 1, febbraio: 2, aprile: 4, mag: 5, maggio: 5, giu: 6, giugno: 6, lug: 7, luglio: 7, settembre: 9,
  ott: 10, ottobre: 10, dicembre: 12,
};

// Only the start of the paragraph is read: the pattern is bounded, so a long paragraph costs one slice.
const HEAD_LENGTH = 120;
// A region after the place ("KYIV, Ukraine (AP) —", "ST. LOUIS, Mo. (AP) —": AP style) counts only before an agency.
// The dash closing it may be doubled ("(Kyodo) --", Xinhua's "--") or follow a full stop (EFE's "(EFE).-");
// a day may carry German ordinal dot ("12. Februar") and a month any language's letters ("3 février").
const DATELINE =
  /^([\p{Lu}][\p{Lu}\p{M}.'’ -]{1,40}?)(?:,\s*(?:(\p{L}{3,10})\.?\s+(\d{1,2})|(\d{1,2})\.?\s+(\p{L}{3,10})\.?|(\p{Lu}[\p{L}\p{M}.'’ -]{0,30}?)))?\s*(?:\(([^()]{2,30})\)\s*)?\.?(?:--|[-–—])\s/u;

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
