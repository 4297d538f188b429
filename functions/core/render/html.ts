// Small HTML helpers shared by the page, home and status renderers.
import { dayInZone } from '../timezone';
import { rfc3339 } from './dates';
import { stripInvalidXmlChars } from './xml';

const HTML_SPECIAL = /[&<>"']/;

/** Escapes text for HTML text and attribute values, dropping characters HTML and XML cannot carry. */
export function escapeHtml(text: string): string {
  const clean = stripInvalidXmlChars(text);
  if (!HTML_SPECIAL.test(clean)) return clean;
  return clean.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

const HTML_TEXT_SPECIAL = /[&<>]/;

/** Escapes text for HTML element content only (quotes stay readable, e.g. in RSS description). */
export function escapeHtmlText(text: string): string {
  const clean = stripInvalidXmlChars(text);
  if (!HTML_TEXT_SPECIAL.test(clean)) return clean;
  return clean.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "31 October 2024": the day in the site's zone, spelled out here rather than by Intl so the words do not depend on ICU data. */
export function humanDate(iso: string, timeZone = 'UTC'): string {
  const [year, month, day] = dayInZone(iso, timeZone).split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "March 2026" for "2026-03". */
export function humanMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${year}`;
}

/** `<time>` element with the RFC 3339 instant as its machine-readable value. */
export function timeHtml(iso: string, timeZone = 'UTC'): string {
  const value = rfc3339(iso);
  return `<time datetime="${value}">${humanDate(iso, timeZone)}</time>`;
}

export interface HtmlDocument {
  lang: string;
  title: string;
  /** Extra `<head>` lines, already HTML. */
  head: string[];
  /** `<body>` content, already HTML. */
  body: string;
  stylesheetHref: string;
}

/** The page shell: no inline scripts or styles, so a CSP of default-src 'self' holds. */
export function htmlDocument(doc: HtmlDocument): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<link rel="stylesheet" href="${escapeHtml(doc.stylesheetHref)}">`,
    ...doc.head,
    '</head>',
    '<body>',
    doc.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
