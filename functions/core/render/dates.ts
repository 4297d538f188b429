// Feed date formats. Input is the model's RFC 3339 UTC; output never depends on the clock.
import { rfc3339 } from '../instant';
import { rememberedPerInput } from '../memo';

// The renderers take RFC 3339 with the other feed date formats; it is defined (and remembered) in core/instant.ts.
export { rfc3339 } from '../instant';

/** RFC 822 (as RFC 2822 / RSS 2.0 use it) in GMT: "Thu, 31 Oct 2024 00:00:00 GMT". */
export const rfc822: (iso: string) => string = rememberedPerInput((iso) => new Date(iso).toUTCString());

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
