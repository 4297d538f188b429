// feed.xsl runs in browsers as XSLT 1.0: run it through an independent XSLT processor on a real
// feed.xml and check the page a person would see.
import { describe, expect, it } from 'vitest';
import { XmlParser, Xslt } from 'xslt-processor';
import type { Article, SiteConfig } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderHeadFeeds, renderSite, renderStaticAssets } from '../../../functions/core/render/index';

const site: SiteConfig = { ...DEFAULT_SITE, title: 'Harbour & Hills News', baseUrl: 'https://news.example.com' };

const article = (n: number, credit?: string): Article => ({
  id: `urn:uuid:00000000-0000-5000-8000-00000000000${n}`,
  slug: `story-${n}`,
  url: `https://news.example.com/articles/story-${n}/`,
  title: `Story <${n}> & more`,
  summary: `Summary of story ${n}: fish & chips, <b> isn't bold.`,
  contentHtml: `<p>Body ${n}</p>`,
  contentText: `Body ${n}`,
  authors: ['Staff'],
  published: `2026-03-0${n}T08:00:00Z`,
  updated: `2026-03-0${n}T08:00:00Z`,
  tags: [],
  language: 'en',
  readingTimeMinutes: 1,
  images: credit
    ? [{ alt: 'Harbour', caption: 'The harbour at dawn.', credit: { display: credit, photographer: 'Maher Abou Taleb', agency: 'Reuters', handout: false, pool: false, raw: 'REUTERS/Maher Abou Taleb' } }]
    : [],
  repairs: [],
  warnings: [],
  source: { key: `story-${n}.txt`, size: 10 },
  contentHash: `${n}`,
});

function text(file: { body: string | Uint8Array }): string {
  return typeof file.body === 'string' ? file.body : Buffer.from(file.body).toString('utf8');
}

describe('feed.xsl', () => {
  it('turns feed.xml into a readable page with every item, its link and its image credit', async () => {
    const feeds = renderHeadFeeds(site, [article(2, 'Maher Abou Taleb/Reuters'), article(1)], ['2026-03']);
    const rss = feeds.find((f) => f.path === 'feed.xml');
    const xsl = renderStaticAssets(site).find((f) => f.path === 'feed.xsl');
    expect(rss && xsl).toBeTruthy();
    expect(text(rss!)).toContain('<?xml-stylesheet type="text/xsl" href="');

    const parser = new XmlParser();
    const html = await new Xslt().xsltProcess(parser.xmlParse(text(rss!)), parser.xmlParse(text(xsl!)));

    expect(html).toContain('<h1>Harbour &amp; Hills News</h1>');
    expect(html).toContain('<a href="https://news.example.com/articles/story-2/">Story &lt;2&gt; &amp; more</a>');
    expect(html).toContain('<a href="https://news.example.com/articles/story-1/">Story &lt;1&gt; &amp; more</a>');
    expect(html.indexOf('story-2/')).toBeLessThan(html.indexOf('story-1/'));
    expect(html).toContain('Image: Maher Abou Taleb');
    expect(html).toContain('href="https://news.example.com/archive/2026-03/feed.xml"');
    expect(html).toContain('<code>https://news.example.com/feed.xml</code>');
    expect(html).toContain('<a href="https://news.example.com/subscribe/">How to subscribe</a>');
    // The summary is HTML-escaped text in RSS; the page shows it as text, once escaped.
    expect(html).toContain("Summary of story 2: fish &amp; chips, &lt;b&gt; isn't bold.");
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script');
  });

  it('turns atom.xml (head or archive) into the same kind of page, html-typed titles shown as text, with the subscribe hint', async () => {
    const feeds = renderHeadFeeds(site, [article(2, 'Maher Abou Taleb/Reuters'), article(1)], ['2026-03']);
    const atom = feeds.find((f) => f.path === 'atom.xml');
    const xsl = renderStaticAssets(site).find((f) => f.path === 'feed.xsl');
    expect(text(atom!)).toContain('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');

    const parser = new XmlParser();
    const html = await new Xslt().xsltProcess(parser.xmlParse(text(atom!)), parser.xmlParse(text(xsl!)));

    expect(html).toContain('<h1>Harbour &amp; Hills News</h1>');
    // The title "Story <2> & more" is sent as type="html" (it would pass for HTML): shown as text, once escaped.
    expect(html).toContain('<a href="https://news.example.com/articles/story-2/">Story &lt;2&gt; &amp; more</a>');
    expect(html.indexOf('story-2/')).toBeLessThan(html.indexOf('story-1/'));
    expect(html).toContain('2026-03-02T08:00:00Z');
    expect(html).toContain("Summary of story 2: fish &amp; chips, &lt;b&gt; isn't bold.");
    expect(html).toContain('Image: Maher Abou Taleb');
    expect(html).toContain('href="https://news.example.com/archive/2026-03/atom.xml"');
    // The subscribe hint: the feed's own address and the subscribe page.
    expect(html).toContain('<code>https://news.example.com/atom.xml</code>');
    expect(html).toContain('<a href="https://news.example.com/subscribe/">How to subscribe</a>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<script');
  });

  it('on an archive, the address to follow is the head feed (rel="current"), not the archive', async () => {
    const files = renderSite(site, [article(2), article(1)], { articles: 2, lastPublish: null, quarantined: [] }, '2026-05-01T00:00:00Z');
    const xsl = files.find((f) => f.path === 'feed.xsl');
    const parser = new XmlParser();
    for (const [path, head] of [['archive/2026-03/feed.xml', 'feed.xml'], ['archive/2026-03/atom.xml', 'atom.xml']] as const) {
      const feed = files.find((f) => f.path === path);
      expect(feed).toBeTruthy();
      const html = await new Xslt().xsltProcess(parser.xmlParse(text(feed!)), parser.xmlParse(text(xsl!)));
      expect(html).toContain(`<code>https://news.example.com/${head}</code>`);
      expect(html).not.toContain(`<code>https://news.example.com/${path}</code>`);
    }
  });
});
