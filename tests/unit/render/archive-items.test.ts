// What month archives carry (docs/performance.md, "What archives carry"): the site's archives the full
// item, a tag's archives the summary and a link, read back with independent parsers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SITE, type SiteConfig } from '../../../functions/core/model';
import { renderSite } from '../../../functions/core/render/index';
import { stringifyClean } from '../../../functions/core/render/jsonfeed';
import { stripInvalidXmlChars } from '../../../functions/core/escape';
import { syntheticArticles } from '../../fixtures/articles';
import { bodyText, readJsonFeed, readXml } from './read-back';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://n.example', feedSize: 5 };
const articles = syntheticArticles(120, 3, { site, spreadDays: 1 }).map((a) => ({ ...a, tagSlugs: a.tags }));
const NOW = '2030-01-01T00:00:00Z';
const files = renderSite(site, articles, undefined, NOW);
const body = (path: string) => bodyText(files.find((f) => f.path === path)?.body ?? '');
// A paragraph only the full form carries: the body's last one (the summary is cut from its start).
const lastParagraph = (html: string) => html.slice(html.lastIndexOf('<p>') + 3, html.lastIndexOf('</p>'));

describe('archive items', () => {
  const month = articles[0]!.published.slice(0, 7);
  const inMonth = articles.filter((a) => a.published.startsWith(month));
  const tag = inMonth[0]!.tags[0]!;
  const tagged = inMonth.filter((a) => a.tags.includes(tag));

  it('a site month archive carries each item in full', () => {
    const rss = readXml(body(`archive/${month}/feed.xml`)).rss.channel.item as any[];
    expect(rss).toHaveLength(inMonth.length);
    for (const item of rss) {
      const article = inMonth.find((a) => a.id === item.guid['#text'])!;
      expect(item['content:encoded']).toContain(lastParagraph(article.contentHtml));
    }
  });

  it("a tag's month archive carries the summary and a link to the page, in all three formats", () => {
    const folder = `tags/${tag}/archive/${month}/`;
    const rss = readXml(body(`${folder}feed.xml`)).rss.channel.item as any[];
    const atom = readXml(body(`${folder}atom.xml`)).feed.entry as any[];
    const json = readJsonFeed(body(`${folder}feed.json`)).items as any[];
    expect([rss.length, atom.length, json.length]).toEqual([tagged.length, tagged.length, tagged.length]);
    const contents = [...rss.map((i) => i['content:encoded']), ...atom.map((e) => e.content['#text']), ...json.map((i) => i.content_html)];
    for (const html of contents) {
      const article = tagged.find((a) => html.includes(`/articles/${a.slug}/"`))!;
      expect(article, html).toBeDefined();
      expect(html).toContain('Read the article</a>');
      expect(html).not.toContain(lastParagraph(article.contentHtml));
    }
  });

  it("a tag's head feed still carries its items in full", () => {
    const head = readJsonFeed(body(`tags/${tag}/feed.json`)).items as any[];
    const newest = articles.filter((a) => a.tags.includes(tag)).sort((a, b) => (a.published < b.published ? 1 : -1))[0]!;
    expect(head[0].content_html).toContain(lastParagraph(newest.contentHtml));
  });
});

describe('stringifyClean', () => {
  const slow = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? stripInvalidXmlChars(v) : v), 2);
  it('removes what the XML feeds remove, exactly as a replacer over every string would', () => {
    const removable = fc.constantFrom('\u0000', '\u0008', '\u000B', '\u000C', '\u001F', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF');
    const text = fc.array(fc.oneof(fc.string(), removable, fc.constantFrom('\\b', '\\u', '\\f', '\t\n\r', '\u{1F600}')), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.array(fc.record({ a: text, b: fc.option(text), n: fc.integer() }), { maxLength: 4 }), (value) => {
      const out = stringifyClean(value);
      expect(out).toBe(slow(value));
    }), { numRuns: 300 });
  });
});
