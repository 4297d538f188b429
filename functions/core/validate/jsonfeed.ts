// JSON Feed 1.1: structure against the spec's schema (ajv), RFC 3339 dates, links and URLs.
import { Ajv } from 'ajv';
import { hasFractionalSeconds, isRfc3339Date } from './dates';
import { jsonFeedSchema } from './jsonfeed-schema';
import type { FeedCheck, FeedSummary, FoundUrl, Violation } from './types';

// Formats are not checked by ajv here: the "absolute-url" and "rfc3339-date" rules check URLs and dates
// the same way for all three formats, with messages that name the field.
let validateSchema: ReturnType<Ajv['compile']> | undefined;
function schemaValidator(): ReturnType<Ajv['compile']> {
  validateSchema ??= new Ajv({ allErrors: true, validateFormats: false, strict: false }).compile(jsonFeedSchema);
  return validateSchema;
}

type Json = Record<string, unknown>;

function stringAt(node: unknown, key: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as Json)[key];
  return typeof value === 'string' ? value : undefined;
}

function arrayAt(node: unknown, key: string): unknown[] {
  if (node === null || typeof node !== 'object') return [];
  const value = (node as Json)[key];
  return Array.isArray(value) ? value : [];
}

/** Whether parsed JSON claims to be a JSON Feed (any version). */
export function isJsonFeed(value: unknown): boolean {
  return stringAt(value, 'version')?.startsWith('https://jsonfeed.org/version/') ?? false;
}

export function checkJsonFeed(path: string, feed: unknown): FeedCheck {
  const violations: Violation[] = [];
  const report = (rule: string, message: string): void => {
    violations.push({ path, rule, message });
  };
  const validate = schemaValidator();
  if (!validate(feed)) {
    for (const error of validate.errors ?? []) {
      // anyOf reports each failed branch and then itself: the branches add nothing for a reader.
      if (error.schemaPath.includes('/anyOf/')) continue;
      const where = error.instancePath === '' ? 'feed' : error.instancePath;
      const detail = error.keyword === 'additionalProperties' ? ` ("${String(error.params.additionalProperty)}")` : '';
      const message = error.keyword === 'anyOf' && error.instancePath.startsWith('/items/')
        ? 'must have content_html or content_text'
        : `${error.message ?? error.keyword}${detail}`;
      report('jsonfeed-schema', `${where} ${message}`);
    }
  }

  const urls: FoundUrl[] = [];
  const addUrl = (node: unknown, key: string, where: string): void => {
    const value = stringAt(node, key);
    if (value !== undefined) urls.push({ where: `${where}${key}`, url: value });
  };
  for (const key of ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon']) addUrl(feed, key, '');
  arrayAt(feed, 'hubs').forEach((hub, i) => addUrl(hub, 'url', `hubs[${i}].`));
  arrayAt(feed, 'authors').forEach((a, i) => ['url', 'avatar'].forEach((k) => addUrl(a, k, `authors[${i}].`)));

  const summary: FeedSummary = { path, format: 'jsonfeed', archiveLinks: [], items: [], urls };
  const selfUrl = stringAt(feed, 'feed_url');
  if (selfUrl !== undefined) summary.selfUrl = selfUrl;
  const nextUrl = stringAt(feed, 'next_url');
  if (nextUrl !== undefined) summary.archiveLinks.push({ rel: 'next_url', href: nextUrl });

  arrayAt(feed, 'items').forEach((item, i) => {
    const where = `items[${i}].`;
    for (const key of ['url', 'external_url', 'image', 'banner_image']) addUrl(item, key, where);
    arrayAt(item, 'attachments').forEach((a, j) => addUrl(a, 'url', `${where}attachments[${j}].`));
    for (const key of ['date_published', 'date_modified']) {
      const value = stringAt(item, key);
      if (value !== undefined && !isRfc3339Date(value)) report('rfc3339-date', `${where}${key} is not an RFC 3339 date: "${value}"`);
      else if (value !== undefined && hasFractionalSeconds(value)) report('whole-seconds', `${where}${key} has a fraction of a second: "${value}"`);
    }
    const id = stringAt(item, 'id');
    const link = stringAt(item, 'url');
    summary.items.push({ ...(id !== undefined && { id }), ...(link !== undefined && { link }) });
  });
  return { violations, summary };
}
