// Deterministic caps on a Markdown body, checked in one linear pass before any Markdown or HTML parser
// sees it: the same file gets the same verdict on every machine, and what passes renders in bounded time
// (markdown-it is linear, but ~1-3 µs per block or markup character; sanitize-html is quadratic in nesting).

/** Block quotes and lists, HTML elements, YAML collections: deeper is never an article's shape. */
export const MAX_NESTING = 100;
/** Lines of a Markdown body; 20,000 is ~1.4 MB of prose wrapped at 72 columns. */
export const MAX_MARKDOWN_LINES = 20_000;
/**
 * Characters that open inline syntax or HTML, and block-quote and list markers (each one a container to
 * build and sanitize, ~10 µs apiece); a 100 KB article with code samples and lists has a few thousand.
 */
export const MAX_MARKUP_CHARACTERS = 50_000;

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
// An element of these names closes an open one of the same name (<li><li>, <p><p>), as HTML parsers do.
const CLOSED_BY_SIBLING = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'rt', 'rp', 'tbody', 'thead', 'tfoot']);

const C = {
  tab: 9, nl: 10, space: 32, bang: 33, amp: 38, star: 42, plus: 43, minus: 45, dot: 46, slash: 47, zero: 48, nine: 57,
  lt: 60, gt: 62, paren: 41, bracketOpen: 91, backslash: 92, bracketClose: 93, underscore: 95, backtick: 96, pipe: 124, tilde: 126,
} as const;

const isMarkup = (code: number): boolean =>
  code === C.star || code === C.underscore || code === C.backtick || code === C.bracketOpen || code === C.bracketClose ||
  code === C.bang || code === C.lt || code === C.amp || code === C.pipe || code === C.tilde || code === C.backslash;
// isMarkup as a table over ASCII (no markup character is above 0x7F): one load per character in the scan.
const MARKUP_ASCII = new Uint8Array(128);
for (let code = 0; code < 128; code++) if (isMarkup(code)) MARKUP_ASCII[code] = 1;
const isLetter = (code: number): boolean => (code | 0x20) >= 97 && (code | 0x20) <= 122;
const isBlank = (code: number): boolean => code === C.space || code === C.tab;

/** Why this Markdown body is over a cap (a sentence for the editor), or undefined when it is within all of them. */
export function markdownOverLimit(body: string, firstLine = 1): string | undefined {
  const length = body.length;
  let lines = firstLine;
  let bodyLines = 1;
  let markup = 0;
  // Open HTML elements, innermost last, and how many of each name are open (to match end tags as parsers do).
  const open: string[] = [];
  const openCount = new Map<string, number>();
  let nextGt = -1; // the next '>' at or after the scan position; -2 once there is none left
  let index = 0;
  let previousDepth = 0;
  while (index < length) {
    // Line start: the container prefix (quote markers, list markers, indentation) bounds this line's nesting.
    const depth = containerDepth(body, index, previousDepth);
    if (depth !== undefined) previousDepth = depth;
    if (depth !== undefined && depth > MAX_NESTING) return `nesting deeper than ${MAX_NESTING} (block quotes and lists) on line ${lines}`;
    markup += prefixMarkers;
    if (markup > MAX_MARKUP_CHARACTERS) return tooMuchMarkup;
    for (; index < length; index++) {
      const code = body.charCodeAt(index);
      if (code === C.nl) {
        index++;
        lines++;
        if (++bodyLines > MAX_MARKDOWN_LINES) return `more than ${MAX_MARKDOWN_LINES.toLocaleString('en-US')} lines of Markdown`;
        break;
      }
      if (code >= 128 || MARKUP_ASCII[code] === 0) continue;
      if (++markup > MAX_MARKUP_CHARACTERS) return tooMuchMarkup;
      if (code !== C.lt || nextGt === -2) continue;
      const closing = body.charCodeAt(index + 1) === C.slash;
      const nameStart = index + (closing ? 2 : 1);
      if (!isLetter(body.charCodeAt(nameStart))) continue;
      if (nextGt < index) nextGt = body.indexOf('>', index);
      if (nextGt === -1) {
        nextGt = -2; // no tag can end after here: the rest is text to every HTML parser
        continue;
      }
      let nameEnd = nameStart + 1;
      while (nameEnd < nextGt && /[A-Za-z0-9-]/.test(body[nameEnd]!)) nameEnd++;
      const name = body.slice(nameStart, nameEnd).toLowerCase();
      if (closing) closeElement(open, openCount, name);
      else if (!VOID_ELEMENTS.has(name)) {
        if (CLOSED_BY_SIBLING.has(name) && open[open.length - 1] === name) closeElement(open, openCount, name);
        open.push(name);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (open.length > MAX_NESTING) return `HTML nesting deeper than ${MAX_NESTING} elements on line ${lines}`;
      }
    }
  }
  return undefined;
}

const tooMuchMarkup = `more than ${MAX_MARKUP_CHARACTERS.toLocaleString('en-US')} Markdown or HTML markup characters (* _ \` [ ] ! < & | ~ \\, quote and list markers)`;
// Quote and list markers of the line containerDepth read last (a module variable: no object per line).
let prefixMarkers = 0;

/** An end tag closes the innermost open element of its name and everything inside it; a stray one is ignored. */
function closeElement(open: string[], openCount: Map<string, number>, name: string): void {
  if ((openCount.get(name) ?? 0) === 0) return;
  for (;;) {
    const top = open.pop()!;
    openCount.set(top, openCount.get(top)! - 1);
    if (top === name) return;
  }
}

/**
 * An upper bound of the containers (block quotes, list items) open on the line starting at `start`, or
 * undefined for a blank line. A container is opened only by a '>' or a list marker; one continued from
 * the lines above needs two columns of indentation. So: this line's markers, plus the lesser of half its
 * indentation and the depth above (200 spaces before a code line are not 100 lists).
 */
function containerDepth(text: string, start: number, depthAbove: number): number | undefined {
  let quotes = 0;
  let markers = 0;
  let columns = 0;
  let index = start;
  for (;;) {
    const code = text.charCodeAt(index);
    if (code === C.space) columns++;
    else if (code === C.tab) columns += 4;
    else if (code === C.gt) quotes++;
    else if ((code === C.minus || code === C.star || code === C.plus) && isBlank(text.charCodeAt(index + 1))) {
      markers++;
      index++;
    } else if (code >= C.zero && code <= C.nine) {
      let end = index;
      while (end - index < 9 && text.charCodeAt(end) >= C.zero && text.charCodeAt(end) <= C.nine) end++;
      const delimiter = text.charCodeAt(end);
      if ((delimiter !== C.dot && delimiter !== C.paren) || !isBlank(text.charCodeAt(end + 1))) break;
      markers++;
      index = end + 1;
    } else break;
    index++;
  }
  prefixMarkers = quotes + markers;
  if (quotes === 0 && markers === 0) {
    const code = text.charCodeAt(index);
    if (Number.isNaN(code) || code === C.nl || code === 13) return undefined; // a whitespace-only line
  }
  return quotes + markers + Math.min(Math.floor(columns / 2), depthAbove);
}
