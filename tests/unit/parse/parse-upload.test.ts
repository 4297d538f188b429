import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../../functions/core/parse';
import type { RawArticle } from '../../../functions/core/model';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parsed(key: string, text: string): RawArticle {
  const result = parseUpload({ key, bytes: utf8(text), maxBytes: 1024 * 1024 });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.reason}`);
  return result.value;
}

describe('parseUpload: .txt', () => {
  it('header lines with Title: the body starts after the block; header image first', () => {
    const article = parsed(
      'a.txt',
      'Title: Ferries return\nAuthor: Ann Lee\nDate: 2025-07-01\nTags: ferries, islands\nImage: ferry.jpg\nCaption: The first ferry.\nCredit: AP Photo/Jo Smith\n\nFerries sailed again on Monday.\n\nA second paragraph.\n',
    );
    expect(article).toEqual({
      format: 'txt',
      encoding: 'utf-8',
      title: 'Ferries return',
      meta: {
        title: 'Ferries return', author: 'Ann Lee', date: '2025-07-01', tags: ['ferries', 'islands'], image: 'ferry.jpg',
        caption: 'The first ferry.', credit: 'AP Photo/Jo Smith',
      },
      paragraphs: ['Ferries sailed again on Monday.', 'A second paragraph.'],
      images: [{ src: 'ferry.jpg', caption: 'The first ferry.', credit: 'AP Photo/Jo Smith' }],
      // ASCII only: the decoder proved there is no Latin letter for the fused-word repair to look for.
      latinLetters: false,
      warnings: [],
    });
  });

  it('header lines without Title: the scrape title line follows the block', () => {
    const article = parsed('a.txt', 'Date: 2025-07-01\nAuthor: Ann Lee\n\nFerries return\n\nA caption.\nA caption.\nREUTERS/Bo Li\n\nBody.');
    expect(article.title).toBe('Ferries return');
    expect(article.meta).toEqual({ date: '2025-07-01', author: 'Ann Lee' });
    expect(article.images).toEqual([{ caption: 'A caption.', credit: 'REUTERS/Bo Li' }]);
    expect(article.paragraphs).toEqual(['Body.']);
  });

  it('a scraped "By" line becomes meta.by unless a header names the author', () => {
    expect(parsed('a.txt', 'T\n\nBy Jane Doe\n\nBody.').meta).toEqual({ by: ['Jane Doe'] });
    expect(parsed('a.txt', 'Author: Ann Lee\n\nT\n\nBy Jane Doe\n\nBody.').meta).toEqual({ author: 'Ann Lee' });
  });

  it('a Publisher: header wins over "More from ..."', () => {
    const article = parsed('a.txt', 'Title: T\nPublisher: The Ledger\n\nBody.\n\nMore from GZERO Media\n\nTeaser.');
    expect(article.publisher).toBe('The Ledger');
    expect(article.paragraphs).toEqual(['Body.']);
  });

  it('a story titled like boilerplate keeps its body', () => {
    const article = parsed('a.txt', 'Trending now\n\nWhat people searched for this week.');
    expect(article.title).toBe('Trending now');
    expect(article.paragraphs).toEqual(['What people searched for this week.']);
  });

  it('YAML front matter on a .txt is read like Markdown front matter', () => {
    const article = parsed('a.txt', '---\ntitle: Front\ndate: 2025-02-03\ncredit: Pool\ncaption: A pool picture.\n---\n\nBody one.\n\nBody two.');
    expect(article.title).toBe('Front');
    expect(article.meta).toEqual({ title: 'Front', date: '2025-02-03', credit: 'Pool', caption: 'A pool picture.' });
    expect(article.images).toEqual([{ caption: 'A pool picture.', credit: 'Pool' }]);
    expect(article.paragraphs).toEqual(['Body one.', 'Body two.']);
  });

  it.each([
    ['# Ferries return', 'Ferries return'],
    ['## Ferries return', 'Ferries return'],
    ['#1 seed knocked out in first round', '#1 seed knocked out in first round'],
  ])('title line %j -> %j', (line, title) => {
    expect(parsed('a.txt', `${line}\n\nBody.`).title).toBe(title);
  });

  it('a title-only upload is an article without body (normalize decides what to do with it)', () => {
    expect(parsed('a.txt', 'Just a title\n').paragraphs).toEqual([]);
  });

  it('warns about a first line too long to be a title', () => {
    const line = 'word '.repeat(60).trim();
    expect(parsed('a.txt', `${line}\n\nBody.`).warnings).toEqual(['the title is 299 characters long: is the first line really the title?']);
  });

  it('CRLF files parse like LF files', () => {
    const lf = parsed('a.txt', 'Title: T\n\nOne.\n\nTwo.');
    const crlf = parsed('a.txt', 'Title: T\r\n\r\nOne.\r\n\r\nTwo.');
    expect(crlf).toEqual(lf);
  });
});

describe('parseUpload: .md', () => {
  it('front matter, image, markdown body; paragraphs empty', () => {
    const article = parsed(
      'dir/story.md',
      '---\ntitle: Lanterns\nauthor: Chen Wei\ndate: 2026-02-08\npublisher: The Ledger\nimage: lanterns.jpg\ncredit: Pool via REUTERS\n---\n\nAbout **120,000** people came.\n',
    );
    expect(article).toEqual({
      format: 'md',
      encoding: 'utf-8',
      title: 'Lanterns',
      meta: { title: 'Lanterns', author: 'Chen Wei', date: '2026-02-08', publisher: 'The Ledger', image: 'lanterns.jpg', credit: 'Pool via REUTERS' },
      paragraphs: [],
      markdown: 'About **120,000** people came.',
      images: [{ src: 'lanterns.jpg', caption: '', credit: 'Pool via REUTERS' }],
      publisher: 'The Ledger',
      warnings: [],
    });
  });
});
