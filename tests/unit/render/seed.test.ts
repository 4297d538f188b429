// The seed article, built by hand, rendered to the three feeds and the page, read back field by field
// with independent parsers. Expected values are written out by hand from the seed file and the specs.
import { describe, expect, it } from 'vitest';
import type { Article, SiteConfig } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderArticlePage, renderHeadFeeds } from '../../../functions/core/render/index';
import { bodyText, readFeed, readJsonFeed, readXml } from '../../support/read-back';

const site: SiteConfig = {
  ...DEFAULT_SITE,
  title: 'feedpub sample newsroom',
  baseUrl: 'https://news.example.com',
  description: 'World news and analysis',
  publisher: 'GZERO Media',
  copyright: '© the authors and their agencies',
};

const SEED_ID = 'urn:uuid:0b6d3c52-8f1e-5a43-9c1d-2f7e4a9b1c00';
const CAPTION =
  "Rescuers work at a site damaged in the aftermath of an Israeli strike in Sohmor, in Lebanon's Bekaa Valley, October 30, 2024.";

const seed: Article = {
  id: SEED_ID,
  slug: 'us-pushes-for-cease-fire-as-israel-escalates-fight-against-hezbollah',
  url: 'https://news.example.com/articles/us-pushes-for-cease-fire-as-israel-escalates-fight-against-hezbollah/',
  title: 'US pushes for cease-fire as Israel escalates fight against Hezbollah',
  summary: 'Senior White House officials are traveling to Israel on Thursday.',
  contentHtml: '<p>Senior White House officials are traveling to Israel on Thursday.</p>\n<p>Israeli Prime Minister Benjamin Netanyahu reportedly discussed the prospect.</p>',
  contentText: 'Senior White House officials are traveling to Israel on Thursday.\n\nIsraeli Prime Minister Benjamin Netanyahu reportedly discussed the prospect.',
  authors: ['Staff'],
  publisher: 'GZERO Media',
  published: '2024-10-31T00:00:00Z',
  updated: '2024-10-31T00:00:00Z',
  tags: ['middle-east'],
  language: 'en',
  readingTimeMinutes: 1,
  images: [
    {
      alt: CAPTION,
      caption: CAPTION,
      credit: {
        display: 'Maher Abou Taleb/Reuters',
        photographer: 'Maher Abou Taleb',
        agency: 'Reuters',
        handout: false,
        pool: false,
        raw: 'REUTERS/Maher Abou Taleb',
      },
    },
  ],
  repairs: [],
  warnings: [],
  source: { key: '000_47caeb000f8095de.txt', size: 3400 },
  contentHash: 'seed',
};

const withImageFile: Article = {
  ...seed,
  images: [{ ...(seed.images[0] as Article['images'][number]), url: 'https://news.example.com/images/sohmor.jpg', width: 1200, height: 800, type: 'image/jpeg' }],
};

function headFeeds(article: Article) {
  const files = renderHeadFeeds(site, [article], ['2024-10']);
  const get = (path: string) => bodyText(files.find((f) => f.path === path)?.body ?? '');
  return { rss: get('feed.xml'), atom: get('atom.xml'), json: get('feed.json') };
}

