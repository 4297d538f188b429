// Body HTML: plain-text paragraphs are escaped into <p>; Markdown goes through markdown-html.ts
// (markdown-it, then sanitize-html), loaded only when a Markdown body is converted (core/parse-stacks.ts).
import { markdownStack } from '../../parse-stacks';
import { escapeHtml } from '../../escape';
import { cleanText } from './text';

export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

/** Sanitized HTML of a Markdown body. */
export function markdownToHtml(markdown: string): string {
  return markdownStack.get().markdownToHtml(markdown);
}

const BLOCK_END = /<\/(?:p|li|h[2-4]|blockquote|pre|figure)>|<br\s*\/?>|<hr\s*\/?>/gi;
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|#39));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** Plain-text paragraphs of sanitized HTML (block ends become paragraph breaks, tags dropped, entities decoded). */
export function htmlToParagraphs(html: string): string[] {
  const text = html.replace(BLOCK_END, '\n\n').replace(/<[^>]*>/g, '');
  const decoded = text.replace(ENTITY, (entity, dec?: string, hex?: string, name?: string) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    return NAMED[(name ?? '').toLowerCase()] ?? entity;
  });
  return decoded.split(/\n\s*\n/).map(cleanText).filter((p) => p !== '');
}
