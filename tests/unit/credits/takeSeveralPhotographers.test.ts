// Several photographers with an agency, in every position and separator the wires use. Each expected
// display and field was written by hand from the house style ("{photographer}/{agency}", canonical
// agency names, the names kept as written), not copied from output; every display must read back to
// itself (idempotence) and to the same fields.
import { describe, expect, it } from 'vitest';
import type { Credit } from '../../../functions/core/model';
import { normalizeCredit } from '../../../functions/core/credits/index';
import { draftOf } from '../../../functions/core/credits/draft';
import { takeSeveralPhotographers } from '../../../functions/core/credits/rules/takeSeveralPhotographers';

type Fields = Partial<Pick<Credit, 'photographer' | 'agency' | 'provider' | 'via' | 'handout' | 'pool'>>;
const TWO = 'Jane Doe/John Roe';

const cases: [string, string, Fields][] = [
  // Agency first (Reuters, AP, AFP, EFE, Xinhua house order), any case, any spacing.
  ['Reuters/Jane Doe/John Roe', `${TWO}/Reuters`, { photographer: TWO, agency: 'Reuters' }],
  ['REUTERS/Jane Doe/John Roe', `${TWO}/Reuters`, { photographer: TWO, agency: 'Reuters' }],
  ['REUTERS/JANE DOE/JOHN ROE', `${TWO}/Reuters`, { photographer: TWO, agency: 'Reuters' }],
  ['  Reuters /  Jane   Doe / John Roe ', 'Jane Doe / John Roe/Reuters', { photographer: 'Jane Doe / John Roe', agency: 'Reuters' }],
  ['AP Photo/Jane Doe/John Roe', `${TWO}/AP`, { photographer: TWO, agency: 'AP' }],
  ['(AP Photo/Jane Doe/John Roe.)', `${TWO}/AP`, { photographer: TWO, agency: 'AP' }],
  ['Photo: AFP/Jane Doe/John Roe', `${TWO}/AFP`, { photographer: TWO, agency: 'AFP' }],
  ['AFP/Omar al-Rashid/Ana de la Cruz', 'Omar al-Rashid/Ana de la Cruz/AFP', { photographer: 'Omar al-Rashid/Ana de la Cruz', agency: 'AFP' }],
  ['Xinhua/Li Wei/Wang Peng', 'Li Wei/Wang Peng/Xinhua', { photographer: 'Li Wei/Wang Peng', agency: 'Xinhua' }],
  ['dpa/Jane Doe/John Roe', `${TWO}/dpa`, { photographer: TWO, agency: 'dpa' }],
  ['Anadolu Agency/Jane Doe/John Roe', `${TWO}/Anadolu`, { photographer: TWO, agency: 'Anadolu' }],
  // Agency last, slash or pipe.
  ['Jane Doe/John Roe/Reuters', `${TWO}/Reuters`, { photographer: TWO, agency: 'Reuters' }],
  ['Jane Doe | John Roe | Reuters', 'Jane Doe | John Roe/Reuters', { photographer: 'Jane Doe | John Roe', agency: 'Reuters' }],
  ['Jane Doe / John Roe / EPA-EFE', 'Jane Doe / John Roe/EPA-EFE', { photographer: 'Jane Doe / John Roe', agency: 'EPA-EFE' }],
  ['Photo: Jane Doe/John Roe/AFP', `${TWO}/AFP`, { photographer: TWO, agency: 'AFP' }],
  // Three photographers.
  ['AFP/Jane Doe/John Roe/Ann Poe', 'Jane Doe/John Roe/Ann Poe/AFP', { photographer: 'Jane Doe/John Roe/Ann Poe', agency: 'AFP' }],
  // With a via, Pool, File Photo.
  ['Jane Doe/John Roe/AFP/Getty Images', `${TWO}/AFP via Getty Images`, { photographer: TWO, agency: 'AFP', via: 'Getty Images' }],
  ['AFP/Getty Images/Jane Doe/John Roe', `${TWO}/AFP via Getty Images`, { photographer: TWO, agency: 'AFP', via: 'Getty Images' }],
  ['Jane Doe/John Roe/Pool via REUTERS', `${TWO}/Pool via Reuters`, { photographer: TWO, via: 'Reuters', pool: true }],
  ['EPA/Jane Doe/John Roe/Pool', `${TWO}/EPA-EFE/Pool`, { photographer: TWO, agency: 'EPA-EFE', pool: true }],
  ['REUTERS/Jane Doe/John Roe/File Photo', `${TWO}/Reuters/File Photo`, { photographer: TWO, agency: 'Reuters' }],
  // Lists inside one segment (the shape the display uses) were read before and still are, as written.
  ['Jane Doe and John Roe/Reuters', 'Jane Doe and John Roe/Reuters', { photographer: 'Jane Doe and John Roe', agency: 'Reuters' }],
  ['Jane Doe, John Roe/Reuters', 'Jane Doe, John Roe/Reuters', { photographer: 'Jane Doe, John Roe', agency: 'Reuters' }],
  ['(AP Photo/Jane Doe, John Roe)', 'Jane Doe, John Roe/AP', { photographer: 'Jane Doe, John Roe', agency: 'AP' }],
];

