// RawArticle (as parsed) -> Article (as published). Each field has one small rule in rules/; this file
// only decides precedence: the file itself, then S3 user metadata, then site defaults.
import { articleIdForKey } from '../ids';
import type { Article, ArticleImage, RawArticle, RawImage, Repair, SiteConfig } from '../model';
import { articlePath } from '../site';
import { normalizeCredit } from '../credits';
import { datelineDate, parseDate, warnImplausibleDate } from './rules/dates';
import { monthInZone } from '../timezone';
import { repairFusedWords } from './rules/fusedWords';
import { contentHashOf } from './rules/hash';
import { htmlToParagraphs, markdownToHtml, paragraphsToHtml } from './rules/html';
import { removeInvisibleFormatting, withoutInvisibleFormatting } from './rules/invisible';
import { detectLanguage, isLanguageTag } from './rules/language';
import { splitAuthors, splitTags } from './rules/people';
import { chooseSlug } from './rules/slug';
import { capTags } from './rules/tagLimits';
import { clampSummary, readingTimeOfCleanParagraphs } from './rules/summary';
import { stripInvalidXmlChars } from '../escape';
import { cleanParagraphs, cleanText } from './rules/text';

export { uniqueSlug } from './rules/slug';
export { parseDate } from './rules/dates';
export { contentHashOf } from './rules/hash';

export interface NormalizeContext {
  key: string;
  size: number;
  etag?: string;
  /** S3 user metadata (x-amz-meta-*), lower-cased keys: lower priority than anything in the file. */
  metadata?: Record<string, string>;
  /** RFC 3339; used for `published` when neither the file nor the metadata names a date. */
  fallbackDate: string;
  site: SiteConfig;
  /** RFC 3339 "now" for plausibility checks (a stated date far in the future); defaults to fallbackDate. */
  now?: string;
}

export function normalizeArticle(raw: RawArticle, ctx: NormalizeContext): Article {
  const { site } = ctx;
  const warnings: string[] = [...raw.warnings];
  const repairs: Repair[] = [];
  const metadata = ctx.metadata ?? {};

  // Invisible formatting goes before cleanText, which would turn a zero-width space into a space.
  const titleSource = cleanText(raw.title) !== '' ? raw.title : (fieldOf(raw, metadata, 'title') ?? '');
  const title = cleanText(withoutInvisibleFormatting(titleSource, 'title', warnings)) || baseName(ctx.key);

  let paragraphs: string[];
  let contentHtml: string;
  let firstParagraph: string | undefined;
  let contentHtmlJson: string | undefined;
  if (raw.format === 'md' && raw.markdown !== undefined) {
    // Fused-word repair is for scrapes: Markdown is authored, and its URLs must not be touched.
    contentHtml = markdownToHtml(raw.markdown);
    paragraphs = htmlToParagraphs(contentHtml);
    // The summary is prose: the first <p>, not a heading or a list item.
    firstParagraph = htmlToParagraphs(/<p>[\s\S]*?<\/p>/.exec(contentHtml)?.[0] ?? '').join(' ') || undefined;
  } else {
    paragraphs = cleanParagraphs(raw.paragraphs);
    if (site.repairFusedWords) {
      // The byline proves its names too: "By Lars Ødegård" then "Ødegårdsaid" in the body.
      const repaired = repairFusedWords(paragraphs, raw.latinLetters !== false, namesInMeta(raw.meta.authors ?? raw.meta.author ?? raw.meta.by));
      paragraphs = repaired.paragraphs;
      // A loop, not push(...): a spread of 100,000 repairs overflows the call stack.
      for (const repair of repaired.repairs) repairs.push(repair);
      if (repaired.capped) warnings.push(`stopped repairing fused words after ${repaired.repairs.length} repairs: is this text really a scrape?`);
    }
    contentHtml = paragraphsToHtml(paragraphs);
    // Escaped, cleaned paragraphs joined by newlines: no quote, no other control character, no lone
    // surrogate, so its JSON is the text with "\n" written out, unless a backslash needs escaping too.
    if (!contentHtml.includes('\\')) contentHtmlJson = `"${contentHtml.replaceAll('\n', '\\n')}"`;
  }
  const contentText = paragraphs.join('\n\n');

  const slug = chooseSlug(fieldOf(raw, metadata, 'slug')?.trim(), title, ctx.key, warnings);
  const summary = clampSummary(cleanText(fieldOf(raw, metadata, 'summary') ?? '') || (firstParagraph ?? paragraphs[0] ?? ''));

  const fileAuthors = splitAuthors(visibleOnly(raw.meta.authors ?? raw.meta.author ?? raw.meta.by, 'authors', warnings));
  const authors = fileAuthors.length > 0 ? fileAuthors : splitAuthors(visibleOnly(metadata.author, 'authors', warnings));
  if (authors.length === 0) authors.push(site.defaultAuthor);
  const fileTags = splitTags(visibleOnly(raw.meta.tags, 'tags', warnings));
  const tags = capTags(fileTags.length > 0 ? fileTags : splitTags(visibleOnly(metadata.tags, 'tags', warnings)), warnings);

  const publisher = cleanText(raw.publisher ?? firstString(raw.meta.publisher) ?? site.publisher ?? '') || undefined;
  const stated = raw.meta.date ?? raw.meta.published;
  const fromDateline = stated === undefined && metadata.date === undefined && raw.datelineDate !== undefined
    ? datelineDate(raw.datelineDate.month, raw.datelineDate.day, ctx.fallbackDate)
    : undefined;
  const { date: published, stated: publishedStated } = publishedDate(stated ?? fromDateline, metadata.date, ctx.fallbackDate, site.timeZone, warnings);
  if (publishedStated) warnImplausibleDate(published, ctx.now ?? ctx.fallbackDate, warnings);
  const language = chooseLanguage(fieldOf(raw, metadata, 'language'), contentText, site, warnings);
  const images: ArticleImage[] = [];
  for (const image of withMetadataImage(raw.images, metadata)) images.push(normalizeImage(image, site, warnings));

  const content = { title, summary, contentHtml, authors, tags, images, language, ...(publisher !== undefined && { publisher }) };
  return {
    id: articleIdForKey(ctx.key),
    slug,
    url: articlePath(slug),
    title,
    summary,
    contentHtml,
    contentText,
    authors,
    ...(publisher !== undefined && { publisher }),
    published,
    ...(publishedStated && { publishedStated: true as const }),
    updated: published,
    archiveMonth: monthInZone(published, site.timeZone),
    tags,
    language,
    readingTimeMinutes: readingTimeOfCleanParagraphs(paragraphs),
    images,
    repairs,
    warnings,
    source: { key: ctx.key, size: ctx.size, ...(ctx.etag !== undefined && { etag: ctx.etag }) },
    contentHash: contentHashOf(content, contentHtmlJson),
  };
}

