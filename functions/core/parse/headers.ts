// Header lines at the top of a .txt upload ("Title: ...", "Author: ...", "Date: ...").
import type { RawImage } from '../model';

export const KNOWN_HEADERS = [
  'title', 'author', 'authors', 'by', 'date', 'tags', 'slug', 'image', 'caption', 'credit', 'summary', 'language',
  'publisher',
] as const;

const KNOWN = new Set<string>(KNOWN_HEADERS);
// "Key: value" with a one-word key; the space after the colon keeps "https://..." from looking like a header.
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9_-]{0,39}):(?:[ \t]+(.*))?$/;

/** True when the trimmed line is `Key: value` with a known key. */
export function isKnownHeaderLine(line: string): boolean {
  const match = HEADER_LINE.exec(line.trim());
  return match !== null && KNOWN.has(match[1]!.toLowerCase());
}

export interface HeaderBlock {
  /** Lower-cased keys; `tags` split on commas, everything else the value as written (trimmed); blank ones left out. */
  meta: Record<string, string | string[]>;
  /** One image per `Image:` line, with the `Caption:` and `Credit:` lines around it. */
  images: RawImage[];
  /** Number of lines the block used, including the blank line that ends it. */
  lineCount: number;
}

/**
 * Reads the contiguous header block at the start of `lines`. The block must start with a known header,
 * so a scraped title such as "Breaking: storm hits coast" is not taken for one. It ends at a blank line
 * or at the first line that is not `Key: value`.
 */
export function parseHeaderBlock(lines: readonly string[]): HeaderBlock {
  const meta: Record<string, string | string[]> = {};
  const images: RawImage[] = [];
  const first = HEADER_LINE.exec(lines[0]?.trim() ?? '');
  if (!first || !KNOWN.has(first[1]!.toLowerCase())) return { meta, images, lineCount: 0 };

  let index = 0;
  // Caption/Credit seen before any Image: line describe an image that has no file (the seed's shape).
  let current: RawImage | undefined;
  for (; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') {
      index++;
      break;
    }
    const match = HEADER_LINE.exec(line);
    if (!match) break;
    const key = match[1]!.toLowerCase();
    const value = (match[2] ?? '').trim();
    // A header left blank in a template ("Image:") says nothing: it is consumed but not recorded.
    if (value === '') continue;
    // The first of repeated headers wins; repeated Image/Caption/Credit lines still describe more images.
    if (!Object.hasOwn(meta, key)) {
      meta[key] = key === 'tags' ? value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '') : value;
    }
    if (key === 'image') {
      if (current && current.src === undefined) current.src = value;
      else images.push((current = { src: value, caption: '' }));
    } else if (key === 'caption' || key === 'credit') {
      if (!current || (key === 'caption' ? current.caption !== '' : current.credit !== undefined)) {
        images.push((current = { caption: '' }));
      }
      if (key === 'caption') current.caption = value;
      else current.credit = value;
    }
  }
  return { meta, images, lineCount: index };
}
