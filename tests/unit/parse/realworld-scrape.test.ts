// Scrapes in the shapes other publishers' pages produce (issue 9): bylines, datelines, captions with their
// credit inside, copyright footers, header lines after the title. Each case written by hand.
import { describe, expect, it } from 'vitest';
import { ingestUpload } from '../../../functions/core/ingest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { parseUpload } from '../../../functions/core/parse';
import { labelledByline, placedByline } from '../../../functions/core/parse/byline';
import { datelineOf } from '../../../functions/core/parse/dateline';
import { dateOfDateLine, isDateLine, parseScrape, trailingCredit } from '../../../functions/core/parse/scrape';

const lines = (text: string): string[] => text.split('\n');
const parsed = (text: string) => {
  const result = parseUpload({ key: 'a.txt', bytes: new TextEncoder().encode(text), maxBytes: 1 << 20 });
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
};
const ingested = (text: string, fallbackDate = '2024-06-01T12:00:00Z') => {
  const result = ingestUpload({ key: 'a.txt', bytes: new TextEncoder().encode(text), fallbackDate }, DEFAULT_SITE);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
};

describe('labelledByline', () => {
  it.each([
    ['By Jane Doe', ['Jane Doe'], undefined],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe'], undefined],
    ['By Jane Doe, John Roe and Ali Khan', ['Jane Doe', 'John Roe', 'Ali Khan'], undefined],
    ['By Jane Doe & John Roe', ['Jane Doe', 'John Roe'], undefined],
    ['By Jane Doe, Reuters', ['Jane Doe'], 'Reuters'],
    ['By Jane Doe and John Roe, The Associated Press', ['Jane Doe', 'John Roe'], 'AP'],
    ['By Jane Doe | Reuters', ['Jane Doe'], 'Reuters'],
    ['By Jane Doe - AFP', ['Jane Doe'], 'AFP'],
    ['By JANE DOE Associated Press', ['Jane Doe'], 'AP'],
    ['By Jane Doe Associated Press', ['Jane Doe'], 'AP'],
    ['By Jane Doe Bloomberg News', ['Jane Doe'], 'Bloomberg'],
    ['BY JANE DOE', ['Jane Doe'], undefined],
    ['BY JEAN-PIERRE O’NEILL AND MARY MCDONALD', ['Jean-Pierre O’Neill', 'Mary McDonald'], undefined],
    ['by Jane Doe', ['Jane Doe'], undefined],
    ['By Reuters', [], 'Reuters'],
    ['By Reuters Staff', [], 'Reuters'],
    ['By Jane Doe in Lisbon', ['Jane Doe'], undefined],
    ['By Omar al-Rashid', ['Omar al-Rashid'], undefined],
    ['Von Hans Meier', ['Hans Meier'], undefined],
    ['Von Hans Meier und Anna Schmidt, dpa', ['Hans Meier', 'Anna Schmidt'], 'dpa'],
    ['Por Ana de la Cruz', ['Ana de la Cruz'], undefined],
    ['Par Jean Dupont, AFP', ['Jean Dupont'], 'AFP'],
    ['Di Mario Rossi', ['Mario Rossi'], undefined],
    ['Written by Jane Doe', ['Jane Doe'], undefined],
    ['Story by Jane Doe', ['Jane Doe'], undefined],
    ['By Jane Doe and agencies', ['Jane Doe'], undefined],
  ])('%j -> %j, agency %j', (line, authors, agency) => {
    expect(labelledByline(line)).toEqual(agency === undefined ? { authors } : { authors, agency });
  });

  it.each([
    'By Tuesday, talks had stalled.',
    'By the end of the week',
    'By Monday Officials Were Tired Of Waiting For Any News',
    'By contrast, the north voted no.',
    'By 2030 the plant will close',
    'Von der Leyen arrived on Monday',
    'Par ailleurs, le gouvernement a cédé.',
    'By The Way',
  ])('%j is no byline', (line) => {
    expect(labelledByline(line)).toBeUndefined();
  });
});

describe('placedByline (Guardian style)', () => {
  it.each([
    ['Jane Doe in Lisbon', ['Jane Doe']],
    ['Jane Doe in New York', ['Jane Doe']],
    ['Jane Doe and John Roe in Kyiv', ['Jane Doe', 'John Roe']],
    ['Jane Doe in Lisbon and John Roe in Madrid', ['Jane Doe', 'John Roe']],
    ['Ana de la Cruz in Mexico City', ['Ana de la Cruz']],
  ])('%j -> %j', (line, authors) => {
    expect(placedByline(line)).toEqual({ authors });
  });

  it.each(['Protests in Lisbon', 'Storms in the north', 'Prices rose in March.', 'Jane Doe said in Lisbon that talks failed.'])('%j is no byline', (line) => {
    expect(placedByline(line)).toBeUndefined();
  });
});

