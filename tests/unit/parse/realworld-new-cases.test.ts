// A second table of real-world shapes (issue 9), written for this pass and not taken from the rules'
// own tables: other publishers' scrape layouts, read end to end by ingestUpload.
import { describe, expect, it } from 'vitest';
import { ingestUpload } from '../../../functions/core/ingest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { normalizeCredit } from '../../../functions/core/credits/index';

const ingested = (text: string, fallbackDate = '2024-06-01T12:00:00Z') => {
  const result = ingestUpload({ key: 'a.txt', bytes: new TextEncoder().encode(text), fallbackDate }, DEFAULT_SITE);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
};
const BODY = 'The ministry said the bridge would reopen next week after repairs that took most of the winter.';
const MORE = 'Engineers found cracks in two of the supports during a routine inspection in November last year.';

describe('bylines of other publishers, end to end', () => {
  it.each([
    ['plain', `Bridge reopens\n\nBy Ana Lima\n\n${BODY}\n\n${MORE}`, ['Ana Lima'], undefined],
    ['two names and an agency after a comma', `Bridge reopens\n\nBy Ana Lima and Rui Costa, Reuters\n\n${BODY}\n\n${MORE}`, ['Ana Lima', 'Rui Costa'], 'Reuters'],
    ['all caps', `Bridge reopens\n\nBY ANA LIMA\n\n${BODY}\n\n${MORE}`, ['Ana Lima'], undefined],
    ['Guardian "in <place>"', `Bridge reopens\n\nAna Lima in Porto\n\n${BODY}\n\n${MORE}`, ['Ana Lima'], undefined],
    ['BBC name then role', `Bridge reopens\n\nAna Lima\n\nTransport correspondent, BBC News\n\n${BODY}\n\n${MORE}`, ['Ana Lima'], undefined],
    ['with the agency run on', `Bridge reopens\n\nBy ANA LIMA Associated Press\n\n${BODY}\n\n${MORE}`, ['Ana Lima'], 'AP'],
    ['after a standfirst', `Bridge reopens\n\nRepairs took most of the winter, officials said.\n\nBy Ana Lima\n\n${BODY}\n\n${MORE}`, ['Ana Lima'], undefined],
  ])('%s', (_name, text, authors, publisher) => {
    const a = ingested(text);
    expect(a.authors).toEqual(authors);
    if (publisher !== undefined) expect(a.publisher).toBe(publisher);
    expect(a.contentHtml).not.toMatch(/>By |Ana Lima in Porto|Transport correspondent/);
    expect(a.contentHtml).toContain('The ministry said');
  });
});

describe('datelines stay first and date the article', () => {
  it.each([
    ['AP', `Bridge reopens\n\nPORTO, Portugal (AP) — ${BODY}\n\n${MORE}`, 'PORTO, Portugal (AP) —', 'AP'],
    ['Reuters with a date', `Bridge reopens\n\nPORTO, March 3 (Reuters) - ${BODY}\n\n${MORE}`, 'PORTO, March 3 (Reuters) -', 'Reuters'],
    ['AP with a US state', `Bridge reopens\n\nST. LOUIS, Mo. (AP) — ${BODY}\n\n${MORE}`, 'ST. LOUIS, Mo. (AP) —', 'AP'],
    ['AFP with a country', `Bridge reopens\n\nPORTO, Portugal (AFP) - ${BODY}\n\n${MORE}`, 'PORTO, Portugal (AFP) -', 'AFP'],
  ])('%s', (_name, text, start, publisher) => {
    const a = ingested(text);
    expect(a.contentHtml.startsWith(`<p>${start}`)).toBe(true);
    expect(a.publisher).toBe(publisher);
  });

  it('a region without an agency is no dateline: "NATO, Europe - " says nothing of the publisher', () => {
    expect(ingested(`Bridge reopens\n\nNATO, Europe - ${BODY}\n\n${MORE}`).publisher).toBeUndefined();
  });

  it('the Reuters dateline dates the article in the year before the upload', () => {
    expect(ingested(`Bridge reopens\n\nPORTO, March 3 (Reuters) - ${BODY}\n\n${MORE}`).published.slice(0, 10)).toBe('2024-03-03');
  });
});

