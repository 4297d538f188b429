// Instants as feeds, pages and the index write them: RFC 3339 in UTC, whole seconds. The one
// formatter (tests/repo/one-definition.test.ts fails on a second): the model's dates, the feed dates,
// the build's fallback dates and the scheduler's at() expression all come from here.
import { rememberedPerInput } from './memo';

/**
 * "2024-10-31T09:00:00Z" for a Date, an epoch millisecond count or any string Date can read. A fraction
 * is cut, never rounded up into the future; a year outside 0000-9999 keeps toISOString's expanded form.
 */
export function rfc3339(at: Date | string | number): string {
  return typeof at === 'string' ? rfc3339OfText(at) : format(at);
}

// A full build formats each article's date strings in ~10 outputs (core/memo.ts).
const rfc3339OfText = rememberedPerInput(format);

function format(at: Date | string | number): string {
  const iso = (at instanceof Date ? at : new Date(at)).toISOString();
  // "2024-10-31T09:00:00.000Z": 24 characters for years 0000-9999.
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, 'Z');
}
