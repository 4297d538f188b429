// Output budgets: an item carries its article's HTML up to site.itemContentBytes, cut cleanly at a
// top-level block; a head feed stays under site.headFeedBytes by making its oldest items summary-only.
// Cutting is linear in the HTML: one pass over tags, which are well-formed here (sanitized bodies, our own figures).
import type { Article } from '../model';

/** No item summary-only: the renderers' default. */
export const NO_IDS: ReadonlySet<string> = new Set();

/** UTF-8 size of a string, as stored and served. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g;

/**
 * The longest prefix of `html` that ends after a complete top-level element (or top-level text run)
 * and fits in `maxBytes` UTF-8 bytes. Empty when not even the first block fits.
 */
export function cutAtBlock(html: string, maxBytes: number): string {
  if (utf8Bytes(html) <= maxBytes) return html;
  let depth = 0;
  let best = 0;
  let counted = 0;
  let bytes = 0;
  const boundary = (at: number): boolean => {
    bytes += utf8Bytes(html.slice(counted, at));
    counted = at;
    if (bytes > maxBytes) return false;
    best = at;
    return true;
  };
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const [whole, closing, name, selfClosing] = match as unknown as [string, string, string, string];
    const end = match.index + whole.length;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!VOID.has(name.toLowerCase()) && !selfClosing) {
      // Text between top-level blocks ends a block too.
      if (depth === 0 && match.index > counted && html.slice(counted, match.index).trim() !== '' && !boundary(match.index)) break;
      depth += 1;
      continue;
    }
    if (depth === 0 && !boundary(end)) break;
  }
  return html.slice(0, best).trimEnd();
}

/**
 * Renders a head feed under `maxBytes`: all items full if that fits; else the fewest oldest items
 * summary-only that fits (binary search: the size only falls as more items go summary-only); else,
 * with every item summary-only, the most newest items that fit.
 */
export function renderWithinBudget(
  render: (items: Article[], summaryOnly: ReadonlySet<string>) => string,
  newestFirst: Article[],
  maxBytes: number,
): string {
  const full = render(newestFirst, NO_IDS);
  if (utf8Bytes(full) <= maxBytes) return full;
  const oldest = (count: number) => new Set(newestFirst.slice(newestFirst.length - count).map((a) => a.id));
  const withSummaries = (count: number) => render(newestFirst, oldest(count));
  const all = oldest(newestFirst.length);
  if (utf8Bytes(render(newestFirst, all)) > maxBytes) {
    const drop = smallestFitting(newestFirst.length, (n) => utf8Bytes(render(newestFirst.slice(0, newestFirst.length - n), all)) <= maxBytes);
    return render(newestFirst.slice(0, newestFirst.length - drop), all);
  }
  const count = smallestFitting(newestFirst.length, (n) => utf8Bytes(withSummaries(n)) <= maxBytes);
  return withSummaries(count);
}

/** The smallest n in 1..max with fits(n) true, given fits is monotone and fits(max) holds. */
function smallestFitting(max: number, fits: (n: number) => boolean): number {
  let low = 1;
  let high = max;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) high = mid;
    else low = mid + 1;
  }
  return high;
}