describe('furniture goes wherever it stands; the rest stays', () => {
  it.each([
    ['advertisement between paragraphs', 'ADVERTISEMENT'],
    ['a share bar', 'Share on Facebook Share on Twitter Email this'],
    ['reprints', 'Reprints & Permissions'],
    ['a Reuters footer', 'Our Standards: The Thomson Reuters Trust Principles.'],
    ['a wire end mark', '-30-'],
    ['a newsletter promo', 'Sign up for our free morning newsletter to get stories like this in your inbox.'],
  ])('%s', (_name, furniture) => {
    const a = ingested(`Bridge reopens\n\n${BODY}\n\n${furniture}\n\n${MORE}`);
    expect(a.contentHtml).toContain('The ministry said');
    expect(a.contentHtml).toContain('Engineers found cracks');
    expect(a.contentHtml).not.toContain(furniture.replace('&', '&amp;'));
  });

  it('two mid-article blocks (a most-read list and a share bar) cut nothing after them', () => {
    const text = `Bridge reopens\n\n${BODY}\n\nMost read\n\n1. Storm closes airport\n2. Rates rise again\n3. Festival sold out\n\n${MORE}\n\nShare this article\n\nFacebook Twitter Email\n\nThe bridge carries 40,000 vehicles a day, the ministry said.`;
    const a = ingested(text);
    expect(a.contentHtml).toContain('Engineers found cracks');
    expect(a.contentHtml).toContain('40,000 vehicles a day');
    expect(a.contentHtml).not.toContain('Storm closes airport');
  });

  it('an inline "See also" teaser drops only its line', () => {
    const a = ingested(`Bridge reopens\n\n${BODY}\n\nSee also: Ferry strike called off\n\n${MORE}`);
    expect(a.contentHtml).not.toContain('Ferry strike');
    expect(a.contentHtml).toContain('Engineers found cracks');
  });
});

describe('credits inside captions', () => {
  it.each([
    ['AP', 'Workers inspect the bridge on Tuesday. (AP Photo/Ana Lima)', 'AP'],
    ['square brackets', 'Workers inspect the bridge on Tuesday. [Ana Lima/Reuters]', 'Reuters'],
    ['Xinhua', 'Workers inspect the bridge on Tuesday. (Xinhua/Li Wei)', 'Xinhua'],
  ])('%s', (_name, caption, agency) => {
    const a = ingested(`Bridge reopens\n\n${caption}\n\n${BODY}\n\n${MORE}`);
    expect(a.images[0]?.credit).toMatchObject({ agency, photographer: caption.includes('Li Wei') ? 'Li Wei' : 'Ana Lima' });
    expect(a.images[0]?.caption).toBe('Workers inspect the bridge on Tuesday.');
    expect(a.contentHtml).not.toContain('Workers inspect');
  });

  it('a copyright line is no image', () => {
    const a = ingested(`Bridge reopens\n\n${BODY}\n\n${MORE}\n\n© 2024 Porto Daily Ltd.`);
    expect(a.images).toEqual([]);
  });
});

describe('credits: shapes not in the rule tables', () => {
  it.each([
    ['a German label', 'Foto: Ana Lima/dpa', { photographer: 'Ana Lima', agency: 'dpa' }],
    ['AP with File', '(AP Photo/Ana Lima, File)', { photographer: 'Ana Lima', agency: 'AP' }],
    ['agency first with a particle', 'EFE/Ana de la Cruz', { photographer: 'Ana de la Cruz', agency: 'EFE' }],
    ['a dash', 'Ana Lima - AFP', { photographer: 'Ana Lima', agency: 'AFP' }],
    ['Japanese wire', 'Kyodo News', { agency: 'Kyodo' }],
  ])('%s', (_name, raw, fields) => {
    expect(normalizeCredit(raw)).toMatchObject(fields);
  });

  it.each(['Courtesy calls to the mayor were not returned.', 'Credit card fees rose again.', 'Photo finishes decided two races.'])('"%s" stays verbatim', (line) => {
    const c = normalizeCredit(line);
    expect(c.display).toBe(line);
    expect(c.photographer).toBeUndefined();
  });
});
