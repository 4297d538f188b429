import { describe, expect, it } from 'vitest';
import { parseHeaderBlock } from '../../../functions/core/parse/headers';

const lines = (text: string): string[] => text.split('\n');

describe('parseHeaderBlock', () => {
  const cases: { name: string; text: string; meta: Record<string, string | string[]>; lineCount: number }[] = [
    {
      name: 'every known header, any case, ended by a blank line',
      text: 'TITLE: A title\nauthor: Ann Lee\nAuthors: Ann Lee, Bo Li\nBy: Ann Lee\nDate: 2025-05-01\nTags: a, b ,, c\nSlug: a-title\nSummary: Short.\nLanguage: fr\nPublisher: The Ledger\n\nBody',
      meta: {
        title: 'A title', author: 'Ann Lee', authors: 'Ann Lee, Bo Li', by: 'Ann Lee', date: '2025-05-01', tags: ['a', 'b', 'c'],
        slug: 'a-title', summary: 'Short.', language: 'fr', publisher: 'The Ledger',
      },
      lineCount: 11,
    },
    { name: 'no header: a scraped title with a colon', text: 'Breaking: storm hits the coast\n\nBody', meta: {}, lineCount: 0 },
    { name: 'an unknown key first is not a header block', text: 'Source: AP\nTitle: X\n\nBody', meta: {}, lineCount: 0 },
    {
      name: 'unknown keys inside a block that starts with a known one are kept, lower-cased',
      text: 'Title: X\nSource: Wire\n\nBody',
      meta: { title: 'X', source: 'Wire' },
      lineCount: 3,
    },
    { name: 'a URL is not a header', text: 'Date: 2025-01-01\nhttps://example.com/x\n\nBody', meta: { date: '2025-01-01' }, lineCount: 1 },
    { name: 'the block ends at the first non-header line', text: 'Title: X\nThe body starts here.', meta: { title: 'X' }, lineCount: 1 },
    { name: 'the first of repeated headers wins', text: 'Title: One\nTitle: Two\n', meta: { title: 'One' }, lineCount: 3 },
    { name: 'a blank value is consumed, not recorded', text: 'Title:\nDate: 2025-01-01\n\nX', meta: { date: '2025-01-01' }, lineCount: 3 },
    {
      name: 'keys named like Object members are ordinary keys',
      text: 'Title: X\nConstructor: Y\nToString: Z\n',
      meta: { title: 'X', constructor: 'Y', tostring: 'Z' },
      lineCount: 4,
    },
    { name: 'empty input', text: '', meta: {}, lineCount: 0 },
  ];

  it.each(cases)('$name', ({ text, meta, lineCount }) => {
    const block = parseHeaderBlock(lines(text));
    expect(block.meta).toEqual(meta);
    expect(block.lineCount).toBe(lineCount);
  });

  it.each([
    { text: 'Title: X\nImage: a.jpg\nCaption: A harbour\nCredit: AP Photo/Jo Smith', images: [{ src: 'a.jpg', caption: 'A harbour', credit: 'AP Photo/Jo Smith' }] },
    { text: 'Title: X\nCaption: No file\nCredit: Handout', images: [{ caption: 'No file', credit: 'Handout' }] },
    { text: 'Title: X\nCaption: First\nImage: a.jpg', images: [{ caption: 'First', src: 'a.jpg' }] },
    {
      text: 'Title: X\nImage: a.jpg\nCaption: One\nImage: b.jpg\nCaption: Two\nCredit: Pool',
      images: [{ src: 'a.jpg', caption: 'One' }, { src: 'b.jpg', caption: 'Two', credit: 'Pool' }],
    },
    { text: 'Title: X\nDate: 2025-01-01', images: [] },
    { text: 'Title: X\nImage:\nCaption:\nCredit:', images: [] },
    { text: 'Title: X\nImage:\nCaption: Only a caption\nCredit:', images: [{ caption: 'Only a caption' }] },
  ])('Image/Caption/Credit lines make images: $text', ({ text, images }) => {
    expect(parseHeaderBlock(lines(text)).images).toEqual(images);
  });
});
