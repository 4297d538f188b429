// Body HTML: plain-text paragraphs are escaped into <p>; Markdown goes through markdown-html.ts
// (markdown-it, then sanitize-html), loaded only when a Markdown body is converted (core/parse-stacks.ts).
import { markdownStack } from '../../parse-stacks';
import { escapeHtml } from '../../escape';
import { cleanParagraphs } from './text';

export function paragraphsToHtml(paragraphs: readonly string[]): string {
  // A loop, not map with a callback: this runs on every .txt article.
  let html = '';
  for (let i = 0; i < paragraphs.length; i++) html += `${i === 0 ? '' : '\n'}<p>${escapeHtml(paragraphs[i]!)}</p>`;
  return html;
}

/** Sanitized HTML of a Markdown body. */
export function markdownToHtml(markdown: string): string {
  return markdownStack.get().markdownToHtml(markdown);
}

const BLOCK_END = /<\/(?:p|li|h[2-4]|blockquote|pre|figure)>|<br\s*\/?>|<hr\s*\/?>/gi;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|#39));/gi;
const TAG = /<[^>]*>/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Plain-text paragraphs of sanitized HTML (block ends become paragraph breaks, tags dropped, entities decoded). */
export function htmlToParagraphs(html: string): string[] {
  const text = html.replace(BLOCK_END, '\n\n').replace(TAG, '');
  const decoded = text.replace(ENTITY, decodeEntity);
  return cleanParagraphs(decoded.split(PARAGRAPH_BREAK));
}

const PARAGRAPH_BREAK = /\n\s*\n/;

function decodeEntity(entity: string, dec?: string, hex?: string, name?: string): string {
  const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
  if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  return NAMED[(name ?? '').toLowerCase()] ?? entity;
}
