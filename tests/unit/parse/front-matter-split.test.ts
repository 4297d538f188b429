import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../functions/core/parse/markdown';

// gray-matter (a devDependency now) with an engine that only records the YAML text it was given.
function grayMatterSplit(text: string): { yaml: string | undefined; body: string } {
  const file = matter(text, { engines: { yaml: (source: string) => ({ recorded: source }) } });
  const data = file.data as { recorded?: string };
  return { yaml: data.recorded, body: file.content };
}

// Text that starts with "---" and an opening line of blanks only (what readFrontMatter lets through),
// built from the pieces that matter to the split: delimiters, dashes, comments, blank and CR lines.
const piece = fc.constantFrom('\n', '\r\n', '---', '----', '\n---', '\n---\n', '\n--- \n', '# note', ' # note', 'title: x', 'a: [1, 2]', ' ', '\t', 'body text', '-', '#', '\r');
const opening = fc.constantFrom('---\n', '--- \n', '---\t\n', '---\r\n', '---\n\n');
const upload = fc.tuple(opening, fc.array(piece, { maxLength: 14 })).map(([open, pieces]) => open + pieces.join(''));

describe('splitFrontMatter', () => {
  it('splits exactly like gray-matter', () => {
    fc.assert(
      fc.property(upload, (text) => {
        expect(splitFrontMatter(text)).toEqual(grayMatterSplit(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['---\ntitle: A\n---\nBody', { yaml: '\ntitle: A', body: 'Body' }],
    ['---\ntitle: A\n---\r\n\nBody', { yaml: '\ntitle: A', body: '\nBody' }],
    ['---\n# only a comment\n---\nBody', { yaml: undefined, body: 'Body' }],
    ['---\ntitle: A', { yaml: '\ntitle: A', body: '' }],
    ['----\ntitle: A\n---\nBody', { yaml: undefined, body: '----\ntitle: A\n---\nBody' }],
    // The first "\n---" closes, even when more dashes follow: the rest of that line is body.
    ['---\ntitle: A\n-----\nBody', { yaml: '\ntitle: A', body: '--\nBody' }],
  ])('%j', (text, expected) => {
    expect(splitFrontMatter(text)).toEqual(expected);
    expect(grayMatterSplit(text)).toEqual(expected);
  });
});
