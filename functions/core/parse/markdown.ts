// Markdown uploads: YAML front matter (split as gray-matter does, read with the `yaml` package) and a Markdown body.
import YAML from 'yaml';
import type { RawImage } from '../model';
import { parseHeaderBlock } from './headers';

export interface ParsedMarkdown {
  /** From front matter `title`, else the first `# Heading` (then removed from the body); may be ''. */
  title: string;
  meta: Record<string, unknown>;
  markdown: string;
  images: RawImage[];
  warnings: string[];
}

export type MarkdownResult = { ok: true; value: ParsedMarkdown } | { ok: false; reason: string };

// YAML 1.2 core schema: "2025-03-04" stays the string as written (js-yaml, gray-matter's default,
// turns it into a Date and rolls "2025-13-45" over into 2026). logLevel 'error': no process warnings.
const parseYaml = (source: string): object => YAML.parse(source, { logLevel: 'error' }) as object;

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
  const yaml = block.replace(/^\s*#[^\n]+/gm, '').trim() === '' ? undefined : block;
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
  const lines = text.split('\n');
  const opening = lines[0]?.trimEnd() ?? '';
  // "---js", "--- coffee": a language name after the dashes. "-----" alone is a Markdown rule, not front matter.
  if (/^---[^-]/.test(opening)) {
    return { ok: false, reason: `front matter must open with a line of just "---" and be YAML; "${opening.slice(0, 20)}" is not accepted` };
  }
  if (opening === '---' && !lines.slice(1).some((line) => line.trimEnd() === '---')) {
    return { ok: false, reason: 'front matter opened by "---" on line 1 is never closed by a "---" line' };
  }
  const { yaml, body } = splitFrontMatter(text);
  let data: unknown;
  try {
    data = yaml === undefined ? {} : parseYaml(yaml);
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML: ${yamlErrorSummary(error)}` };
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, reason: 'front matter must be "key: value" lines, not a single value or a list' };
  }
  const warnings: string[] = [];
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const plain = plainValue(value);
    if (plain !== undefined) setOwn(meta, key.toLowerCase(), plain);
  }
  return { ok: true, value: { meta, body, images: imagesOf(meta, warnings), warnings } };
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
  return { ok: true, value: { title, meta, markdown: body.replace(/^\n+/, '').trimEnd(), images, warnings } };
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

function yamlErrorSummary(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // yaml's message: "<what> at line L, column C:\n\n<excerpt>"; the first line is what a person needs.
  return (error.message.split('\n')[0] ?? '').replace(/:$/, '');
}

/** Scalars become strings (as written), Dates ISO strings, nulls and blank strings are dropped; lists and maps recurse. */
function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(plainValue).filter((item) => item !== undefined);
  if (typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = plainValue(item);
      if (plain !== undefined) setOwn(result, key.toLowerCase(), plain);
    }
    return result;
  }
  return undefined;
}

/** A date-only timestamp (UTC midnight) keeps its date-only form. */
function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

interface Heading {
  text: string;
  start: number;
  end: number;
}

/** The first level-1 ATX heading ("# Title") outside fenced code. */
function firstHeading(body: string): Heading | undefined {
  let offset = 0;
  let inFence = false;
  for (const line of body.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^\s{0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (match) return { text: match[1]!.trim(), start, end: Math.min(offset, body.length) };
  }
  return undefined;
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
