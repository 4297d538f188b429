// Strict date syntax checks: RFC 822 (as updated by RFC 2822) for RSS, RFC 3339 for Atom and JSON Feed.
// Date.parse accepts far too much ("2024-10-31", "Oct 31 2024"), so the grammar is checked explicitly,
// then the calendar (no 31 February, the weekday matches the date).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const RFC822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UT|Z|[ECMP][SD]T|[+-]\d{4})$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isClockTime(hour: number, minute: number, second: number): boolean {
  // Second 60 is a leap second, allowed by both RFCs.
  return hour <= 23 && minute <= 59 && second <= 60;
}

/** "Thu, 31 Oct 2024 00:00:00 GMT" -> true; "2024-10-31T00:00:00Z" -> false. */
export function isRfc822Date(value: string): boolean {
  const m = RFC822.exec(value);
  if (!m) return false;
  const [, weekday, day, monthName, year, hour, minute, second] = m;
  const month = MONTHS.indexOf(monthName as string) + 1;
  if (!isCalendarDate(Number(year), month, Number(day))) return false;
  if (!isClockTime(Number(hour), Number(minute), Number(second ?? 0))) return false;
  if (weekday === undefined) return true;
  return WEEKDAYS[new Date(Date.UTC(Number(year), month - 1, Number(day))).getUTCDay()] === weekday;
}

/** "2024-10-31T00:00:00Z" -> true; "2024-10-31" or "2024-10-31 00:00:00Z" -> false. */
export function isRfc3339Date(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [, year, month, day, hour, minute, second, offsetHour, offsetMinute] = m;
  if (!isCalendarDate(Number(year), Number(month), Number(day))) return false;
  if (!isClockTime(Number(hour), Number(minute), Number(second))) return false;
  return offsetHour === undefined || (Number(offsetHour) <= 23 && Number(offsetMinute) <= 59);
}

/** Our feeds write whole seconds: a fraction ("…:06.250Z") is legal RFC 3339 but some readers mis-parse it. */
export function hasFractionalSeconds(value: string): boolean {
  return /T\d{2}:\d{2}:\d{2}\./i.test(value);
}