describe('the seed article in RSS 2.0', () => {
  it('carries title, link, guid, RFC 822 date, creator, category, summary and content with the credit', () => {
    const { rss } = headFeeds(seed);
    const channel = readXml(rss).rss.channel;
    expect(channel.title).toBe('feedpub sample newsroom');
    expect(channel.lastBuildDate).toBe('Thu, 31 Oct 2024 00:00:00 GMT');
    expect(channel.generator).toBe('feedpub');
    const item = channel.item[0];
    expect(item.title).toBe('US pushes for cease-fire as Israel escalates fight against Hezbollah');
    expect(item.link).toBe('https://news.example.com/articles/us-pushes-for-cease-fire-as-israel-escalates-fight-against-hezbollah/');
    expect(item.guid).toEqual({ '@_isPermaLink': 'false', '#text': SEED_ID });
    expect(item.pubDate).toBe('Thu, 31 Oct 2024 00:00:00 GMT');
    expect(item['dc:creator']).toEqual(['Staff']);
    expect(item.category).toEqual(['middle-east']);
    expect(item.description).toBe('Senior White House officials are traveling to Israel on Thursday.');
    expect(item['content:encoded']).toContain(
      `<figcaption>Rescuers work at a site damaged in the aftermath of an Israeli strike in Sohmor, in Lebanon&#39;s Bekaa Valley, October 30, 2024. <span class="credit">Maher Abou Taleb/Reuters</span></figcaption>`,
    );
    expect(item['content:encoded']).toContain('<p>Israeli Prime Minister Benjamin Netanyahu reportedly discussed the prospect.</p>');
  });

  it('puts the credit on the item when the image has no file, and no item-level caption (feedparser would take it for the summary)', () => {
    const item = readXml(headFeeds(seed).rss).rss.channel.item[0];
    expect(item['media:content']).toBeUndefined();
    expect(item['media:credit']).toEqual([
      { '@_role': 'photographer', '@_scheme': 'urn:ebu', '#text': 'Maher Abou Taleb' },
      { '@_role': 'distribution company', '@_scheme': 'urn:ebu', '#text': 'Reuters' },
    ]);
    expect(item['media:description']).toBeUndefined();
    expect(item['content:encoded']).toMatch(/^<figure><figcaption>Rescuers work at a site .* <span class="credit">Maher Abou Taleb\/Reuters<\/span><\/figcaption><\/figure>\n/);
  });

  it('describes an image file with media:content (url, type, size, medium) holding its credit and caption', () => {
    const item = readXml(headFeeds(withImageFile).rss).rss.channel.item[0];
    expect(item['media:credit']).toBeUndefined();
    const content = item['media:content'][0];
    expect(content['@_url']).toBe('https://news.example.com/images/sohmor.jpg');
    expect(content['@_type']).toBe('image/jpeg');
    expect(content['@_width']).toBe('1200');
    expect(content['@_height']).toBe('800');
    expect(content['@_medium']).toBe('image');
    expect(content['media:credit'][0]['#text']).toBe('Maher Abou Taleb');
    expect(content['media:credit'][0]['@_role']).toBe('photographer');
    expect(content['media:description'][0]['#text']).toBe(CAPTION);
    expect(item['content:encoded']).toContain('<img src="https://news.example.com/images/sohmor.jpg" alt="');
  });

  it('declares the namespaces once on <rss> and links self and the archive', () => {
    const { rss } = headFeeds(seed);
    const root = readXml(rss).rss;
    expect(root['@_version']).toBe('2.0');
    expect(root['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    expect(root['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(root['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(root['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss.match(/xmlns:media=/g)).toHaveLength(1);
    const links = root.channel['atom:link'].map((l: any) => [l['@_rel'], l['@_href']]);
    expect(links).toEqual([
      ['self', 'https://news.example.com/feed.xml'],
      ['prev-archive', 'https://news.example.com/archive/2024-10/feed.xml'],
    ]);
    expect(rss).toContain('<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>');
  });

  it('opens in a feed reader library with the seed item and its credit', () => {
    const feed = readFeed(headFeeds(seed).rss);
    expect(feed.title).toBe('feedpub sample newsroom');
    expect(feed.items).toHaveLength(1);
    const item = feed.items[0];
    expect(item?.id).toBe(SEED_ID);
    expect(item?.title).toBe('US pushes for cease-fire as Israel escalates fight against Hezbollah');
    expect(item?.published?.toISOString()).toBe('2024-10-31T00:00:00.000Z');
    expect(item?.content).toContain('Maher Abou Taleb/Reuters');
  });
});

describe('the seed article in Atom 1.0', () => {
  it('carries id, published, updated, author, category, summary and html content', () => {
    const feed = readXml(headFeeds(seed).atom).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://news.example.com/atom.xml');
    expect(feed.updated).toBe('2024-10-31T00:00:00Z');
    const entry = feed.entry[0];
    expect(entry.id).toBe(SEED_ID);
    expect(entry.published).toBe('2024-10-31T00:00:00Z');
    expect(entry.updated).toBe('2024-10-31T00:00:00Z');
    expect(entry.author).toEqual([{ name: 'Staff' }]);
    expect(entry.category).toEqual([{ '@_term': 'middle-east' }]);
    expect(entry.content['@_type']).toBe('html');
    expect(entry.content['#text']).toContain('<span class="credit">Maher Abou Taleb/Reuters</span>');
    expect(entry['media:credit'][0]['#text']).toBe('Maher Abou Taleb');
  });

  it('links an image file as an enclosure and opens in a feed reader library', () => {
    const { atom } = headFeeds(withImageFile);
    const entry = readXml(atom).feed.entry[0];
    expect(entry.link).toEqual([
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': withImageFile.url },
      { '@_rel': 'enclosure', '@_type': 'image/jpeg', '@_href': 'https://news.example.com/images/sohmor.jpg' },
    ]);
    const feed = readFeed(atom);
    expect(feed.items[0]?.id).toBe(SEED_ID);
    expect(feed.items[0]?.updated?.toISOString()).toBe('2024-10-31T00:00:00.000Z');
    expect(feed.items[0]?.content).toContain('Maher Abou Taleb/Reuters');
  });
});

describe('the seed article in JSON Feed 1.1', () => {
  it('is valid JSON Feed 1.1 and carries dates, authors, tags and the structured credit', () => {
    const feed = readJsonFeed(headFeeds(withImageFile).json);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    // The head holds the only item: JSON Feed paging has no further page (RSS/Atom still link the month).
    expect(feed.next_url).toBeUndefined();
    const item = feed.items[0];
    expect(item.id).toBe(SEED_ID);
    expect(item.date_published).toBe('2024-10-31T00:00:00Z');
    expect(item.date_modified).toBe('2024-10-31T00:00:00Z');
    expect(item.authors).toEqual([{ name: 'Staff' }]);
    expect(item.tags).toEqual(['middle-east']);
    expect(item.image).toBe('https://news.example.com/images/sohmor.jpg');
    expect(item.content_html).toContain('Maher Abou Taleb/Reuters');
    expect(item._feedpub.publisher).toBe('GZERO Media');
    expect(item._feedpub.images[0].credit.display).toBe('Maher Abou Taleb/Reuters');
    expect(item._feedpub.images[0].credit.raw).toBe('REUTERS/Maher Abou Taleb');
    expect(item._feedpub.images[0].caption).toBe(CAPTION);
  });

  it('leaves out `image` when the only image has no file, but keeps the credit', () => {
    const item = readJsonFeed(headFeeds(seed).json).items[0];
    expect(item.image).toBeUndefined();
    expect(item._feedpub.images[0].url).toBeUndefined();
    expect(item._feedpub.images[0].credit.photographer).toBe('Maher Abou Taleb');
  });
});

describe('the seed permalink page', () => {
  it('has lang, title, canonical, feed autodiscovery, byline, time and the captioned, credited figure', () => {
    const page = renderArticlePage({ ...site, creditStyle: { ...site.creditStyle, prefix: 'Photo: ' } }, withImageFile);
    expect(page.path).toBe('articles/us-pushes-for-cease-fire-as-israel-escalates-fight-against-hezbollah/index.html');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    const html = bodyText(page.body);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>US pushes for cease-fire as Israel escalates fight against Hezbollah – feedpub sample newsroom</title>');
    expect(html).toContain(`<link rel="canonical" href="${withImageFile.url}">`);
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="feedpub sample newsroom (RSS)" href="https://news.example.com/feed.xml">');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="feedpub sample newsroom (Atom)" href="https://news.example.com/atom.xml">');
    expect(html).toContain('<link rel="alternate" type="application/feed+json" title="feedpub sample newsroom (JSON Feed)" href="https://news.example.com/feed.json">');
    expect(html).toContain('<time datetime="2024-10-31T00:00:00Z">31 October 2024</time>');
    expect(html).toContain('<span class="author">Staff</span>');
    expect(html).toContain('<span class="credit">Photo: Maher Abou Taleb/Reuters</span>');
    expect(html).toContain('<meta property="og:image" content="https://news.example.com/images/sohmor.jpg">');
    expect(html).not.toMatch(/<script|style=/);
  });
});
