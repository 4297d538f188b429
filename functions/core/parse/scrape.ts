// The plain-text scrape shape: title line, image blocks (caption, the caption again, credit line),
// body paragraphs separated by blank lines.
import type { RawImage } from '../model';
import { creditPhotographer, isCreditLine, normalizeCredit, sharingCreditParses } from '../credits';
import { type Byline, isRoleLine, labelledByline, nameLine, nameWithRole, placedByline } from './byline';

export interface ScrapedText {
  /** The first line, when the caller asked for it (no `Title:` header). */
  title?: string;
  images: RawImage[];
  paragraphs: string[];
  /** The byline before the body ("By Jane Doe and Ali Khan", "Jane Doe in Lisbon", a name and role lines). */
  byline?: Byline;
  /** A date line near the top ("Published March 3, 2024", "Tue 5 Mar 2024 12.00 GMT"), as written. */
  dateLine?: string;
  /** Lone copyright lines ("© 2023 Acme Corp.") dropped as page footers, not read as image credits. */
  droppedCopyright?: string[];
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

// BBC's labels: "Image source, Getty Images" then "Image caption, Protesters in the square".
const IMAGE_CAPTION_LABEL = /^Image caption,\s+/u;

/**
 * Reads a scrape. A block whose last line is a credit line, after at most three caption lines (a
 * repeated caption counted once), is an image; so is a caption that ends in its credit ("... on Tuesday.
 * (AP Photo/Jane Doe)", "... Photograph: Jane Doe/AFP"); a block of one caption repeated (alt text +
 * figcaption) is an image without credit; a lone credit line right after a one-line block makes that
 * line its caption; a credit line before an "Image caption," line (BBC) credits it.
 * A byline (and a date line) before the second paragraph is read and leaves the body; a lone copyright
 * line with a year is a page footer, not an image.
 * Everything else is a paragraph, its lines joined with spaces.
 */
export function parseScrape(lines: readonly string[], withTitle: boolean): ScrapedText {
  // A line is asked about more than once (credit line, caption credit, copyright): parse each once.
  return sharingCreditParses(() => scrapeBlocks(lines, withTitle));
}

function scrapeBlocks(lines: readonly string[], withTitle: boolean): ScrapedText {
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
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    // The top of the page: after the title (and at most a standfirst), before the body.
    const atTop = withTitle && (result.paragraphs.length === 0 || (result.paragraphs.length === 1 && index < blocks.length - 1));
    if (atTop) {
      const read = readTopLines(block, blocks[index + 1], result);
      if (read > 0) {
        index += read - 1;
        lonePreviousLine = undefined;
        continue;
      }
    }
    if (block.length === 1 && isCopyrightNotice(block[0]!)) {
      (result.droppedCopyright ??= []).push(block[0]!);
      continue;
    }
    const distinct = withoutRepeats(block);
    const last = distinct[distinct.length - 1]!;
    if (IMAGE_CAPTION_LABEL.test(last) && distinct.length <= 2) {
      const caption = last.replace(IMAGE_CAPTION_LABEL, '');
      const credit = distinct.length === 2 && isCreditLine(distinct[0]!) ? distinct[0] : undefined;
      const previous = result.images.at(-1);
      if (credit === undefined && distinct.length === 1 && previous !== undefined && previous.caption === '' && lonePreviousLine === SOURCE_ONLY) {
        previous.caption = caption;
      } else {
        result.images.push(credit === undefined ? { caption } : { caption, credit });
      }
      lonePreviousLine = undefined;
      continue;
    }
    if (distinct.length <= MAX_CAPTION_LINES + 1 && isCreditLine(last)) {
      const caption = distinct.slice(0, -1).join(' ');
      if (caption !== '') {
        result.images.push({ caption, credit: last });
        lonePreviousLine = undefined;
      } else if (
        lonePreviousLine !== undefined && lonePreviousLine !== SOURCE_ONLY && result.paragraphs.at(-1) === lonePreviousLine &&
        !IMAGE_CAPTION_LABEL.test(blocks[index + 1]?.[0] ?? '')
      ) {
        result.paragraphs.pop();
        result.images.push({ caption: lonePreviousLine, credit: last });
        lonePreviousLine = undefined;
      } else {
        result.images.push({ caption: '', credit: last });
        // A credit alone may be BBC's source line, with the caption in the next block.
        lonePreviousLine = SOURCE_ONLY;
      }
      continue;
    }
    const inCaption = distinct.length <= MAX_CAPTION_LINES ? trailingCredit(last) : undefined;
    if (inCaption !== undefined) {
      const captionLines = withoutRepeats([...distinct.slice(0, -1), inCaption.caption]);
      result.images.push({ caption: captionLines.join(' '), credit: inCaption.credit });
      lonePreviousLine = undefined;
      continue;
    }
    if (block.length >= 2 && distinct.length === 1) {
      result.images.push({ caption: last });
      lonePreviousLine = undefined;
      continue;
    }
    const paragraph = block.join(' ');
    result.paragraphs.push(paragraph);
    lonePreviousLine = block.length === 1 ? paragraph : undefined;
  }
  return result;
}

