// Small HTML helpers shared by the page, home and status renderers.
import { dayInZone } from '../timezone';
import { rfc3339 } from './dates';
import { escapeHtml } from '../escape';

// The renderers take the HTML escapes with the other HTML helpers; they are defined in core/escape.ts.
export { escapeHtml, escapeHtmlText } from '../escape';

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
