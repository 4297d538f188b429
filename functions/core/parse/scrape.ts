// The plain-text scrape shape: title line, image blocks (caption, the caption again, credit line),
// body paragraphs separated by blank lines.
import type { RawImage } from '../model';
import { type CreditMemo, isCreditLineRecorded } from '../normalize/credits';

export interface ScrapedText {
  /** The first line, when the caller asked for it (no `Title:` header). */
  title?: string;
  images: RawImage[];
  paragraphs: string[];
  /** "Jane Doe and Ali Khan" from a "By Jane Doe and Ali Khan" line before the first paragraph. */
  byline?: string;
}

// "By Jane Doe", "By Jane Doe and Ali Khan", "By Anne-Marie O’Neill, Bo Li": capitalized names and connectors only,
// so a sentence such as "By Tuesday, talks had stalled." stays body.
const BYLINE = /^By\s+(\p{Lu}[\p{L}.'’-]*,?(?:\s+(?:\p{Lu}[\p{L}.'’-]*,?|and|&|de|van|von|der|al|bin))*)$/u;
const MAX_BYLINE_WORDS = 8;

function bylineOf(line: string): string | undefined {
  const match = BYLINE.exec(line);
  if (!match || match[1]!.split(/\s+/).length > MAX_BYLINE_WORDS) return undefined;
  return match[1]!.replace(/,$/, '');
}

// A caption typed with line breaks spans a few lines; a longer block ending in a short "X/Y" line is body.
const MAX_CAPTION_LINES = 3;

/** Splits lines into blocks of non-blank, trimmed lines. */
export function blocksOf(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  let block: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(line);
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/**
 * Reads a scrape. A block whose last line is a credit line, after at most three caption lines (a
 * repeated caption counted once), is an image; a block of one caption repeated (alt text + figcaption)
 * is an image without credit; a lone credit line right after a one-line block makes that line its caption.
 * A "By Name" line before the first paragraph is the byline.
 * Everything else is a paragraph, its lines joined with spaces.
 */
export function parseScrape(lines: readonly string[], withTitle: boolean, creditMemo?: CreditMemo): ScrapedText {
  const blocks = blocksOf(lines);
  const result: ScrapedText = { images: [], paragraphs: [] };
  if (withTitle) {
    const first = blocks.shift();
    if (first) {
      result.title = first[0]!;
      if (first.length > 1) blocks.unshift(first.slice(1));
    }
  }
  // The previous block when it was a one-line paragraph: a lone credit line after it makes it a caption.
  let lonePreviousLine: string | undefined;
  for (const block of blocks) {
    const distinct = withoutRepeats(block);
    const last = distinct[distinct.length - 1]!;
    if (distinct.length <= MAX_CAPTION_LINES + 1 && isCreditLineRecorded(last, creditMemo)) {
      const caption = distinct.slice(0, -1).join(' ');
      if (caption !== '') {
        result.images.push({ caption, credit: last });
      } else if (lonePreviousLine !== undefined && result.paragraphs.at(-1) === lonePreviousLine) {
        result.paragraphs.pop();
        result.images.push({ caption: lonePreviousLine, credit: last });
      } else {
        result.images.push({ caption: '', credit: last });
      }
      lonePreviousLine = undefined;
      continue;
    }
    if (block.length >= 2 && distinct.length === 1) {
      result.images.push({ caption: last });
      lonePreviousLine = undefined;
      continue;
    }
    if (withTitle && result.paragraphs.length === 0 && result.byline === undefined && block.length === 1) {
      const byline = bylineOf(block[0]!);
      if (byline !== undefined) {
        result.byline = byline;
        continue;
      }
    }
    const paragraph = block.join(' ');
    result.paragraphs.push(paragraph);
    lonePreviousLine = block.length === 1 ? paragraph : undefined;
  }
  return result;
}

/**
 * Keeps one of two neighbouring lines that say the same thing (the caption scraped twice, as alt text
 * and as figcaption, which often differ only in spacing, case or a final full stop): the one with more
 * visible characters, the later (the figcaption) on a tie.
 */
function withoutRepeats(block: readonly string[]): string[] {
  const kept: string[] = [];
  for (const line of block) {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && sameCaption(previous, line)) {
      // An identical repeat needs no counting: keeping either is the same.
      if (line !== previous && visibleLength(line) >= visibleLength(previous)) kept[kept.length - 1] = line;
    } else {
      kept.push(line);
    }
  }
  return kept;
}

const visibleLength = (line: string): number => line.replace(/\s+/g, '').length;

/** The caption with spacing, case and a final full stop ignored (exposed for tests). */
export function captionKey(line: string): string {
  return line.replace(/\s+/g, ' ').replace(/[\s.!…]+$/u, '').toLowerCase();
}

export function sameCaption(a: string, b: string): boolean {
  // Scrapes mostly repeat the caption character for character, and a caption and its credit line differ
  // within a few letters: both settled without building the keys.
  return a === b || (!differInLeadingLetters(a, b) && captionKey(a) === captionKey(b));
}

const isAsciiAlphanumeric = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

/**
 * True when both lines start with ASCII letters and digits that differ (ignoring case) before either
 * run ends: their caption keys start with those characters lower-cased, so the keys differ too.
 */
function differInLeadingLetters(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (!isAsciiAlphanumeric(x) || !isAsciiAlphanumeric(y)) return false;
    if ((x | 0x20) !== (y | 0x20)) return true;
  }
  return false;
}