// Marks that the previous block was a credit alone (a BBC source line), not a one-line paragraph.
const SOURCE_ONLY = '\u0000source-only';

/**
 * The byline and date lines at the top of the page in `block` (and the role line in the block after it):
 * the number of blocks used (0, 1 or 2), recorded in `result`.
 */
function readTopLines(block: readonly string[], next: readonly string[] | undefined, result: ScrapedText): number {
  if (block.length > 3) return 0;
  let byline: ReadByline | undefined;
  let dateLine: string | undefined;
  let roleSeen = false;
  for (const line of block) {
    if (dateLine === undefined && isDateLine(line)) dateLine = line;
    else if (byline === undefined && result.byline === undefined && (byline = bylineOf(line)) !== undefined) continue;
    else if (byline !== undefined && !roleSeen && isRoleLine(line)) roleSeen = true;
    else return 0;
  }
  if (byline === undefined && dateLine === undefined) {
    // A name alone, its role in the next block: "Jane Doe" / "Business reporter, BBC News".
    const name = block.length === 1 && result.byline === undefined ? nameLine(block[0]!) : undefined;
    if (name === undefined || next?.length !== 1 || !isRoleLine(next[0]!)) return 0;
    result.byline = name;
    return 2;
  }
  // A name without "By" or a place counts only beside its role or a date line.
  if (byline !== undefined && byline.unlabelled && !roleSeen && dateLine === undefined) {
    if (next?.length === 1 && isRoleLine(next[0]!)) {
      result.byline = stripUnlabelled(byline);
      return 2;
    }
    return 0;
  }
  if (byline !== undefined) result.byline = stripUnlabelled(byline);
  if (dateLine !== undefined && result.dateLine === undefined) result.dateLine = dateLine;
  return 1;
}

type ReadByline = Byline & { unlabelled?: boolean };

function stripUnlabelled({ authors, agency }: ReadByline): Byline {
  return agency === undefined ? { authors } : { authors, agency };
}

/**
 * A line the top of a page may hold beside header lines: a date line or a byline that says it is one
 * ("By Jane Doe", "Jane Doe in Lisbon", "Jane Doe, Reuters"); a bare name is not (it needs its role line).
 */
export function isTopOfPageLine(line: string): boolean {
  return isDateLine(line) || labelledByline(line) !== undefined || placedByline(line) !== undefined || nameWithRole(line) !== undefined;
}

/** A byline of any known shape; a bare name is marked unlabelled (it needs a role line beside it). */
function bylineOf(line: string): ReadByline | undefined {
  const read = labelledByline(line) ?? placedByline(line) ?? nameWithRole(line);
  if (read !== undefined) return read;
  const name = nameLine(line);
  return name === undefined ? undefined : { ...name, unlabelled: true };
}

// "© 2023 Acme Corp.", "Copyright 2024 Example Media Ltd. All rights reserved.": a year and no photographer.
// The marks may be stacked: "© Copyright 2025 Deutsche Presse-Agentur GmbH", "Copyright © 2024 ...".
const COPYRIGHT_WITH_YEAR = /^(?:(?:©|\(c\)|copyright\b)\s*){1,2}(?:\d{4}|[^\d]{1,80}\d{4}\.?$)/iu;
const MAX_COPYRIGHT_LINE = 160;

/** A lone copyright line is a page footer unless it names a photographer ("© 2024 Jane Doe/AFP" credits a picture). */
export function isCopyrightNotice(line: string): boolean {
  if (line.length > MAX_COPYRIGHT_LINE || !COPYRIGHT_WITH_YEAR.test(line)) return false;
  return creditPhotographer(line) === undefined;
}

