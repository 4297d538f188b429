// Markdown uploads: YAML front matter (split as gray-matter does, read with js-yaml) and a Markdown body.
import jsYaml, { type LoadOptions, type Type } from 'js-yaml';

const { FAILSAFE_SCHEMA, load, YAMLException } = jsYaml;
// js-yaml 4 exports its types; @types/js-yaml does not declare them.
const yamlTypes = (jsYaml as unknown as { types: Record<'null' | 'timestamp', Type> }).types;
import { rfc3339 } from '../instant';
import type { RawImage } from '../model';
import { parseHeaderBlock } from './headers';
import { MAX_NESTING, markdownOverLimit } from './markdownLimits';
import { humanSize } from './reject';

export interface ParsedMarkdown {
  /** From front matter `title`, else the first `# Heading` (then removed from the body); may be ''. */
  title: string;
  meta: Record<string, unknown>;
  markdown: string;
  images: RawImage[];
  warnings: string[];
}

/** `too-complex`: the body is over a cap of markdownLimits.ts; otherwise the front matter is wrong. */
export type MarkdownResult = { ok: true; value: ParsedMarkdown } | { ok: false; reason: string; code?: 'too-complex' };

// Every scalar stays the string as written ("3.10", "007", "2025-13-45": the failsafe schema resolves no
// numbers, booleans or dates), except null/~/empty, which say "no value". An explicit !!timestamp still works.
// js-yaml 4 rather than `yaml` (and js-yaml 5): ~4 µs for seed front matter against ~45 (and ~40), and
// linear where `yaml` was quadratic (20k keys, 100 KB of blank lines took seconds). Its depth limit is a
// deterministic cap: a 1 MB "[[[[" is a typed rejection, not a stack overflow.
const YAML_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [yamlTypes.null], explicit: [yamlTypes.timestamp] });
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
// js-yaml refuses a collection at depth maxDepth: "+ 1" lets MAX_NESTING levels through. (maxDepth is in
// js-yaml 4.3's options, not yet in its published types.)
const YAML_OPTIONS = { schema: YAML_SCHEMA, maxDepth: MAX_NESTING + 1 } as LoadOptions;
const parseYaml = (source: string): unknown => (source.trim() === '' ? {} : load(source, YAML_OPTIONS));

/**
 * Splits "---\n<yaml>\n---\n<body>" exactly as gray-matter 4 does with its defaults (its parseMatter,
 * which tests/unit/parse/front-matter-split.test.ts compares this with): the YAML runs to the first
 * "\n---" (or the end), the body starts after it minus one line break; a block of only comments is no data.
 * Done here rather than with gray-matter: it bundles a second YAML parser (js-yaml, 41 KB) and picks an
 * engine from the opening line ("---js" would eval the upload); only YAML is ever read here.
 * The caller has already checked the opening line: "---" alone (trailing blanks allowed).
 */
