// Upload bytes -> RawArticle, or a typed rejection. Never throws: every failure is a value.
import type { RawArticle, RawImage, Result, UploadRejected } from '../model';
import { ARTICLE_EXTENSIONS, extensionOf, isMixedCase, uploadKind } from '../upload-keys';
import { cutBoilerplate } from './boilerplate';
import { decodeBytes } from './decode';
import { removeFurniture } from './furniture';
import { isKnownHeaderLine, parseHeaderBlock } from './headers';
import { parseMarkdown, readFrontMatter } from './markdown';
import { rejection, tooLargeReason } from './reject';
import { dateOfDateLine, isTopOfPageLine, parseScrape } from './scrape';
import { datelineOf } from './dateline';
import { binarySignature, sniffBinary } from './sniff';

export interface ParseInput {
  key: string;
  bytes: Uint8Array;
  maxBytes: number;
}

// A title needs at least one letter or digit: "---" or "* * *" on line 1 is not one.
const HAS_WORDS = /[\p{L}\p{N}]/u;
const LONG_TITLE = 200;
// A few stray control characters are cleaned with a warning; more than 10% of the text is not a text file.
const MAX_UNDECODABLE_COUNT = 8;

export function parseUpload(input: ParseInput): Result<RawArticle, UploadRejected> {
  const { key, bytes, maxBytes } = input;
  const size = bytes.byteLength;
  const written = extensionOf(key);
  const extension = written.toLowerCase();
  const kind = uploadKind(key);
  if (kind?.kind !== 'article') {
    if (isMixedCase(written) && ARTICLE_EXTENSIONS.includes(extension)) {
      return rejection('unsupported-type', `.${written} mixes upper and lower case: name it .${extension} or .${extension.toUpperCase()} (the deployed pipeline hears of those spellings only)`, key, size);
    }
    const named = extension === '' ? 'a file without extension' : `a .${extension} file`;
    return rejection('unsupported-type', `${named} is not an article: upload .txt, .md or .markdown`, key, size);
  }
  const { format } = kind;
  if (size === 0) return rejection('empty', 'empty file (0 bytes)', key, size);
  if (size > maxBytes) return rejection('too-large', tooLargeReason(size, maxBytes), key, size);
  const signature = binarySignature(bytes);
  if (signature !== undefined) return rejection('binary', `binary content (${signature}) in a .${extension} upload`, key, size);
  const decoded = decodeBytes(bytes);
  // sniffBinary's other test counts NUL and control bytes: text that decoded without a single control
  // character has none, so the byte loop runs only when decoding saw one.
  const binary = decoded.plain ? undefined : sniffBinary(bytes);
  if (binary !== undefined) return rejection('binary', `binary content (${binary}) in a .${extension} upload`, key, size);

  if (decoded.undecodable > MAX_UNDECODABLE_COUNT && decoded.undecodable * 10 > decoded.decodedLength) {
    // Mostly garbage: a wrong byte-order mark, or binary data the magic numbers did not catch.
    const share = Math.round((100 * decoded.undecodable) / decoded.decodedLength);
    return rejection('bad-encoding', `${share}% of the text does not decode as ${decoded.encoding}: save the file as UTF-8`, key, size);
  }
  if (decoded.text.trim() === '') return rejection('empty', `only whitespace (${size} bytes)`, key, size);

  if (format === 'md') {
    const parsed = parseMarkdown(decoded.text);
    if (!parsed.ok) return rejection(parsed.code ?? 'bad-front-matter', parsed.reason, key, size);
    const { title, meta, markdown, images, warnings } = parsed.value;
    if (!HAS_WORDS.test(title)) {
      return rejection('no-title', 'no title: add "title:" to the front matter or start the text with "# Title"', key, size);
    }
    const article: RawArticle = {
      format, encoding: decoded.encoding, title, meta, paragraphs: [], markdown, images,
      warnings: [...decoded.warnings, ...warnings],
    };
    if (typeof meta.publisher === 'string') article.publisher = meta.publisher;
    return { ok: true, value: article };
  }
  const parsed = parseText(decoded.text, decoded.encoding, decoded.warnings, key, size);
  if (parsed.ok && !decoded.latinLetters) parsed.value.latinLetters = false;
  return parsed;
}

