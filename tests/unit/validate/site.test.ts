import { describe, expect, it } from 'vitest';
import { validateSite, validateSiteReport } from '../../../functions/core/validate';
import { goodSite } from '../../support/good-site';

type Mutation = (files: Map<string, string>) => void;

/** Replaces the first occurrence of `from` in one file; fails loudly when the fixture does not contain it. */
function edit(path: string, from: string | RegExp, to: string): Mutation {
  return (files) => {
    const before = files.get(path);
    if (before === undefined) throw new Error(`fixture has no ${path}`);
    const after = before.replace(from, to);
    if (after === before) throw new Error(`${String(from)} not found in ${path}`);
    files.set(path, after);
  };
}

function remove(path: string): Mutation {
  return (files) => {
    if (!files.delete(path)) throw new Error(`fixture has no ${path}`);
  };
}

const ITEM_A = 'urn:uuid:00000000-0000-5000-8000-00000000000a';
const ITEM_C = 'urn:uuid:00000000-0000-5000-8000-00000000000c';

// Each case breaks one thing in a valid site; exactly these violations (path, rule) must be reported.
const cases: { name: string; mutate: Mutation; expected: [path: string, rule: string][] }[] = [
  { name: 'RSS not well-formed', mutate: edit('feed.xml', '</channel>', ''), expected: [['feed.xml', 'xml-well-formed']] },
  { name: 'unescaped & in Atom', mutate: edit('atom.xml', 'Markets &amp; rates', 'Markets & rates'), expected: [['atom.xml', 'xml-well-formed']] },
  { name: 'RSS channel without description', mutate: edit('feed.xml', /<description>News[^<]*<\/description>/, ''), expected: [['feed.xml', 'rss-required']] },
  { name: 'RSS item without guid', mutate: edit('archive/2024-09/feed.xml', /<guid[^>]*>[^<]*<\/guid>/, ''), expected: [['archive/2024-09/feed.xml', 'rss-required']] },
  {
    name: 'RSS item without title and description',
    mutate: (f) => {
      edit('feed.xml', '<title>Harvest season</title>', '')(f);
      edit('feed.xml', '<description>Summary of b</description>', '')(f);
    },
    expected: [['feed.xml', 'rss-required']],
  },
  { name: 'RSS pubDate in ISO form', mutate: edit('feed.xml', 'Thu, 31 Oct 2024 00:00:00 GMT</pubDate>', '2024-10-31T00:00:00Z</pubDate>'), expected: [['feed.xml', 'rss-date']] },
  { name: 'RSS pubDate with the wrong weekday', mutate: edit('feed.xml', 'Thu, 31 Oct 2024 00:00:00 GMT</pubDate>', 'Fri, 31 Oct 2024 00:00:00 GMT</pubDate>'), expected: [['feed.xml', 'rss-date']] },
  { name: 'RSS lastBuildDate impossible', mutate: edit('feed.xml', /<lastBuildDate>[^<]*</, '<lastBuildDate>Thu, 31 Sep 2024 00:00:00 GMT<'), expected: [['feed.xml', 'rss-date']] },
  { name: 'Atom feed without id', mutate: edit('atom.xml', /<id>https[^<]*<\/id>/, ''), expected: [['atom.xml', 'atom-required']] },
  { name: 'Atom entry without updated', mutate: edit('atom.xml', '<updated>2024-09-15T12:00:00Z</updated>', ''), expected: [['atom.xml', 'atom-required']] },
  { name: 'Atom entry without alternate link', mutate: edit('archive/2024-09/atom.xml', /<link rel="alternate" type="text\/html" href="[^"]*articles[^"]*"\/>/, ''), expected: [['archive/2024-09/atom.xml', 'atom-required']] },
  { name: 'Atom date without time', mutate: edit('atom.xml', '<published>2024-10-31T00:00:00Z', '<published>2024-10-31'), expected: [['atom.xml', 'rfc3339-date']] },
  // What the W3C feed validator and Python feedparser taught us (checked by hand with both).
  { name: 'RSS title with &amp; (not a hex reference)', mutate: edit('feed.xml', 'Markets &#x26; rates', 'Markets &amp; rates'), expected: [['feed.xml', 'plain-text-hex']] },
  { name: 'RSS plain-text title that reads as HTML', mutate: edit('feed.xml', 'Markets &#x26; rates', 'Markets &#x3C;b>and&#x3C;/b> rates'), expected: [['feed.xml', 'plain-text-html']] },
  { name: 'Atom type="text" title that reads as HTML', mutate: edit('atom.xml', 'Markets &amp; rates', 'Markets &lt;/b&gt; rates'), expected: [['atom.xml', 'plain-text-html']] },
  { name: 'media:credit role not in the EBU list', mutate: edit('feed.xml', 'role="photographer"', 'role="distributor"'), expected: [['feed.xml', 'media-credit-role']] },
  {
    name: 'two captions in one media:content',
    mutate: edit('feed.xml', '<media:description type="plain">Caption of a</media:description>', '<media:description type="plain">One</media:description><media:description type="plain">Two</media:description>'),
    expected: [['feed.xml', 'media-description-count']],
  },
  {
    name: 'item-level media:description',
    mutate: edit('feed.xml', '<description>Summary of a</description>', '<description>Summary of a</description><media:description type="plain">Caption</media:description>'),
    expected: [['feed.xml', 'item-media-description']],
  },
  {
    name: 'content:encoded before description',
    mutate: edit('feed.xml', '<description>Summary of a</description>\n      <content:encoded>&lt;p&gt;Body of a&lt;/p&gt;</content:encoded>', '<content:encoded>&lt;p&gt;Body of a&lt;/p&gt;</content:encoded><description>Summary of a</description>'),
    expected: [['feed.xml', 'summary-before-content']],
  },
  {
    name: 'media:content before the summary',
    mutate: edit('feed.xml', /(<description>Summary of a<\/description>)([\s\S]*?<\/content:encoded>)(\s*<media:content[\s\S]*?<\/media:content>)/, '$3$1$2'),
    expected: [['feed.xml', 'media-after-content']],
  },
  {
    name: 'RSS item with one dc:creator per author',
    mutate: edit('feed.xml', '<description>Summary of a</description>', '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ana Lima</dc:creator><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Bo Chen</dc:creator><description>Summary of a</description>'),
    expected: [['feed.xml', 'one-author-element']],
  },
  {
    name: 'Atom entry with one author per person',
    mutate: edit('atom.xml', '<published>2024-10-31T00:00:00Z</published>', '<published>2024-10-31T00:00:00Z</published><author><name>Ana Lima</name></author><author><name>Bo Chen</name></author>'),
    expected: [['atom.xml', 'one-author-element']],
  },
  { name: 'Atom date with milliseconds', mutate: edit('atom.xml', '<published>2024-10-31T00:00:00Z', '<published>2024-10-31T00:00:00.250Z'), expected: [['atom.xml', 'whole-seconds']] },
  { name: 'JSON Feed date with milliseconds', mutate: edit('feed.json', '"date_published": "2024-10-31T00:00:00Z"', '"date_published": "2024-10-31T00:00:00.250Z"'), expected: [['feed.json', 'whole-seconds']] },
  {
    name: 'JSON Feed paging that repeats the head',
    mutate: edit('feed.json', '"feed_url": "https://news.example.com/feed.json",', '"feed_url": "https://news.example.com/feed.json",\n  "next_url": "https://news.example.com/archive/2024-10/feed.json",'),
    // A and C again on the October page, B again on September's.
    expected: [['archive/2024-09/feed.json', 'json-paging'], ['archive/2024-10/feed.json', 'json-paging'], ['archive/2024-10/feed.json', 'json-paging']],
  },
  {
    name: 'JSON Feed paging that misses items',
    mutate: edit('feed.json', /,\s*\{\s*"id": "urn:uuid:00000000-0000-5000-8000-00000000000b"[\s\S]*?\n    \}(?=\n  \])/, ''),
    expected: [['feed.json', 'json-paging']],
  },
  { name: 'JSON Feed version 1', mutate: edit('feed.json', 'version/1.1', 'version/1'), expected: [['feed.json', 'jsonfeed-schema']] },
  { name: 'JSON Feed item without content', mutate: edit('archive/2024-09/feed.json', /"content_html": "[^"]*",/, ''), expected: [['archive/2024-09/feed.json', 'jsonfeed-schema']] },
  { name: 'JSON Feed misspelt key', mutate: edit('feed.json', '"date_modified"', '"date_modifed"'), expected: [['feed.json', 'jsonfeed-schema']] },
  { name: 'JSON Feed tags not strings', mutate: edit('feed.json', '"world"', '7'), expected: [['feed.json', 'jsonfeed-schema']] },
  { name: 'JSON Feed date in RFC 822 form', mutate: edit('feed.json', '"date_published": "2024-10-31T00:00:00Z"', '"date_published": "Thu, 31 Oct 2024 00:00:00 GMT"'), expected: [['feed.json', 'rfc3339-date']] },
  { name: 'JSON Feed not JSON', mutate: edit('feed.json', '{', '{,'), expected: [['feed.json', 'json-parse']] },
  { name: 'duplicate guid in an RSS archive', mutate: edit('archive/2024-10/feed.xml', `>${ITEM_C}<`, `>${ITEM_A}<`), expected: [['archive/2024-10/feed.xml', 'unique-id']] },
  // C then appears on no page reached from feed.json either.
  { name: 'duplicate id in JSON Feed', mutate: edit('feed.json', `"${ITEM_C}"`, `"${ITEM_A}"`), expected: [['feed.json', 'json-paging'], ['feed.json', 'unique-id']] },
  { name: 'relative RSS item link', mutate: edit('feed.xml', '<link>https://news.example.com/articles/a/</link>', '<link>/articles/a/</link>'), expected: [['feed.xml', 'absolute-url']] },
  { name: 'relative JSON Feed image', mutate: edit('feed.json', '"https://news.example.com/images/a.jpg"', '"images/a.jpg"'), expected: [['feed.json', 'absolute-url']] },
  { name: 'javascript: URL in media:content', mutate: edit('atom.xml', '<link rel="alternate" type="text/html" href="https://news.example.com/"/>', '<link rel="alternate" type="text/html" href="javascript:alert(1)"/>'), expected: [['atom.xml', 'absolute-url']] },
  { name: 'missing archive month', mutate: remove('archive/2024-09/feed.xml'), expected: [['archive/2024-10/feed.xml', 'archive-link']] },
  { name: 'archive link outside the site', mutate: edit('archive/2024-09/atom.xml', /rel="next-archive" href="[^"]*"/, 'rel="next-archive" href="https://elsewhere.example/atom.xml"'), expected: [['archive/2024-09/atom.xml', 'archive-link']] },
  { name: 'next_url to a missing page', mutate: edit('archive/2024-10/feed.json', 'archive/2024-09/feed.json', 'archive/2024-08/feed.json'), expected: [['archive/2024-10/feed.json', 'archive-link']] },
  {
    name: 'missing head JSON Feed',
    mutate: remove('feed.json'),
    // The head is missing, and nothing links to it from the JSON archives (they link by next_url only).
    expected: [['feed.json', 'head-feed']],
  },
  { name: 'self link naming another file', mutate: edit('feed.xml', 'href="https://news.example.com/feed.xml"', 'href="https://news.example.com/rss.xml"'), expected: [['feed.xml', 'self-link']] },
  { name: 'item link to a non-article page', mutate: edit('archive/2024-09/feed.json', '"https://news.example.com/articles/b/"', '"https://news.example.com/index.html"'), expected: [['archive/2024-09/feed.json', 'item-link']] },
  { name: 'RSS item without link', mutate: edit('archive/2024-09/feed.xml', /<link>[^<]*articles\/b\/<\/link>/, ''), expected: [['archive/2024-09/feed.xml', 'item-link']] },
  {
    name: 'missing article page',
    mutate: remove('articles/b/index.html'),
    expected: [
      ['archive/2024-09/atom.xml', 'item-link'],
      ['archive/2024-09/feed.json', 'item-link'],
      ['archive/2024-09/feed.xml', 'item-link'],
      ['atom.xml', 'item-link'],
      ['feed.json', 'item-link'],
      ['feed.xml', 'item-link'],
    ],
  },
];

describe('validateSite', () => {
  it('finds nothing wrong in a valid site and counts what it checked', () => {
    const files = goodSite();
    const report = validateSiteReport(files);
    expect(report.violations).toEqual([]);
    // 3 head feeds + 2 months x 3 formats; items: 3 per head feed, 2 + 1 per month and format.
    expect(report).toMatchObject({ files: files.size, feeds: 9, items: 18 });
  });

  it.each(cases)('$name', ({ mutate, expected }) => {
    const files = goodSite();
    mutate(files);
    const violations = validateSite(files);
    expect(violations.map((v) => [v.path, v.rule])).toEqual(expected);
    for (const v of violations) expect(v.message.length).toBeGreaterThan(10);
  });

  it('names the line of an XML error and the misspelt JSON key', () => {
    const files = goodSite();
    edit('feed.xml', '</channel>', '')(files);
    edit('feed.json', '"date_modified"', '"date_modifed"')(files);
    const messages = validateSite(files).map((v) => v.message);
    expect(messages).toContainEqual(expect.stringMatching(/^not well-formed XML at line \d+, column \d+/));
    expect(messages).toContainEqual(expect.stringContaining('"date_modifed"'));
  });

  it('accepts bytes as well as strings', () => {
    const bytes = new Map([...goodSite()].map(([p, t]) => [p, new TextEncoder().encode(t)]));
    expect(validateSite(bytes)).toEqual([]);
  });
});