/** First non-empty string for a field: the file's meta, then S3 metadata. */
function fieldOf(raw: RawArticle, metadata: Record<string, string>, name: string): string | undefined {
  return firstString(raw.meta[name]) ?? (nonEmpty(metadata[name]) ? metadata[name] : undefined);
}

function publishedDate(
  fileDate: unknown, metadataDate: string | undefined, fallbackDate: string, timeZone: string, warnings: string[],
): { date: string; stated: boolean } {
  for (const [value, source] of [[fileDate, 'date'], [metadataDate, 'x-amz-meta-date']] as const) {
    if (value === undefined || value === null || value === '') continue;
    const parsed = parseDate(value, timeZone);
    if (parsed !== undefined) return { date: parsed, stated: true };
    warnings.push(`${source} "${String(value)}" is not a date (use 2024-10-31 or 2024-10-31T09:00:00Z): using the upload time`);
  }
  const fallback = parseDate(fallbackDate);
  if (fallback !== undefined) return { date: fallback, stated: false };
  warnings.push(`fallback date "${fallbackDate}" is not a date: using 1970-01-01`);
  return { date: '1970-01-01T00:00:00Z', stated: false };
}

function chooseLanguage(requested: string | undefined, text: string, site: SiteConfig, warnings: string[]): string {
  if (requested !== undefined) {
    const tag = requested.trim();
    if (isLanguageTag(tag)) return tag;
    warnings.push(`language "${requested}" is not a BCP 47 tag like "en" or "pt-BR": detecting it`);
  }
  return detectLanguage(text) ?? site.language;
}

/** x-amz-meta caption/credit describe the lead image: fill the first image that lacks them, or describe one. */
function withMetadataImage(images: readonly RawImage[], metadata: Record<string, string>): RawImage[] {
  const caption = nonEmpty(metadata.caption) ? metadata.caption : undefined;
  const credit = nonEmpty(metadata.credit) ? metadata.credit : undefined;
  if (caption === undefined && credit === undefined) return [...images];
  if (images.length === 0) return [{ caption: caption ?? '', ...(credit !== undefined && { credit }) }];
  const [first, ...rest] = images as [RawImage, ...RawImage[]];
  return [
    {
      ...first,
      caption: nonEmpty(first.caption) ? first.caption : (caption ?? ''),
      ...(!nonEmpty(first.credit) && credit !== undefined && { credit }),
    },
    ...rest,
  ];
}

function normalizeImage(raw: RawImage, site: SiteConfig, warnings: string[]): ArticleImage {
  const caption = cleanText(raw.caption ?? '');
  const src = raw.src === undefined ? undefined : cleanText(raw.src);
  // credit.raw keeps the line as uploaded, minus what XML cannot carry (S3 metadata is not decoded by the
  // parser) and minus bidi controls and invisible characters (they would reorder or hide a name).
  const creditLine = raw.credit === undefined ? '' : withoutInvisibleFormatting(stripInvalidXmlChars(raw.credit), 'credit', warnings);
  const credit = cleanText(creditLine) !== '' ? normalizeCredit(creditLine, site.creditStyle) : undefined;
  return {
    ...(src && /^https?:\/\//i.test(src) && { url: src }),
    ...(src && { src }),
    alt: cleanText(raw.alt ?? '') || caption,
    caption,
    ...(credit && { credit }),
  };
}

/** A string or list field (authors, tags) without invisible formatting, one warning for the field; other values as they are. */
function visibleOnly(value: unknown, field: string, warnings: string[]): unknown {
  if (typeof value === 'string') return withoutInvisibleFormatting(value, field, warnings);
  if (!Array.isArray(value)) return value;
  const removed = new Set<string>();
  const cleaned = value.map((item: unknown) => {
    if (typeof item !== 'string') return item;
    const result = removeInvisibleFormatting(item);
    for (const name of result.removed) removed.add(name);
    return result.text;
  });
  if (removed.size > 0) warnings.push(`removed invisible formatting characters from the ${field} (${[...removed].join(', ')})`);
  return cleaned;
}

function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return nonEmpty(value) ? value : undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string' && nonEmpty(v));
  return undefined;
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function baseName(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return cleanText(dot > 0 ? name.slice(0, dot) : name) || 'Untitled';
}

/** The author names a header or a byline gave, as plain strings (evidence for the fused-word repair). */
function namesInMeta(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
}
