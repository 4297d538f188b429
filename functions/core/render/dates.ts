// Feed date formats. Input is the model's RFC 3339 UTC; output never depends on the clock.

/** RFC 822 (as RFC 2822 / RSS 2.0 use it) in GMT: "Thu, 31 Oct 2024 00:00:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** RFC 3339 in UTC, whole seconds (a fraction is cut, never rounded up into the future): "2024-10-31T00:00:00Z". */
export function rfc3339(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}Z`;
}

/** The newest `updated` of the items (the feed's own updated time), or undefined for an empty feed. */
export function newestUpdated(items: { updated: string }[]): string | undefined {
  // Compared as instants: "…:00.5Z" and "…:00Z" do not sort as strings.
  let newest: number | undefined;
  for (const item of items) {
    const at = Date.parse(item.updated);
    if (newest === undefined || at > newest) newest = at;
  }
  return newest === undefined ? undefined : rfc3339(new Date(newest).toISOString());
}
