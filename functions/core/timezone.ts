// The newsroom's time zone (site.json "timeZone", IANA): what day and month an instant falls in there,
// and which instant a wall-clock time there names. Uses the runtime's IANA data (Intl), cached per zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a zone name the runtime knows ("Australia/Sydney", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  // UTC (the default zone) is the Date's own UTC fields: formatToParts costs several µs per call and
  // runs for every article. Only years 1-9999, where Intl's numeric year is the same number.
  if (timeZone === 'UTC' && Number.isFinite(ms)) {
    const d = new Date(ms);
    const year = d.getUTCFullYear();
    if (year >= 1 && year <= 9999) {
      return { year, month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
    }
  }
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 };
}

/** Offset of the zone from UTC at an instant, in milliseconds (+11 h for Sydney in summer). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - (ms - (ms % 1000));
}

/**
 * The instant (ms) a wall-clock time in the zone names. Around a DST change the two candidate offsets
 * are tried and the earlier instant wins, so the answer is deterministic in a gap or an overlap.
 */
export function zonedTimeToUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second_ = asUtc - offsetAt(first, timeZone);
  return Math.min(first, second_);
}

/** "YYYY-MM" of an instant in the zone. */
export function monthInZone(iso: string, timeZone: string): string {
  const w = wallClock(Date.parse(iso), timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" of an instant in the zone. */
export function dayInZone(iso: string, timeZone: string): string {
  const w = wallClock(Date.parse(iso), timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
