// Markdown bodies to HTML: markdown-it (CommonMark,
// raw HTML passed on, bare URLs linked as GFM does) and then sanitize-html with an explicit allowlist, so
// no script, style, event handler or javascript: URL survives. markdown-it rather than marked: marked is
// quadratic on emphasis runs and deep lists and overflows the stack on 3 KB of nested ">" (the parser's
// caps in parse/markdownLimits.ts bound what reaches here; markdown-it stays linear within them).
import MarkdownIt, { type Options as MarkdownItOptions } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

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
  const rendered = renderMarkdown(markdown);
  // Without a "<" in the source markdown-it can emit no raw HTML, only its own tags (see ownMarkupSanitized).
  const own = markdown.includes('<') ? undefined : ownMarkupSanitized(rendered);
  return (own ?? sanitizeMarkup(rendered)).trim();
}

/** markdown-it's HTML of a Markdown body, not yet sanitized. */
export function renderMarkdown(markdown: string): string {
  return (MAY_HAVE_BARE_LINK.test(markdown) ? MARKDOWN_LINKIFY : MARKDOWN).render(markdown);
}

/** sanitize-html with the body allowlist: the policy every body's HTML meets. */
export function sanitizeMarkup(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

// markdown-it's own renderer, fed no "<", writes only these tag shapes: `<name( attr="value")*>` or
// `</name>`, values and text escaped by its escapeHtml (& < > " as entities, nothing else).
const OWN_TAG = /<(\/?)([a-z][a-z0-9]*)((?: [a-z]+="[^"<>]*")*)>/g;
const OWN_ATTRIBUTE = / ([a-z]+)="([^"]*)"/g;
const PLAIN_TAGS = new Set(['p', 'em', 'strong', 'blockquote', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'code', 'pre']);
const OWN_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const decodeOwnEntities = (value: string) => value.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => OWN_ENTITIES[name]!);

/**
 * What sanitize-html with SANITIZE makes of markdown-it's own output, computed directly (~10x faster),
 * or undefined for anything outside the shapes below (the caller then runs sanitize-html). For those
 * shapes sanitize-html's whole effect is: text `&quot;` becomes `"` (it decodes text and re-escapes only
 * & < >); attributes outside the allowlist go (`class` of code, `start` of ol, `title`); h1 -> h2; void
 * tags close with " />"; an `a` keeps an absolute href, an `img` without an http(s) src goes. Checked
 * against sanitize-html itself: tests/unit/normalize/html-own-markup.test.ts (tables and fast-check).
 */
export function ownMarkupSanitized(html: string): string | undefined {
  let out = '';
  let last = 0;
  OWN_TAG.lastIndex = 0;
  for (let match = OWN_TAG.exec(html); match !== null; match = OWN_TAG.exec(html)) {
    const text = html.slice(last, match.index);
    if (text.includes('<') || text.includes('>')) return undefined;
    out += text.includes('&quot;') ? text.replaceAll('&quot;', '"') : text;
    last = OWN_TAG.lastIndex;
    const closing = match[1] === '/';
    const name = match[2]!;
    const tag = name === 'h1' ? 'h2' : name;
    if (PLAIN_TAGS.has(tag)) {
      if (!closing && name !== 'code' && name !== 'ol' && match[3] !== '') return undefined;
      out += closing ? `</${tag}>` : `<${tag}>`;
      continue;
    }
    if (closing) {
      if (name !== 'a') return undefined;
      out += '</a>';
      continue;
    }
    const attributes = new Map<string, string>();
    OWN_ATTRIBUTE.lastIndex = 0;
    for (let a = OWN_ATTRIBUTE.exec(match[3]!); a !== null; a = OWN_ATTRIBUTE.exec(match[3]!)) {
      if (attributes.has(a[1]!)) return undefined;
      attributes.set(a[1]!, a[2]!);
    }
    if ((name === 'br' || name === 'hr') && attributes.size === 0) out += `<${name} />`;
    else if (name === 'a' && [...attributes.keys()].every((k) => k === 'href' || k === 'title')) {
      const href = attributes.get('href');
      out += href !== undefined && ABSOLUTE_URL.test(decodeOwnEntities(href)) ? `<a href="${href}">` : '<a>';
    } else if (name === 'img' && [...attributes.keys()].join(' ').replace(/ title$/, '') === 'src alt') {
      const src = attributes.get('src')!;
      if (/^https?:\/\//i.test(decodeOwnEntities(src))) out += `<img src="${src}" alt="${attributes.get('alt')!}" />`;
    } else return undefined;
  }
  const rest = html.slice(last);
  if (rest.includes('<') || rest.includes('>')) return undefined;
  return out + (rest.includes('&quot;') ? rest.replaceAll('&quot;', '"') : rest);
}