// The credit at the end of a caption: "(AP Photo/Jane Doe)", "[Jane Doe/Reuters]", "(Xinhua/Li Wei)",
// "Photograph: Jane Doe/AFP". Only the last 160 characters are looked at (captions are short; a long
// paragraph costs one slice).
const TAIL_LENGTH = 160;
const MAX_CAPTION_LENGTH = 1200;
const TRAILING_LABEL = /(?:^|[\s.!?”"])((?:Photograph|Photo|Photos|Photography|Picture|Image|Illustration|Composite|Foto|Bild|Credit)s?\s*:\s*[^:()[\]]{2,100})$/u;
const OPENER: Record<string, string> = { ')': '(', ']': '[' };
const CREDIT_SEPARATOR_END = /\s+[|–—-]$/u;

/** Splits a caption from the credit it ends with, or undefined. The credit must name a photographer or carry a label. */
export function trailingCredit(line: string): { caption: string; credit: string } | undefined {
  if (line.length > MAX_CAPTION_LENGTH) return undefined;
  const tailStart = Math.max(0, line.length - TAIL_LENGTH);
  const tail = line.slice(tailStart);
  let at = -1;
  const opener = OPENER[line.at(-1) ?? ''];
  if (opener !== undefined) {
    const open = tail.lastIndexOf(opener);
    if (open >= 0) at = tailStart + open;
  } else {
    const label = TRAILING_LABEL.exec(tail);
    if (label !== null) at = tailStart + label.index + label[0].length - label[1]!.length;
  }
  let bare = false;
  if (at <= 0 && opener === undefined) {
    // Reuters' own captions: "... February 10, 2025. REUTERS/Kacper Pempel", the credit after the last sentence.
    const sentenceEnd = tail.lastIndexOf('. ');
    if (sentenceEnd >= 0 && tail.indexOf('/', sentenceEnd) > 0) {
      at = tailStart + sentenceEnd + 2;
      bare = true;
    }
  }
  if (at <= 0) return undefined;
  const credit = line.slice(at).trim();
  // "... after a shift. | Photo: Jane Doe/Reuters": the bar or dash before the credit belongs to neither.
  const caption = line.slice(0, at).trim().replace(CREDIT_SEPARATOR_END, '');
  if (caption === '' || !isCreditLine(credit)) return undefined;
  // "(Reuters)" after a sentence is attribution in the text; a credit names a photographer, or has a label or a slash.
  if (creditPhotographer(credit) === undefined && opener !== undefined && !credit.includes('/')) return undefined;
  // A bare credit has no label or bracket to vouch for it: it must name an agency and be fully read.
  if (bare && !readsAsAgencyCredit(credit)) return undefined;
  return { caption, credit };
}

/**
 * A credit read in full that names an agency (or a via) and a photographer or a handout: "REUTERS/Kacper
 * Pempel", "Polish Navy/Handout via REUTERS"; not a poll's name ("Reuters/Ipsos") ending a sentence.
 */
function readsAsAgencyCredit(credit: string): boolean {
  const read = normalizeCredit(credit);
  return (read.agency !== undefined || read.via !== undefined) && (read.handout || (read.photographer?.includes(' ') ?? false));
}

// Date lines near the top: "Published March 3, 2024", "Updated 10:32 AM EST, Tue March 5, 2024",
// "Tue 5 Mar 2024 12.00 GMT", "5 March 2024", "2024-03-05".
const DATE_LINE =
  /^(?:(?:published|updated|posted|first published|last modified|last updated|veröffentlicht|publié le|pubblicato)\b[\s:,]*(?:on\s+)?)?(?:[A-Za-z]{3,9},?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[\s,]+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?\.?$/iu;
const TIME_FIRST = /^(?:published|updated|posted)\b[\s:,]*\d{1,2}[.:]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4})?,?\s+/iu;
const MAX_DATE_LINE = 80;

const DATE_IN_LINE = /\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}/u;

/** The date a date line states ("Tue 5 Mar 2024 12.00 GMT" -> "5 Mar 2024"), for parseDate; undefined when none. */
export function dateOfDateLine(line: string): string | undefined {
  const text = line.replace(TIME_FIRST, '');
  return DATE_IN_LINE.exec(text)?.[0].replace(/(\d)(?:st|nd|rd|th)\b/u, '$1').replace(/,/gu, '').replace(/\./gu, '');
}

/** True when the line only states a date (and maybe a time): a page's date line, not body text. */
export function isDateLine(line: string): boolean {
  if (line.length > MAX_DATE_LINE) return false;
  const text = line.replace(TIME_FIRST, '');
  return DATE_LINE.test(text) && (text === line || /\d{4}/u.test(text));
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
