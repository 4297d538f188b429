import { rfc3339 } from '../../instant';
import { zonedTimeToUtc } from '../../timezone';

// Dates in, RFC 3339 UTC out ("2024-10-31T09:00:00Z", no milliseconds: core/instant.ts), the one format every renderer uses.

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
// RFC 2822: "Thu, 31 Oct 2024 09:00:00 +0000" (weekday optional, zone may be a name like GMT).
const RFC_2822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)?$/;
// Editors also type "October 31, 2024" or "31 October 2024".
const WRITTEN_DATE = /^(?:[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4})$/;

/**
 * A date from an upload as RFC 3339 UTC, or undefined when it is not a date we can read without guessing.
 * A date without a time ("2024-10-31", "31 October 2024") is the start of that day in the site's time zone,
 * and a date-time without an offset is wall-clock time there: what an editor in that newsroom means.
 */
export function parseDate(value: unknown, timeZone = 'UTC'): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : rfc3339(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let ms = Number.NaN;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    // Date.UTC rolls 2024-02-31 over to March and maps year 0099 to 1999: reject instead of publishing another day.
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    ms = zonedTimeToUtc(year, month, day, 0, 0, 0, timeZone);
  } else if (ISO_DATE_TIME.test(text)) {
    // A date-time without an offset is the site's wall clock, never the machine's local time (deterministic).
    const iso = text.replace(' ', 'T');
    ms = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(iso) ? Date.parse(iso) : wallClockInZone(Date.parse(`${iso}Z`), timeZone);
  } else if (RFC_2822.test(text)) ms = Date.parse(text);
  else if (WRITTEN_DATE.test(text)) ms = wallClockInZone(Date.parse(`${text} 00:00:00 UTC`), timeZone);
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return undefined;
  return rfc3339(date);
}

/** A wall-clock time parsed as if UTC (ms), re-read in the zone. */
function wallClockInZone(asUtc: number, timeZone: string): number {
  if (!Number.isFinite(asUtc)) return Number.NaN;
  const d = new Date(asUtc);
  return zonedTimeToUtc(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), timeZone);
}

const DAY_MS = 86_400_000;

/**
 * The date of a wire dateline ("LISBON, March 3 (Reuters) -"), which never prints the year: the latest
 * such day not after `reference` (the upload time) plus a day for time zones. Undefined for a day the
 * month lacks (February 30). Returned as "YYYY-MM-DD".
 */
export function datelineDate(month: number, day: number, reference: string): string | undefined {
  const referenceMs = Date.parse(reference);
  if (!Number.isFinite(referenceMs)) return undefined;
  let year = new Date(referenceMs).getUTCFullYear();
  for (let tries = 0; tries < 2; tries++, year--) {
    const ms = Date.UTC(year, month - 1, day);
    const date = new Date(ms);
    if (date.getUTCMonth() !== month - 1) return undefined;
    // A date only: parseDate reads it in the site's time zone, as a typed `Date: 2024-03-03`.
    if (ms <= referenceMs + DAY_MS) return rfc3339(date).slice(0, 10);
  }
  return undefined;
}

// Feeds began in the late 1990s; a date before 1990 is almost always a typo ("1924") or a zeroed clock.
const EARLIEST_PLAUSIBLE_YEAR = 1990;
// Scheduled publishing is for days and weeks ahead: more than a year ahead is most likely a typo.
const FUTURE_PLAUSIBLE_MS = 366 * DAY_MS;

/** Warns about a stated date before 1990 or more than a year after `now` (kept as stated: the editor may mean it). */
export function warnImplausibleDate(date: string, now: string, warnings: string[]): void {
  const ms = Date.parse(date);
  const nowMs = Date.parse(now);
  if (new Date(ms).getUTCFullYear() < EARLIEST_PLAUSIBLE_YEAR) {
    warnings.push(`the date ${date.slice(0, 10)} is before ${EARLIEST_PLAUSIBLE_YEAR}: is the year right?`);
  } else if (Number.isFinite(nowMs) && ms > nowMs + FUTURE_PLAUSIBLE_MS) {
    warnings.push(`the date ${date.slice(0, 10)} is more than a year after the upload (${now.slice(0, 10)}): is the year right?`);
  }
}