describe('bylines in a scrape leave the body', () => {
  it.each([
    ['By line', 'T\n\nBy Jane Doe\n\nBody.', ['Jane Doe'], undefined],
    ['agency after the names', 'T\n\nBy Jane Doe, Reuters\n\nBody.', ['Jane Doe'], 'Reuters'],
    ['AP joins the agency to the name', 'T\n\nBy JANE DOE Associated Press\n\nBody.', ['Jane Doe'], 'AP'],
    ['Guardian place', 'T\n\nA standfirst that sums up the story.\n\nJane Doe in Lisbon\n\nBody.', ['Jane Doe'], undefined],
    ['Guardian place and date line', 'T\n\nJane Doe in Lisbon\nTue 5 Mar 2024 12.00 GMT\n\nBody.', ['Jane Doe'], undefined],
    ['BBC name and role in one block', 'T\n\nJane Doe\nBusiness reporter, BBC News\n\nBody.', ['Jane Doe'], undefined],
    ['BBC name and role in two blocks', 'T\n\nJane Doe\n\nBBC News, Lisbon\n\nBody.', ['Jane Doe'], undefined],
    ['name, role on one line', 'T\n\nJane Doe, Europe correspondent\n\nBody.', ['Jane Doe'], undefined],
    ['byline after the image block', 'T\n\nA caption.\nA caption.\nREUTERS/Ali Khan\n\nBy Jane Doe and John Roe\n\nBody.', ['Jane Doe', 'John Roe'], undefined],
    ['byline then date line', 'T\n\nBy Jane Doe\nPublished March 3, 2024\n\nBody.', ['Jane Doe'], undefined],
  ])('%s', (_name, text, authors, agency) => {
    const scraped = parseScrape(lines(text), true);
    expect(scraped.byline).toEqual(agency === undefined ? { authors } : { authors, agency });
    expect(scraped.paragraphs.at(-1)).toBe('Body.');
    expect(scraped.paragraphs.join(' ')).not.toMatch(/Jane Doe|Published|GMT|reporter|BBC News/);
  });

  it('a name alone without a role line is body (it might be a one-line paragraph)', () => {
    expect(parseScrape(lines('T\n\nJane Doe\n\nBody.'), true).paragraphs).toEqual(['Jane Doe', 'Body.']);
  });

  it('authors and publisher reach the article: the agency is not a third author', () => {
    const article = ingested('Storm hits the coast\n\nBy Jane Doe and John Roe, Reuters\n\nLISBON (Reuters) - A storm hit the coast.');
    expect(article.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(article.publisher).toBe('Reuters');
    expect(article.contentText).toBe('LISBON (Reuters) - A storm hit the coast.');
  });

  it('a date line gives the date when no header does', () => {
    expect(ingested('T\n\nBy Jane Doe\nPublished March 3, 2024\n\nBody.').published).toBe('2024-03-03T00:00:00Z');
    expect(ingested('Date: 2024-05-01\n\nT\n\nBy Jane Doe\nPublished March 3, 2024\n\nBody.').published).toBe('2024-05-01T00:00:00Z');
  });
});

describe('date lines', () => {
  it.each([
    ['Published March 3, 2024', '2024-03-03'],
    ['Updated 10:32 AM EST, Tue March 5, 2024', '2024-03-05'],
    ['Tue 5 Mar 2024 12.00 GMT', '2024-03-05'],
    ['5 March 2024', '2024-03-05'],
    ['March 5th, 2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['Published on 5 March 2024 at 10:00', '2024-03-05'],
  ])('%j -> %s', (line, date) => {
    expect(isDateLine(line)).toBe(true);
    expect(ingested(`T\n\n${line}\n\nBody.`).published.slice(0, 10)).toBe(date);
    expect(dateOfDateLine(line)).toBeDefined();
  });
  it.each(['March was the wettest month on record.', 'Published by the ministry on Monday, the report was clear.', '2024 was a year of elections'])('%j is no date line', (line) => {
    expect(isDateLine(line)).toBe(false);
  });
});

describe('datelines stay the first words and give agency and date when nothing else does', () => {
  it.each([
    ['LISBON (AP) — The government fell.', { place: 'LISBON', agency: 'AP' }],
    ['LISBON, March 3 (Reuters) - The government fell.', { place: 'LISBON', agency: 'Reuters', month: 3, day: 3 }],
    ['NEW YORK, Oct. 12 (Reuters) - Stocks fell.', { place: 'NEW YORK', agency: 'Reuters', month: 10, day: 12 }],
    ['PARIS, 3 March (AFP) – Strikes spread.', { place: 'PARIS', agency: 'AFP', month: 3, day: 3 }],
    ['BERLIN (dpa) - Die Regierung fiel.', { place: 'BERLIN', agency: 'dpa' }],
    ['WASHINGTON — The Senate voted.', { place: 'WASHINGTON' }],
    ['BEIJING, Jan 5 (Xinhua) -- China said.', { place: 'BEIJING', agency: 'Xinhua', month: 1, day: 5 }],
  ])('%j', (paragraph, dateline) => {
    expect(datelineOf(paragraph)).toEqual(dateline);
  });
  it.each(['The US — and its allies — agreed.', 'A - B testing began.', 'LISBON (Acme Blog) - Rain.'])('%j has none', (paragraph) => {
    expect(datelineOf(paragraph)).toBeUndefined();
  });

  it('the dateline stays in the body and dates the article in the year of the upload', () => {
    const article = ingested('Government falls\n\nLISBON, March 3 (Reuters) - The government fell on Sunday.', '2024-06-01T12:00:00Z');
    expect(article.contentText).toBe('LISBON, March 3 (Reuters) - The government fell on Sunday.');
    expect(article.published).toBe('2024-03-03T00:00:00Z');
    expect(article.publisher).toBe('Reuters');
  });
  it('a dateline day later in the year than the upload is last year', () => {
    expect(ingested('T\n\nLISBON, Dec 30 (Reuters) - Rain.', '2025-01-02T08:00:00Z').published).toBe('2024-12-30T00:00:00Z');
  });
  it('a header date wins over the dateline', () => {
    expect(ingested('Date: 2024-05-02\n\nT\n\nLISBON, March 3 (Reuters) - Rain.').published).toBe('2024-05-02T00:00:00Z');
  });
});

describe('credits inside captions', () => {
  it.each([
    ['Protesters march in Lisbon on Tuesday. (AP Photo/Jane Doe)', 'Protesters march in Lisbon on Tuesday.', '(AP Photo/Jane Doe)'],
    ['Protesters march in Lisbon on Tuesday. [Jane Doe/Reuters]', 'Protesters march in Lisbon on Tuesday.', '[Jane Doe/Reuters]'],
    ['Protesters march in Lisbon on Tuesday. Photograph: Jane Doe/AFP', 'Protesters march in Lisbon on Tuesday.', 'Photograph: Jane Doe/AFP'],
    ['Protesters march in Lisbon on Tuesday. Photograph: Jane Doe/The Guardian', 'Protesters march in Lisbon on Tuesday.', 'Photograph: Jane Doe/The Guardian'],
    ['Workers at a factory in Hefei, March 3, 2024. (Xinhua/Li Wei)', 'Workers at a factory in Hefei, March 3, 2024.', '(Xinhua/Li Wei)'],
    ['Fans celebrate in Madrid. Foto: Ana de la Cruz/EFE', 'Fans celebrate in Madrid.', 'Foto: Ana de la Cruz/EFE'],
    ['The senator speaks. (Photo: Jane Doe)', 'The senator speaks.', '(Photo: Jane Doe)'],
  ])('%j', (line, caption, credit) => {
    expect(trailingCredit(line)).toEqual({ caption, credit });
    expect(parseScrape(lines(`T\n\n${line}\n\nBody.`), true).images).toEqual([{ caption, credit }]);
  });

  it.each([
    'The talks failed, officials said. (Reuters)',
    'The plan (which the ministry published on Monday) was rejected.',
    'Officials said the photo: a fake.',
    'He cited a study (Smith/Jones, 2019)',
  ])('%j stays body', (line) => {
    expect(parseScrape(lines(`T\n\n${line}\n\nBody.`), true).paragraphs).toEqual([line, 'Body.']);
  });

  it('a caption repeated as alt text, the second copy carrying the credit, is one image', () => {
    const text = 'T\n\nProtesters march in Lisbon.\nProtesters march in Lisbon. (AP Photo/Jane Doe)\n\nBody.';
    expect(parseScrape(lines(text), true).images).toEqual([{ caption: 'Protesters march in Lisbon.', credit: '(AP Photo/Jane Doe)' }]);
  });

  it('BBC: the source line before the caption, in one block or two', () => {
    expect(parseScrape(lines('T\n\nImage source, Getty Images\nImage caption, Protesters in the square\n\nBody.'), true).images).toEqual([
      { caption: 'Protesters in the square', credit: 'Image source, Getty Images' },
    ]);
    expect(parseScrape(lines('T\n\nBody one.\n\nImage source, Reuters\n\nImage caption, Protesters in the square\n\nBody.'), true)).toMatchObject({
      images: [{ caption: 'Protesters in the square', credit: 'Image source, Reuters' }],
      paragraphs: ['Body one.', 'Body.'],
    });
  });

  it('NYT: a "Credit..." line under the caption', () => {
    expect(parseScrape(lines('T\n\nProtesters in the square.\nCredit...Jane Doe for The New York Times\n\nBody.'), true).images).toEqual([
      { caption: 'Protesters in the square.', credit: 'Credit...Jane Doe for The New York Times' },
    ]);
  });
});

describe('a copyright line is not an image', () => {
  it.each(['© 2023 Acme Corp.', '© 2024 Example Media Ltd. All rights reserved.', 'Copyright 2024 The Daily Ledger', '(c) 2022 Acme'])('%j after the last paragraph', (line) => {
    const article = parsed(`T\n\nFirst.\n\nLast paragraph.\n\n${line}`);
    expect(article.images).toEqual([]);
    expect(article.paragraphs).toEqual(['First.', 'Last paragraph.']);
    expect(article.warnings.join(' ')).toMatch(/copyright line|page furniture/);
  });
  it('a copyright credit naming a photographer still credits the caption before it', () => {
    expect(parsed('T\n\nA caption.\n©2024 Jane Doe/AFP\n\nBody.').images).toEqual([{ caption: 'A caption.', credit: '©2024 Jane Doe/AFP' }]);
  });
});

describe('header lines after the title', () => {
  it('Title, blank line, Date and Author lines are read, not body', () => {
    const article = ingested('Storm hits the coast\n\nDate: 2024-03-05\nAuthor: Jane Doe\nTags: weather, Portugal\n\nThe storm hit at dawn.');
    expect(article.title).toBe('Storm hits the coast');
    expect(article.published).toBe('2024-03-05T00:00:00Z');
    expect(article.authors).toEqual(['Jane Doe']);
    expect(article.tags).toEqual(['weather', 'Portugal']);
    expect(article.summary).toBe('The storm hit at dawn.');
  });
  it('a first paragraph that only starts like a header stays body', () => {
    expect(parsed('T\n\nUpdate: talks resume on Monday.\n\nBody.').paragraphs).toEqual(['Update: talks resume on Monday.', 'Body.']);
    expect(parsed('T\n\nDate: 2024-03-05\nThe storm hit at dawn.').paragraphs).toEqual(['Date: 2024-03-05 The storm hit at dawn.']);
  });
  // Header lines mixed with a scrape's byline or date line in one block: the headers are read and the
  // byline still names the authors, whichever comes first.
  it.each([
    ['Date, then byline', 'Harbour reopens\nDate: 2026-03-01T09:00:00Z\nBy Ana Ruiz and Tom Lee\n\nThe harbour reopened.', ['Ana Ruiz', 'Tom Lee']],
    ['byline, then Date', 'Harbour reopens\nBy Ana Ruiz and Tom Lee\nDate: 2026-03-01T09:00:00Z\n\nThe harbour reopened.', ['Ana Ruiz', 'Tom Lee']],
    ['blank line, Date, agency byline', 'Harbour reopens\n\nDate: 2026-03-01T09:00:00Z\nBy Ana Ruiz, Reuters\n\nThe harbour reopened.', ['Ana Ruiz']],
    ['Date, date line, Tags', 'Harbour reopens\nDate: 2026-03-01T09:00:00Z\nMarch 1, 2026\nTags: ports\n\nThe harbour reopened.', ['Staff']],
  ])('%s', (_name, text, authors) => {
    const article = ingested(text);
    expect(article.published).toBe('2026-03-01T09:00:00Z');
    expect(article.authors).toEqual(authors);
    expect(article.summary).toBe('The harbour reopened.');
  });
  it('a header line followed by a line that is neither a header nor a byline stays body', () => {
    expect(parsed('T\nDate: 2024-03-05\nBy the sea the storm hit at dawn, flooding the old town.\n\nBody.').paragraphs[0]).toMatch(/^Date: 2024-03-05/);
  });
  it('headers before the title win over those after it', () => {
    expect(parsed('Author: Ann Lee\n\nT\n\nAuthor: Jane Doe\n\nBody.').meta).toEqual({ author: 'Ann Lee' });
  });
});