// Shapes left verbatim (the display is the line, whitespace collapsed): nothing is invented.
const verbatim: string[] = [
  'Jane Doe/Reuters/John Roe', // names on both sides of the agency
  'Jane Doe/John Roe/Ann Poe/Kim Lee/AFP', // four: more than a credit lists
  'Jane Doe/AFP and John Roe/Reuters', // each person with an agency of their own: one agency field cannot hold it
  'Jane Doe/AFP, John Roe/Reuters',
  'Jane Doe/John Roe/Handout', // a handout does not vouch: a photographer and a providing person?
  'Reuters/Jane Doe/John Roe/Handout',
  'Reuters/Jane Doe and John Roe/Ann Poe', // a list beside a name
  'Jane Doe - John Roe - AFP', // two dashes
  'Jane Doe; John Roe/Reuters', // semicolon lists are not read
  'Reuters/Jane Doe/Stringer', // one word is not a second photographer
];

describe('several photographers with an agency', () => {
  it.each(cases)('%j -> %j', (raw, display, fields) => {
    const credit = normalizeCredit(raw);
    expect(credit.display).toBe(display);
    expect(credit).toMatchObject(fields);
    const again = normalizeCredit(credit.display);
    expect(again.display).toBe(display);
    expect([again.photographer, again.agency, again.via, again.pool]).toEqual([credit.photographer, credit.agency, credit.via, credit.pool]);
  });

  it.each(verbatim)('%j stays verbatim', (raw) => {
    const credit = normalizeCredit(raw);
    expect(credit.display).toBe(raw.replace(/\s+/g, ' ').trim());
    expect(credit.photographer).toBeUndefined();
    expect(normalizeCredit(credit.display).display).toBe(credit.display);
  });

  it('an all-caps line is title-cased as one: "REUTERS/JANE DOE/JOHN ROE"', () => {
    expect(normalizeCredit('REUTERS/JANE DOE/JOHN ROE').photographer).toBe('Jane Doe/John Roe');
  });

  it('"Photos: Jane Doe/John Roe" (no agency) keeps the names as written, without the prefix', () => {
    expect(normalizeCredit('Photos: Jane Doe/John Roe').display).toBe('Jane Doe/John Roe');
    expect(normalizeCredit('Photos: Jane Doe/John Roe').photographer).toBeUndefined();
  });
});

describe('takeSeveralPhotographers (the rule alone)', () => {
  const draft = (segments: string[], fields: Partial<ReturnType<typeof draftOf>> = {}) => ({ ...draftOf(segments.join('/')), stripped: segments.join('/'), text: '', segments, split: true, ...fields });
  it.each([
    ['no agency, via or pool', draft(['Jane Doe', 'John Roe'])],
    ['an organization among them', draft(['Jane Doe', 'City Library'], { agency: 'Reuters' })],
    ['one segment', draft(['Jane Doe'], { agency: 'Reuters' })],
    ['a handout', draft(['Jane Doe', 'John Roe'], { agency: 'Reuters', handout: true })],
    ['a photographer already', draft(['Jane Doe', 'John Roe'], { agency: 'Reuters', photographer: 'Ann Poe' })],
  ])('leaves it alone: %s', (_why, before) => {
    expect(takeSeveralPhotographers(before)).toBe(before);
  });
});
