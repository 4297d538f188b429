// Feed date formats. Input is the model's RFC 3339 UTC; output never depends on the clock.
import { rfc3339 } from '../instant';

// The renderers take RFC 3339 with the other feed date formats; it is defined (and remembered) in core/instant.ts.
export { rfc3339 } from '../instant';

/**
 * `format` remembered per input: a full build formats each article's dates in ~10 outputs (head, month
 * and tag archives in three formats, pages), and parsing a date costs more than a lookup. Pure, so the
 * bytes do not change; emptied when full, so memory stays bounded.
 */
function memoized(format: (iso: string) => string): (iso: string) => string {
  const known = new Map<string, string>();
  return (iso) => {
    let out = known.get(iso);
    if (out === undefined) {
      out = format(iso);
      if (known.size >= 50_000) known.clear();
      known.set(iso, out);
    }
    return out;
  };
}

/** RFC 822 (as RFC 2822 / RSS 2.0 use it) in GMT: "Thu, 31 Oct 2024 00:00:00 GMT". */
export const rfc822: (iso: string) => string = memoized((iso) => new Date(iso).toUTCString());

/** The newest `updated` of the items (the feed's own updated time), or undefined for an empty feed. */
export function newestUpdated(items: { updated: string }[]): string | undefined {
  // Compared as instants: "…:00.5Z" and "…:00Z" do not sort as strings.
  let newest: number | undefined;
  for (const item of items) {
    const at = Date.parse(item.updated);
    if (newest === undefined || at > newest) newest = at;
  }
  return newest === undefined ? undefined : rfc3339(newest);
}
