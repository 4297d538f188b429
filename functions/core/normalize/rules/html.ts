// Body HTML: plain-text paragraphs are escaped into <p>; Markdown goes through markdown-it (CommonMark,
// raw HTML passed on, bare URLs linked as GFM does) and then sanitize-html with an explicit allowlist, so
// no script, style, event handler or javascript: URL survives. markdown-it rather than marked: marked is
// quadratic on emphasis runs and deep lists and overflows the stack on 3 KB of nested ">" (the parser's
// caps in parse/markdownLimits.ts bound what reaches here; markdown-it stays linear within them).
import MarkdownIt, { type Options as MarkdownItOptions } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../escape';
import { cleanText } from './text';

export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

// Only absolute http(s) (and mailto for links) URLs are kept: a relative URL has no stable base in a feed
// reader, and upload-relative image names are published through `images`, not inline.
const ABSOLUTE_URL = /^(?:https?:\/\/|mailto:)/i;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'a', 'em', 'strong', 'blockquote', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'code', 'pre', 'figure', 'img', 'br', 'hr'],
  allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // h1 is the article title; a body h1 becomes h2 so the page keeps one h1.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.href !== undefined && ABSOLUTE_URL.test(attribs.href)) kept.href = attribs.href;
      return { tagName, attribs: kept };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^https?:\/\//i.test(frame.attribs.src ?? ''),
};

function markdownIt(linkify: boolean): MarkdownIt {
  // maxNesting above what the parser's caps let through (markdown-it would silently drop deeper content).
  const md = new MarkdownIt({ html: true, linkify, maxNesting: 1000 } as MarkdownItOptions);
  // Every URL goes on to the sanitizer, which alone decides (markdown-it would print a refused link as text).
  md.validateLink = () => true;
  return md;
}
const MARKDOWN = markdownIt(false);
// Linking bare URLs and e-mail addresses costs ~20 µs a page in linkify-it's pretest even when there is
// none: only text that has "://", "www." or "@" somewhere goes through the linkifying instance.
const MARKDOWN_LINKIFY = markdownIt(true);
const MAY_HAVE_BARE_LINK = /:\/\/|www\.|@/i;

/** Sanitized HTML of a Markdown body. */
export function markdownToHtml(markdown: string): string {
  const md = MAY_HAVE_BARE_LINK.test(markdown) ? MARKDOWN_LINKIFY : MARKDOWN;
  return sanitizeHtml(md.render(markdown), SANITIZE).trim();
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
