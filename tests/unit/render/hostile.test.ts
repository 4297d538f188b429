// Hostile titles and bodies: every format stays well-formed, text survives escaped, and characters
// XML cannot carry are removed (not escaped, not kept).
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderArticlePage, renderHeadFeeds, renderHomePage } from '../../../functions/core/render/index';
import { looksLikeHtml } from '../../../functions/core/render/plaintext';
import { stripInvalidXmlChars } from '../../../functions/core/escape';
import { syntheticArticles } from '../../fixtures/articles';
import { bodyText, readFeed, readJsonFeed, readXml } from './read-back';

const base = syntheticArticles(1, 11)[0] as Article;

// [name, title as uploaded, title as every reader must see it]
const cases: [string, string, string][] = [
  ['script tag', '<script>alert("x")</script> Breaking', '<script>alert("x")</script> Breaking'],
  ['ampersands and entities', 'AT&T &amp; Procter & Gamble &#x26; &lt;', 'AT&T &amp; Procter & Gamble &#x26; &lt;'],
  ['CDATA terminator', 'Ends ]]> here ]]]]> twice', 'Ends ]]> here ]]]]> twice'],
  ['emoji and astral plane', 'Fire 🔥 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧', 'Fire 🔥 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧'],
  ['right-to-left text', 'שלום עולם — مرحبا بالعالم \u202Eevil', 'שלום עולם — مرحبا بالعالم \u202Eevil'],
  ['C0 control characters', 'Bell\u0007 null\u0000 esc\u001B ok', 'Bell null esc ok'],
  ['lone surrogates', 'High \uD800 low \uDC00 end', 'High  low  end'],
  ['non-characters U+FFFE/U+FFFF', 'A\uFFFEB\uFFFFC', 'ABC'],
  ['quotes and apostrophes', `He said "no" and 'yes'`, `He said "no" and 'yes'`],
];

// @rowanmanning/feed-parser decodes HTML entities once more in titles ("&amp;amp;" in the XML shows as "&"),
// so for titles that contain entity-like text only the strict XML reading is compared exactly.
const LOOKS_LIKE_ENTITY = /&#?\w+;/;

/** RSS readers render <description> as HTML, so plain text must arrive HTML-escaped (then XML-escaped). */
const asHtmlText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function hostileArticle(text: string): Article {
  return {
    ...base,
    title: text,
    summary: `Summary: ${text}`,
    contentHtml: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
    authors: [text],
    tags: [text],
    images: [{ alt: text, caption: `Caption ${text}`, credit: { display: `${text}/Reuters`, handout: false, pool: false, raw: text } }],
  };
}

describe.each(cases)('hostile text: %s', (_name, input, expected) => {
  const article = hostileArticle(input);
  const files = renderHeadFeeds(DEFAULT_SITE, [article], ['2024-01']);
  const get = (path: string) => bodyText(files.find((f) => f.path === path)?.body ?? '');

  it('RSS is well-formed and carries the cleaned text exactly', () => {
    const item = readXml(get('feed.xml')).rss.channel.item[0];
    // A title a reader would take for HTML goes out HTML-escaped (RSS titles have no type attribute).
    expect(item.title).toBe(looksLikeHtml(expected) ? asHtmlText(expected) : expected);
    expect(item.description).toBe(`Summary: ${asHtmlText(expected)}`);
    expect(item['dc:creator']).toEqual([expected]);
    // RSS Profile: plain text writes & and < as hexadecimal references, never &amp; / &lt;.
    expect(get('feed.xml').match(/<title>[^<]*<\/title>/g)?.join('')).not.toMatch(/&amp;|&lt;/);
    // No photographer: the whole display credit, without a role (so the parser returns plain text).
    expect(item['media:credit'][0]).toBe(`${expected}/Reuters`);
    // An escaped-HTML RSS title is read as HTML by feedparser, as text by this parser: compared by hand with feedparser.
    if (!looksLikeHtml(expected)) expect(readFeed(get('feed.xml')).items[0]?.title).toBe(expected);
  });

  it('Atom is well-formed and carries the cleaned text exactly', () => {
    const entry = readXml(get('atom.xml')).feed.entry[0];
    expect(entry.title).toEqual(
      looksLikeHtml(expected) ? { '@_type': 'html', '#text': asHtmlText(expected) } : { '@_type': 'text', '#text': expected },
    );
    expect(entry.category[0]['@_term']).toBe(expected);
    if (!LOOKS_LIKE_ENTITY.test(expected)) expect(readFeed(get('atom.xml')).items[0]?.title).toBe(expected);
  });

  it('JSON Feed is valid and carries the cleaned text exactly', () => {
    const item = readJsonFeed(get('feed.json')).items[0];
    expect(item.title).toBe(expected);
    expect(item._feedpub.images[0].credit.display).toBe(`${expected}/Reuters`);
  });

  it('the page and home page escape it and drop what HTML cannot carry', () => {
    for (const html of [bodyText(renderArticlePage(DEFAULT_SITE, article).body), bodyText(renderHomePage(DEFAULT_SITE, [article]).body)]) {
      expect(html).not.toContain('<script>');
      expect(stripInvalidXmlChars(html)).toBe(html);
      // The page is also well-formed as XML apart from HTML's void elements and doctype.
      const asXml = html.replace('<!doctype html>', '').replace(/<(meta|link|img)([^>]*)>/g, '<$1$2/>');
      expect(() => readXml(asXml)).not.toThrow();
    }
  });
});

describe('stripInvalidXmlChars', () => {
  it.each([
    ['tab, LF, CR kept', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['U+0000 to U+001F removed except tab/LF/CR', '\u0000\u0001\u0008\u000B\u000C\u001F', ''],
    ['DEL and C1 kept (allowed by XML 1.0)', '\u007F\u0085', '\u007F\u0085'],
    ['BMP edge U+D7FF kept, U+E000 kept', '\uD7FF\uE000', '\uD7FF\uE000'],
    ['valid surrogate pair kept', '\uD83D\uDE00', '😀'],
    ['reversed pair removed', '\uDE00\uD83D', ''],
    ['U+FFFD kept, U+FFFE removed', '\uFFFD\uFFFE', '\uFFFD'],
  ])('%s', (_name, input, expected) => {
    expect(stripInvalidXmlChars(input)).toBe(expected);
  });
});
