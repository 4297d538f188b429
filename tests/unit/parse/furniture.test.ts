import { describe, expect, it } from 'vitest';
import { furnitureRuleOf, removeFurniture } from '../../../functions/core/parse/furniture';

// Each line alone on its line -> the rule that removes it (cases written from real pages' furniture).
const furniture: Array<[line: string, rule: string]> = [
  ['Advertisement', 'advertisement-marker'],
  ['ADVERTISEMENT', 'advertisement-marker'],
  ['— Advertisement —', 'advertisement-marker'],
  ['[Advertisement]', 'advertisement-marker'],
  ['Advertisement - Scroll to continue', 'advertisement-marker'],
  ['Story continues below advertisement', 'advertisement-marker'],
  ['Article continues below', 'advertisement-marker'],
  ['Continue reading the main story', 'advertisement-marker'],
  ['Skip Advertisement', 'advertisement-marker'],
  ['Sponsored content', 'advertisement-marker'],
  ['AD', 'advertisement-marker'],
  ['Anzeige', 'advertisement-marker'],
  ['Publicité', 'advertisement-marker'],
  ['Share on Facebook', 'share-bar'],
  ['Share on X', 'share-bar'],
  ['Share on WhatsApp', 'share-bar'],
  ['Email this', 'share-bar'],
  ['Email this article', 'share-bar'],
  ['Facebook Twitter Email', 'share-bar'],
  ['Share | Tweet | Email | Print', 'share-bar'],
  ['Copy link', 'share-bar'],
  ['Link copied', 'share-bar'],
  ['Share this article', 'share-bar'],
  ['Save for later', 'share-bar'],
  ['Gift this article', 'share-bar'],
  ['128 Comments', 'share-bar'],
  ['Print', 'share-bar'],
  ['Reprints', 'reprints-and-licensing'],
  ['Reprints & Permissions', 'reprints-and-licensing'],
  ['Purchase Licensing Rights', 'reprints-and-licensing'],
  ['Purchase Licensing Rights, opens new tab', 'reprints-and-licensing'],
  ['License this article', 'reprints-and-licensing'],
  ['Republish this article', 'reprints-and-licensing'],
  ['Our Standards: The Thomson Reuters Trust Principles.', 'agency-footer'],
  ['The Thomson Reuters Trust Principles', 'agency-footer'],
  ['Copyright 2024 The Associated Press. All rights reserved.', 'agency-footer'],
  [
    'Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
    'agency-footer',
  ],
  ['© 2024 Agence France-Presse. All rights reserved.', 'agency-footer'],
  ['All rights reserved.', 'agency-footer'],
  ['This material may not be published, broadcast, rewritten or redistributed.', 'agency-footer'],
  ['-30-', 'wire-end-mark'],
  ['###', 'wire-end-mark'],
  ['(END)', 'wire-end-mark'],
  ['ENDS', 'wire-end-mark'],
  ['Enditem', 'wire-end-mark'],
  ['___', 'wire-end-mark'],
  ['burs-jm/dl', 'wire-end-mark'],
  ['ia/kir', 'wire-end-mark'],
  ['jm/sst/ser', 'wire-end-mark'],
  ['Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST', 'newsletter-promo'],
  ['Sign up for our newsletter', 'newsletter-promo'],
  ['Subscribe to our daily newsletter.', 'newsletter-promo'],
  ['Get our free Morning Briefing newsletter in your inbox', 'newsletter-promo'],
  ["Don't miss our weekly newsletter", 'newsletter-promo'],
  ['skip past newsletter promotion', 'newsletter-promo'],
  ['after newsletter promotion', 'newsletter-promo'],
  ['Newsletter', 'newsletter-promo'],
  ['See also: Floods hit the north for a second week', 'inline-teaser'],
  ['Read more: Why the central bank held rates', 'inline-teaser'],
  ['READ MORE: Ten things to know about the vote', 'inline-teaser'],
  ['Related: Minister resigns over leak', 'inline-teaser'],
  ['Also read: The long road to the ceasefire', 'inline-teaser'],
  ['Lesen Sie auch: Die Bahn streikt erneut', 'inline-teaser'],
  ['Lire aussi : La grève continue', 'inline-teaser'],
  ['Leggi anche: Il governo cade', 'inline-teaser'],
  ['Lea también: El Gobierno aprueba el presupuesto', 'inline-teaser'],
];

// Body lines that look a little like furniture and must stay.
const body = [
  'Advertisement spending fell by a third in the quarter, the company said.',
  'Share prices fell on Facebook’s results.',
  'Shares in Facebook fell 4% on Tuesday.',
  'Email was the main channel of the scam, police said.',
  'The ministry said all rights reserved to the state would be reviewed.',
  'End of an era for the club.',
  'The newsletter, which has 40,000 readers, was founded in 2019.',
  'He signed up for the army at 17.',
  'See also the report by the auditors, published on Monday.',
  'Read more carefully, the letter is a warning.',
  'Related measures were announced on Tuesday.',
  'Print runs were cut by half.',
  'Copyright law is at the heart of the case.',
  'and/or',
  'X',
  'Most read the report as a warning.',
  'Twitter users reacted within minutes.',
];

describe('furnitureRuleOf', () => {
  it.each(furniture)('%j -> %s', (line, rule) => {
    expect(furnitureRuleOf(line)).toBe(rule);
  });
  it.each(body.filter((line) => line !== 'X'))('%j is body text', (line) => {
    expect(furnitureRuleOf(line)).toBeUndefined();
  });
});

describe('removeFurniture', () => {
  const text = (lines: string[]) => lines.join('\n');

  it('removes a marker alone on its line anywhere, and joins the halves of a paragraph it split', () => {
    const { lines, removed } = removeFurniture(['Title', '', 'First half of a sentence', 'Advertisement', 'and its end.', '', 'More.', '', 'Share on Facebook', 'Email this', '', 'Last.']);
    expect(text(lines)).toBe('Title\n\nFirst half of a sentence\nand its end.\n\nMore.\n\n\nLast.');
    expect(removed.map((r) => r.rule)).toEqual(['advertisement-marker', 'share-bar', 'share-bar']);
  });

  it('never removes the title line (before `from`)', () => {
    expect(removeFurniture(['Advertisement', '', 'Body.'], 1).lines).toEqual(['Advertisement', '', 'Body.']);
  });

  it('a mid-article "Most read" list goes, the rest of the article stays', () => {
    const input = [
      'Title', '', 'First paragraph.', '', 'Most read', '1. Storm closes schools', '2. Minister quits', '3. Why prices rose?', '',
      'Second paragraph continues the story.', '', 'Share this article', '', 'Third paragraph.',
    ];
    const { lines, removed } = removeFurniture(input, 1);
    expect(lines.filter((l) => l !== '')).toEqual(['Title', 'First paragraph.', 'Second paragraph continues the story.', 'Third paragraph.']);
    expect(removed).toHaveLength(5);
  });

  it('a "Related" list of headlines across blank lines goes up to the first prose line', () => {
    const input = ['T', '', 'Body one.', '', 'Related', '', 'Bus drivers accept new contract', '', 'Rail fares rise again', '', 'Body two ends here.'];
    expect(removeFurniture(input, 1).lines.filter((l) => l !== '')).toEqual(['T', 'Body one.', 'Body two ends here.']);
  });

  it('inline teasers drop only their own line', () => {
    const input = ['T', '', 'Body one.', 'See also: Floods hit the north', '', 'Body two.'];
    expect(removeFurniture(input, 1).lines).toEqual(['T', '', 'Body one.', '', 'Body two.']);
  });
});
