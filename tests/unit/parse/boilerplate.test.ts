import { describe, expect, it } from 'vitest';
import { cutBoilerplate } from '../../../functions/core/parse/boilerplate';

const body = ['Title', '', 'A paragraph.', ''];

describe('cutBoilerplate cuts at a whole boilerplate line and drops the rest', () => {
  it.each([
    ['More from GZERO Media', 'GZERO Media'],
    ['More from The Daily Ledger:', 'The Daily Ledger'],
    ['Read more', undefined],
    ['Read more from the newsroom', undefined],
    ['Recommended', undefined],
    ['Recommended for you', undefined],
    ['You might also like', undefined],
    ['  More from GZERO Media  ', 'GZERO Media'],
  ])('%s', (line, publisher) => {
    const cut = cutBoilerplate([...body, line, '', 'Another story teaser.', 'REUTERS/Someone'], 1);
    expect(cut.lines).toEqual(body);
    expect(cut.publisher).toBe(publisher);
    expect(cut.cutAt).toEqual({ line: line.trim(), dropped: 4 });
  });

  it.each([
    'Read more about the plan in our explainer, published on Monday.',
    'Related measures were announced by the ministry on Tuesday.',
    'Officials said more from the fund would follow.',
    'Trending topics on the platform included the vote.',
    `More from ${'a very long publisher name '.repeat(4)}`,
  ])('leaves body text alone: %s', (line) => {
    const cut = cutBoilerplate([...body, line]);
    expect(cut.lines).toEqual([...body, line]);
    expect(cut.cutAt).toBeUndefined();
  });

  // These stand inside articles too: furniture.ts drops the line (and a heading's list), never the rest.
  it.each(['Related', 'Related stories', 'Most read', 'Most popular', 'Trending now', 'Share this article', 'Sign up for our newsletter', 'See also'])(
    'does not cut at %j (a mid-article block)',
    (line) => {
      expect(cutBoilerplate([...body, line, '', 'More body.']).cutAt).toBeUndefined();
    },
  );

  it('never cuts before `from` (a story titled "Trending now" keeps its body)', () => {
    expect(cutBoilerplate(['Trending now', '', 'Body.'], 1).lines).toEqual(['Trending now', '', 'Body.']);
  });
});
