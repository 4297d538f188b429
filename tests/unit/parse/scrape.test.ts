import { describe, expect, it } from 'vitest';
import { parseScrape } from '../../../functions/core/parse/scrape';

const lines = (text: string): string[] => text.split('\n');

describe('parseScrape', () => {
  it('title, repeated caption kept once, credit line, paragraphs', () => {
    const text = 'Title here\n\nA caption.\nA caption.\nREUTERS/Jane Roe\n\nFirst paragraph.\n\nSecond paragraph.';
    expect(parseScrape(lines(text), true)).toEqual({
      title: 'Title here',
      images: [{ caption: 'A caption.', credit: 'REUTERS/Jane Roe' }],
      paragraphs: ['First paragraph.', 'Second paragraph.'],
    });
  });

  const cases: { name: string; text: string; images: unknown[]; paragraphs: string[] }[] = [
    { name: 'no image', text: 'T\n\nOne.\n\nTwo.', images: [], paragraphs: ['One.', 'Two.'] },
    {
      name: 'caption once, then credit',
      text: 'T\n\nA boat in the bay.\nAndrew Leyden/NurPhoto\n\nBody.',
      images: [{ caption: 'A boat in the bay.', credit: 'Andrew Leyden/NurPhoto' }],
      paragraphs: ['Body.'],
    },
    {
      name: 'two image blocks between paragraphs, in order',
      text: 'T\n\nCap one.\nCap one.\nAP Photo/Kim Lee\n\nBody one.\n\nCap two.\nREUTERS/Ali Khan\n\nBody two.',
      images: [{ caption: 'Cap one.', credit: 'AP Photo/Kim Lee' }, { caption: 'Cap two.', credit: 'REUTERS/Ali Khan' }],
      paragraphs: ['Body one.', 'Body two.'],
    },
    {
      name: 'a credit line alone after a one-line block makes that line the caption',
      text: 'T\n\nBody.\n\nA field exercise in the hills.\n\nInter-Services Public Relations (ISPR)/Handout via REUTERS\n\nMore body.',
      images: [{ caption: 'A field exercise in the hills.', credit: 'Inter-Services Public Relations (ISPR)/Handout via REUTERS' }],
      paragraphs: ['Body.', 'More body.'],
    },
    {
      name: 'a caption repeated without credit is an image',
      text: 'T\n\nA quiet street.\nA quiet street.\n\nBody.',
      images: [{ caption: 'A quiet street.' }],
      paragraphs: ['Body.'],
    },
    {
      name: 'near-identical captions (alt text without full stop, other spacing or case) are kept once, the longer',
      text: 'T\n\nRescuers at the site in  Sohmor\nRescuers at the site in Sohmor.\nREUTERS/Maher Abou Taleb\n\nBody.',
      images: [{ caption: 'Rescuers at the site in Sohmor.', credit: 'REUTERS/Maher Abou Taleb' }],
      paragraphs: ['Body.'],
    },
    {
      name: 'a caption typed over two lines, then the credit',
      text: 'T\n\nFirefighters at the depot\nin the north of the city.\nAP Photo/Jo Roe\n\nBody.',
      images: [{ caption: 'Firefighters at the depot in the north of the city.', credit: 'AP Photo/Jo Roe' }],
      paragraphs: ['Body.'],
    },
    {
      name: 'a five-line block ending in a credit-like line stays a paragraph',
      text: 'T\n\nOne\nTwo\nThree\nFour\nREUTERS/Jo Roe\n\nBody.',
      images: [],
      paragraphs: ['One Two Three Four REUTERS/Jo Roe', 'Body.'],
    },
    {
      name: 'lines of one block join into one paragraph',
      text: 'T\n\nThe first line\nand the second line.\n\nNext.',
      images: [],
      paragraphs: ['The first line and the second line.', 'Next.'],
    },
    {
      name: 'lines right after the title without a blank line are body',
      text: 'T\nBody right away.',
      images: [],
      paragraphs: ['Body right away.'],
    },
    {
      name: 'sentences are not credits (they end with a full stop)',
      text: 'T\n\nThe 50/50 split was agreed on Monday.',
      images: [],
      paragraphs: ['The 50/50 split was agreed on Monday.'],
    },
    { name: 'extra blank lines and trailing spaces', text: '\n\nT  \n\n\n\n  Body.  \n\n', images: [], paragraphs: ['Body.'] },
  ];

  it.each(cases)('$name', ({ text, images, paragraphs }) => {
    const scraped = parseScrape(lines(text), true);
    expect(scraped.title).toBe('T');
    expect(scraped.images).toEqual(images);
    expect(scraped.paragraphs).toEqual(paragraphs);
  });

  it.each([
    ['By Jane Doe', ['Jane Doe']],
    ['By Jane Doe and Ali Khan', ['Jane Doe', 'Ali Khan']],
    ['By Anne-Marie O’Neill, Bo Li', ['Anne-Marie O’Neill', 'Bo Li']],
    ['By Ludwig van Beethoven', ['Ludwig van Beethoven']],
  ])('a "%s" line before the first paragraph is the byline', (line, authors) => {
    expect(parseScrape(lines(`T\n\n${line}\n\nBody.`), true)).toEqual({ title: 'T', byline: { authors }, images: [], paragraphs: ['Body.'] });
  });

  it.each([
    'By Tuesday, talks had stalled.',
    'By the end of the week',
    'By Monday Officials Were Tired Of Waiting For Any News',
  ])('"%s" is body, not a byline', (line) => {
    expect(parseScrape(lines(`T\n\n${line}\n\nBody.`), true)).toEqual({ title: 'T', images: [], paragraphs: [line, 'Body.'] });
  });

  it('a byline line after the first paragraph is body', () => {
    expect(parseScrape(lines('T\n\nBody.\n\nBy Jane Doe'), true).paragraphs).toEqual(['Body.', 'By Jane Doe']);
  });

  it('without a title line, the first block is body', () => {
    expect(parseScrape(lines('One.\n\nTwo.'), false)).toEqual({ images: [], paragraphs: ['One.', 'Two.'] });
  });
});
