// Several authors, read back by an independent parser (@rowanmanning/feed-parser) and by the raw XML
// (fast-xml-parser). Python feedparser's entry.author, rss2email's sender name, is the LAST author
// element of an item in RSS and Atom alike (checked by hand with feedparser 6.0.10), and newsboat shows
// the last dc:creator: so what a reader shows is the last author element, and it must name everyone.
import { describe, expect, it } from 'vitest';
import type { Article, SiteConfig } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { authorLine } from '../../../functions/core/render/authors';
import { renderArticlePage, renderHeadFeeds } from '../../../functions/core/render/index';
import { bodyText, readFeed, readJsonFeed, readXml } from '../../support/read-back';

const site: SiteConfig = { ...DEFAULT_SITE, title: 'Desk', baseUrl: 'https://news.example.com', description: 'News', defaultAuthor: 'Newsroom' };

function article(authors: string[]): Article {
  return {
    id: 'urn:uuid:00000000-0000-5000-8000-0000000000a1',
    slug: 'three-bylines',
    url: 'https://news.example.com/articles/three-bylines/',
    title: 'Three bylines',
    summary: 'Summary.',
    contentHtml: '<p>Body.</p>',
    contentText: 'Body.',
    authors,
    published: '2024-10-31T00:00:00Z',
    updated: '2024-10-31T00:00:00Z',
    tags: [],
    language: 'en',
    readingTimeMinutes: 1,
    images: [],
    repairs: [],
    warnings: [],
    source: { key: 'three.md', size: 100 },
    contentHash: 'h',
  };
}

function feeds(authors: string[]) {
  const files = renderHeadFeeds(site, [article(authors)], ['2024-10']);
  const get = (path: string) => bodyText(files.find((f) => f.path === path)?.body ?? '');
  return { rss: get('feed.xml'), atom: get('atom.xml'), json: get('feed.json') };
}

// Names with the characters a byline line must carry through XML unharmed.
const THREE = ['Ana Lima', "Cara O'Neil", 'Björn & Söhne Müller'];

describe('authorLine', () => {
  it.each([
    [[], ''],
    [['Ana Lima'], 'Ana Lima'],
    [['Ana Lima', 'Bo Chen'], 'Ana Lima and Bo Chen'],
    [['Ana Lima', 'Bo Chen', 'Cara Neil'], 'Ana Lima, Bo Chen and Cara Neil'],
  ])('%j -> %s', (names, line) => {
    expect(authorLine(names)).toBe(line);
  });
});

describe('several authors', () => {
  it('RSS: the reader shows one author naming all three', () => {
    const { rss } = feeds(THREE);
    const item = readFeed(rss).items[0];
    expect(item?.authors.map((a) => a.name)).toEqual(["Ana Lima, Cara O'Neil and Björn & Söhne Müller"]);
    expect(readXml(rss).rss.channel.item[0]['dc:creator']).toEqual(["Ana Lima, Cara O'Neil and Björn & Söhne Müller"]);
  });

  it('Atom: the reader shows one author naming all three (feedparser would show only the last of three)', () => {
    const { atom } = feeds(THREE);
    const item = readFeed(atom).items[0];
    expect(item?.authors.map((a) => a.name)).toEqual(["Ana Lima, Cara O'Neil and Björn & Söhne Müller"]);
    expect(readXml(atom).feed.entry[0].author).toEqual([{ name: "Ana Lima, Cara O'Neil and Björn & Söhne Müller" }]);
  });

  it('JSON Feed and the article page keep one entry per person', () => {
    const { json } = feeds(THREE);
    expect(readJsonFeed(json).items[0].authors).toEqual(THREE.map((name) => ({ name })));
    const page = bodyText(renderArticlePage(site, article(THREE)).body);
    expect(page).toContain('By <span class="author">Ana Lima</span>, <span class="author">Cara O&#39;Neil</span>, <span class="author">Björn &amp; Söhne Müller</span>');
  });

  it('one author stays as written, and none gives the site default in every format', () => {
    for (const [authors, name] of [[['Ana Lima'], 'Ana Lima'], [[], 'Newsroom']] as const) {
      const { rss, atom, json } = feeds([...authors]);
      expect(readFeed(rss).items[0]?.authors.map((a) => a.name)).toEqual([name]);
      expect(readFeed(atom).items[0]?.authors.map((a) => a.name)).toEqual([name]);
      expect(readJsonFeed(json).items[0].authors).toEqual([{ name }]);
    }
  });
});