export function splitFrontMatter(text: string): { yaml: string | undefined; body: string } {
  if (!text.startsWith('---') || text.charAt(3) === '-') return { yaml: undefined, body: text };
  const rest = text.slice(3);
  let close = rest.indexOf('\n---');
  if (close === -1) close = rest.length;
  const block = rest.slice(0, close);
  // gray-matter's /^\s*#[^\n]+/gm: its \s* also ran over newlines, re-scanning every run of blank lines from
  // each line start (100 KB of blank lines took seconds). Blanks other than newlines give the same verdict.
  const yaml = block.replace(/^[^\S\n]*#[^\n]+/gm, '').trim() === '' ? undefined : block;
  if (close === rest.length) return { yaml, body: '' };
  let body = rest.slice(close + 4);
  if (body[0] === '\r') body = body.slice(1);
  if (body[0] === '\n') body = body.slice(1);
  return { yaml, body };
}

export interface FrontMatter {
  /** Lower-cased keys; scalars as strings, lists and maps as written. Empty without front matter. */
  meta: Record<string, unknown>;
  /** The text after the closing "---" (all of it when there is no front matter). */
  body: string;
  images: RawImage[];
  warnings: string[];
}

/** Splits off and reads YAML front matter ("---" on the first line, closed by a "---" line). */
export function readFrontMatter(text: string): { ok: true; value: FrontMatter } | { ok: false; reason: string } {
  const firstBreak = text.indexOf('\n');
  const opening = (firstBreak < 0 ? text : text.slice(0, firstBreak)).trimEnd();
  // "---js", "--- coffee": a language name after the dashes. "-----" alone is a Markdown rule, not front matter.
  if (/^---[^-]/.test(opening)) {
    return { ok: false, reason: `front matter must open with a line of just "---" and be YAML; "${opening.slice(0, 20)}" is not accepted` };
  }
  if (opening === '---' && !hasClosingLine(text)) {
    return { ok: false, reason: 'front matter opened by "---" on line 1 is never closed by a "---" line' };
  }
  const { yaml, body } = splitFrontMatter(text);
  // A deterministic cap before the YAML parser: the same verdict on every machine, whatever its speed.
  const frontMatterLength = text.length - body.length;
  if (frontMatterLength > MAX_FRONT_MATTER_BYTES) {
    return { ok: false, reason: `front matter is ${humanSize(frontMatterLength)} long; the limit is ${humanSize(MAX_FRONT_MATTER_BYTES)}: is the closing "---" line missing?` };
  }
  let data: unknown;
  try {
    data = yaml === undefined ? {} : parseYaml(yaml);
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML: ${yamlErrorSummary(error, yaml ?? '')}` };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'front matter must be "key: value" lines, not a single value or a list' };
  }
  const warnings: string[] = [];
  const meta: Record<string, unknown> = {};
  const seen = new Set<object>([data as object]);
  try {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const plain = plainValue(value, seen);
      if (plain !== undefined) setOwn(meta, key.toLowerCase(), plain);
    }
  } catch (error) {
    if (error !== ALIASED_COLLECTION) throw error;
    return { ok: false, reason: 'front matter is not valid YAML: a list or map is used again through an alias (*name); write it out instead' };
  }
  return { ok: true, value: { meta, body, images: imagesOf(meta, warnings), warnings } };
}

/** True when a line after the first is "---" (trailing blanks allowed): found by search, without splitting the text into lines. */
function hasClosingLine(text: string): boolean {
  for (let at = text.indexOf('\n---'); at >= 0; at = text.indexOf('\n---', at + 1)) {
    const end = text.indexOf('\n', at + 1);
    if (text.slice(at + 4, end < 0 ? text.length : end).trimEnd() === '') return true;
  }
  return false;
}

export function parseMarkdown(text: string): MarkdownResult {
  const frontMatter = text.startsWith('---') ? readFrontMatter(text) : readHeaderLines(text);
  if (!frontMatter.ok) return frontMatter;
  const { meta, images, warnings } = frontMatter.value;
  let body = frontMatter.value.body;
  let title = typeof meta.title === 'string' ? meta.title.trim() : '';
  const heading = firstHeading(body);
  if (heading && (title === '' || heading.text === title)) {
    // The heading is the title: drop it from the body so it is not shown twice.
    if (title === '') title = heading.text;
    body = body.slice(0, heading.start) + body.slice(heading.end);
  }
  // The caps read the body as uploaded, so their line numbers are the file's.
  const bodyStart = text.length - frontMatter.value.body.length;
  const overLimit = markdownOverLimit(frontMatter.value.body, 1 + countNewlines(text, bodyStart));
  const markdown = body.replace(/^\n+/, '').trimEnd();
  if (overLimit !== undefined) return { ok: false, reason: `the Markdown is too complex: ${overLimit}`, code: 'too-complex' };
  return { ok: true, value: { title, meta, markdown, images, warnings } };
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** Markdown typed with the plain-text header lines ("Title: ...", "Date: ...") instead of front matter. */
function readHeaderLines(text: string): { ok: true; value: FrontMatter } {
  const lines = text.split('\n');
  const headers = parseHeaderBlock(lines);
  return { ok: true, value: { meta: headers.meta, body: lines.slice(headers.lineCount).join('\n'), images: headers.images, warnings: [] } };
}

/** Sets an own property, so a "__proto__" key in the YAML stays data instead of replacing the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** js-yaml's reason and position (1-based line of the file: the YAML starts on line 1 after "---"), with a hint. */
function yamlErrorSummary(error: unknown, source: string): string {
  if (!(error instanceof YAMLException)) return error instanceof Error ? error.message : String(error);
  const mark = error.mark;
  const where = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : '';
  const reason = error.reason;
  if (reason.startsWith('nesting exceeded maxDepth')) return `nesting deeper than ${MAX_NESTING}${where}`;
  if (reason.includes('within a flow collection')) {
    // js-yaml notices at the end of the front matter; the editor needs the line that opened the list.
    const opened = unclosedFlowAt(source);
    if (opened !== undefined) return `a "[" or "{" that is never closed ${opened}`;
  }
  const line = mark ? (source.split('\n', mark.line + 1)[mark.line] ?? '') : '';
  // "title: Breaking: storm" - the second ": " starts a nested map, which YAML does not allow there.
  const hint = /^\s*[^:#]+:\s.*:\s/.test(line) && !/^\s*[^:]+:\s*["']/.test(line) ? ': quote a value that contains ": " (title: "Breaking: storm")' : '';
  return `${reason}${where}${hint}`;
}

/** "at line L, column C" (1-based) of the outermost flow collection still open at the end (quotes skipped). */
function unclosedFlowAt(source: string): string | undefined {
  let depth = 0;
  let openedAt: string | undefined;
  let line = 1;
  let column = 0;
  let quote = '';
  for (const char of source) {
    column++;
    if (char === '\n') {
      line++;
      column = 0;
    } else if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      if (depth > 0) quote = char;
    } else if (char === '[' || char === '{') {
      if (depth++ === 0) openedAt = `at line ${line}, column ${column}`;
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return depth > 0 ? openedAt : undefined;
}

// js-yaml gives an aliased list or map as the same object each time: nine aliases of nine aliases of...
// would expand to billions of values (or loop forever on "&a [*a]"). A scalar alias is harmless.
const ALIASED_COLLECTION = new Error('aliased collection');

/** Scalars become strings (as written), Dates ISO strings, nulls and blank strings are dropped; lists and maps recurse. */
function plainValue(value: unknown, seen: Set<object>): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value !== 'object') return undefined;
  if (seen.has(value)) throw ALIASED_COLLECTION;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => plainValue(item, seen)).filter((item) => item !== undefined);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = plainValue(item, seen);
    if (plain !== undefined) setOwn(result, key.toLowerCase(), plain);
  }
  return result;
}

const DAY_MS = 86_400_000;

/** A date-only timestamp (UTC midnight) keeps its date-only form. */
function isoDate(date: Date): string {
  const iso = rfc3339(date);
  return date.getTime() % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

interface Heading {
  text: string;
  start: number;
  end: number;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING_OPENING = /^\s{0,3}#[ \t]+/;
const FENCE_OR_HEADING = /^\s{0,3}(?:```|~~~|#[ \t])/;

/** The first level-1 ATX heading ("# Title") outside fenced code. */
function firstHeading(body: string): Heading | undefined {
  let offset = 0;
  let inFence = false;
  for (const line of body.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    // Most lines are neither a fence nor a heading: one anchored test settles them.
    if (!FENCE_OR_HEADING.test(line)) continue;
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const opening = HEADING_OPENING.exec(line);
    if (!opening) continue;
    const text = headingText(line.slice(opening[0].length));
    if (text !== '') return { text, start, end: Math.min(offset, body.length) };
  }
  return undefined;
}

/**
 * The heading's text without its optional closing "#"s (" ##" at the end). A loop, not a regex: the
 * regex form backtracked over every run of blanks, quadratic on "# a" + 50 KB of spaces + "b".
 */
function headingText(rest: string): string {
  const text = rest.trimEnd();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === text.length || end === 0) return end === 0 ? '' : text.trim();
  // Closing hashes count only after a blank; "C#" keeps its hash.
  return text[end - 1] === ' ' || text[end - 1] === '\t' ? text.slice(0, end).trim() : text.trim();
}

/**
 * `image` (a file name or URL, with top-level `caption`, `credit`, `alt`; or a map {src, caption,
 * credit, alt}) then each entry of `images` (strings or such maps). Top-level caption/credit without
 * `image` describe a picture that has no file, as in a scrape.
 */
function imagesOf(meta: Record<string, unknown>, warnings: string[]): RawImage[] {
  const images: RawImage[] = [];
  const single = meta.image;
  const caption = stringOf(meta.caption);
  const credit = stringOf(meta.credit);
  const alt = stringOf(meta.alt);
  if (typeof single === 'string' || (single === undefined && (caption !== undefined || credit !== undefined))) {
    images.push(withOptional({ caption: caption ?? '' }, { src: stringOf(single), credit, alt }));
  } else if (single !== undefined) {
    const image = imageOf(single, 'image', warnings);
    if (image) images.push(withOptional(image, { credit: image.credit ?? credit, alt: image.alt ?? alt }));
    if (image && image.caption === '' && caption !== undefined) image.caption = caption;
  }
  if (meta.images !== undefined) {
    const list = Array.isArray(meta.images) ? meta.images : [meta.images];
    list.forEach((entry, index) => {
      const image = imageOf(entry, `images[${index}]`, warnings);
      if (image) images.push(image);
    });
  }
  return images;
}

function imageOf(entry: unknown, where: string, warnings: string[]): RawImage | undefined {
  if (typeof entry === 'string') return entry.trim() === '' ? undefined : { src: entry.trim(), caption: '' };
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    const fields = entry as Record<string, unknown>;
    const src = stringOf(fields.src) ?? stringOf(fields.url) ?? stringOf(fields.file);
    const image = withOptional(
      { caption: stringOf(fields.caption) ?? '' },
      { src, credit: stringOf(fields.credit), alt: stringOf(fields.alt) },
    );
    if (image.src === undefined && image.caption === '' && image.credit === undefined) {
      warnings.push(`front matter ${where} has no src, caption or credit: ignored`);
      return undefined;
    }
    return image;
  }
  warnings.push(`front matter ${where} is neither a file name nor a {src, caption, credit, alt} map: ignored`);
  return undefined;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Sets only the optional fields that have a value (no `key: undefined` in the output). */
function withOptional(image: RawImage, fields: { src?: string | undefined; credit?: string | undefined; alt?: string | undefined }): RawImage {
  if (fields.src !== undefined) image.src = fields.src;
  if (fields.credit !== undefined) image.credit = fields.credit;
  if (fields.alt !== undefined) image.alt = fields.alt;
  return image;
}