/**
 * A .txt upload: optional header lines (or YAML front matter), then the scrape shape (title line unless
 * a title was named, image blocks, paragraphs), cut at the publisher's boilerplate.
 */
function parseText(
  text: string, encoding: string, decodeWarnings: string[], key: string, size: number,
): Result<RawArticle, UploadRejected> {
  const warnings = [...decodeWarnings];
  let meta: Record<string, unknown>;
  let headerImages: RawImage[];
  let rest: string[];
  if (/^---[ \t]*\n/.test(text)) {
    // Some editors put Markdown-style front matter on plain text too: read it the same way.
    const frontMatter = readFrontMatter(text);
    if (!frontMatter.ok) return rejection('bad-front-matter', frontMatter.reason, key, size);
    ({ meta, images: headerImages } = frontMatter.value);
    warnings.push(...frontMatter.value.warnings);
    rest = frontMatter.value.body.split('\n');
  } else {
    const lines = text.split('\n');
    const firstLine = Math.max(0, firstNonBlank(lines));
    const headers = parseHeaderBlock(lines.slice(firstLine));
    ({ meta, images: headerImages } = headers);
    rest = lines.slice(firstLine + headers.lineCount);
  }
  const namedTitle = typeof meta.title === 'string' ? meta.title.trim() : '';
  const withTitleLine = namedTitle === '';

  // Search for boilerplate after the title line, so a story titled "Trending now" keeps its body.
  const titleLine = withTitleLine ? firstNonBlank(rest) : -1;
  if (withTitleLine && titleLine >= 0) {
    const late = headerLinesAfterTitle(rest, titleLine);
    if (late !== undefined) {
      // The file's first header block (before the title) wins over these.
      meta = { ...late.meta, ...meta };
      headerImages = [...headerImages, ...late.images];
      rest = late.rest;
    }
  }
  const furniture = removeFurniture(rest, titleLine + 1);
  if (furniture.removed.length > 0) warnings.push(furnitureWarning(furniture.removed));
  const cut = cutBoilerplate(furniture.lines, titleLine + 1);
  if (cut.cutAt) {
    warnings.push(`dropped ${cut.cutAt.dropped} lines of publisher boilerplate from "${cut.cutAt.line}" on`);
  }
  const scraped = parseScrape(cut.lines, withTitleLine);
  // "# Title" on line 1: Markdown habits in a .txt; the hashes are not part of the title ("#1 seed" is).
  const title = withTitleLine ? (scraped.title ?? '').replace(/^#{1,6}[ \t]+/, '') : namedTitle;
  const namesAuthor = Object.hasOwn(meta, 'author') || Object.hasOwn(meta, 'authors') || Object.hasOwn(meta, 'by');
  if (scraped.byline !== undefined && scraped.byline.authors.length > 0 && !namesAuthor) {
    meta = { ...meta, by: scraped.byline.authors };
  }
  // A date line at the top of the page dates the article when no header does.
  const scrapedDate = scraped.dateLine === undefined ? undefined : dateOfDateLine(scraped.dateLine);
  if (scrapedDate !== undefined && !Object.hasOwn(meta, 'date') && !Object.hasOwn(meta, 'published')) meta = { ...meta, date: scrapedDate };
  if (scraped.droppedCopyright !== undefined) {
    warnings.push(`dropped ${scraped.droppedCopyright.length === 1 ? 'a copyright line' : `${scraped.droppedCopyright.length} copyright lines`} ("${scraped.droppedCopyright[0]!.slice(0, 60)}"): a page footer, not an image credit`);
  }
  if (!HAS_WORDS.test(title)) {
    const reason = title === ''
      ? 'no title: put the title on the first line or add a "Title:" header line'
      : `no title: the first line ("${title.slice(0, 40)}") has no words; put the title on the first line or add a "Title:" header line`;
    return rejection('no-title', reason, key, size);
  }
  if (title.length > LONG_TITLE) {
    warnings.push(`the title is ${title.length} characters long: is the first line really the title?`);
  }
  const article: RawArticle = {
    format: 'txt', encoding, title, meta, paragraphs: scraped.paragraphs, images: [...headerImages, ...scraped.images], warnings,
  };
  const dateline = datelineOf(scraped.paragraphs[0]);
  if (dateline?.month !== undefined && dateline.day !== undefined && !Object.hasOwn(meta, 'date') && !Object.hasOwn(meta, 'published')) {
    article.datelineDate = { month: dateline.month, day: dateline.day };
  }
  // A named publisher wins over the one guessed from "More from <Publisher>".
  // The agency of a byline ("By Jane Doe, Reuters") or of a dateline ("LISBON (AP) —") comes last.
  const publisher = typeof meta.publisher === 'string' && meta.publisher.trim() !== '' ? meta.publisher.trim() : (cut.publisher ?? scraped.byline?.agency ?? dateline?.agency);
  if (publisher !== undefined) article.publisher = publisher;
  return { ok: true, value: article };
}

/**
 * "Title\n\nDate: 2024-03-05\nAuthor: Jane Doe\n\nBody": a header block right after the title line, every
 * line a known header other than Title. A scrape's byline or date line may sit among those headers
 * ("Title\nDate: 2026-03-01\nBy Jane Doe\n\nBody", or the byline first): the header lines are taken and
 * the others stay for the scrape's top-of-page reader. Returns the meta and the lines without the
 * header lines, or undefined.
 */
function headerLinesAfterTitle(lines: readonly string[], titleLine: number): { meta: Record<string, unknown>; images: RawImage[]; rest: string[] } | undefined {
  let from = titleLine + 1;
  while (from < lines.length && lines[from]!.trim() === '') from++;
  // Only a known header or a top-of-page line can open the block: most scrapes stop here without copying any line.
  if (from >= lines.length || !(isKnownHeaderLine(lines[from]!) || isTopOfPageLine(lines[from]!.trim()))) return undefined;
  // Only a block made of known headers (and top-of-page lines) up to a blank line or the end:
  // "Update: talks resume" as a first paragraph, or "Date: ...\nThe storm hit", stays body.
  const headerLines: string[] = [];
  const others: string[] = [];
  let end = from;
  for (; end < lines.length && lines[end]!.trim() !== ''; end++) {
    const line = lines[end]!;
    if (isKnownHeaderLine(line)) headerLines.push(line);
    else if (isTopOfPageLine(line.trim())) others.push(line);
    else return undefined;
  }
  if (headerLines.length === 0) return undefined;
  const headers = parseHeaderBlock(headerLines);
  if (Object.hasOwn(headers.meta, 'title')) return undefined;
  // The header lines leave with the blank line after them when nothing else of the block stays.
  const after = others.length === 0 && end < lines.length ? end + 1 : end;
  return { meta: headers.meta, images: headers.images, rest: [...lines.slice(0, from), ...others, ...lines.slice(after)] };
}

/**
 * "removed 4 lines of page furniture: advertisement-marker 2 ("Advertisement"), list-block 2 ("Most read")":
 * per rule its count and the first line it removed (for a list, its heading).
 */
function furnitureWarning(removed: readonly { rule: string; line: string }[]): string {
  const byRule = new Map<string, { count: number; first: string }>();
  for (const { rule, line } of removed) {
    const seen = byRule.get(rule);
    if (seen) seen.count++;
    else byRule.set(rule, { count: 1, first: line });
  }
  const parts = [...byRule].map(([rule, { count, first }]) => `${rule} ${count} ("${first.slice(0, 60)}")`);
  return `removed ${removed.length === 1 ? '1 line' : `${removed.length} lines`} of page furniture: ${parts.join(', ')}`;
}

/** Index of the first line with more than whitespace, or -1. */
function firstNonBlank(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) if (lines[i]!.trim() !== '') return i;
  return -1;
}
