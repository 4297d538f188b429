import { describe, expect, it } from 'vitest';
import type { Credit } from '../../../functions/core/model';
import { normalizeCredit } from '../../../functions/core/credits/index';

type Fields = Partial<Omit<Credit, 'display' | 'raw'>>;

// raw -> expected display and fields, each worked out by hand from the house rules in
// the README's credit section (default style "{photographer}/{agency}").
const cases: Array<[raw: string, display: string, fields: Fields]> = [
  // The seed's three credit lines (issue 2).
  ['REUTERS/Maher Abou Taleb', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['Andrew Leyden/NurPhoto', 'Andrew Leyden/NurPhoto', { photographer: 'Andrew Leyden', agency: 'NurPhoto' }],
  ['Inter-Services Public Relations (ISPR)/Handout via REUTERS', 'ISPR/Handout via Reuters', { provider: 'ISPR', via: 'Reuters', handout: true }],
  ['REUTERS/Stephane Mahe', 'Stephane Mahe/Reuters', { photographer: 'Stephane Mahe', agency: 'Reuters' }],
  // Agency first / photographer first, spacing and case.
  ['Reuters/Maher Abou Taleb', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['reuters/Maher Abou Taleb', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['REUTERS / Maher Abou Taleb', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['  REUTERS  /Maher   Abou Taleb ', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['\uFEFFREUTERS/Maher\u00A0Abou Taleb\u200B', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['Maher Abou Taleb / REUTERS', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['Maher Abou Taleb/Reuters.', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['Maher Abou Taleb/Reuters;', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['REUTERS/MAHER ABOU TALEB', 'Maher Abou Taleb/Reuters', { photographer: 'Maher Abou Taleb', agency: 'Reuters' }],
  ['Andrew Leyden / NurPhoto', 'Andrew Leyden/NurPhoto', { photographer: 'Andrew Leyden', agency: 'NurPhoto' }],
  ['NURPHOTO/ANDREW LEYDEN', 'Andrew Leyden/NurPhoto', { photographer: 'Andrew Leyden', agency: 'NurPhoto' }],
  ['Jane Doe | Reuters', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
  ['Jane Doe, Reuters', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
  ['Jane Doe, The Associated Press', 'Jane Doe/AP', { photographer: 'Jane Doe', agency: 'AP' }],
  // AP.
  ['(AP Photo/Evan Vucci)', 'Evan Vucci/AP', { photographer: 'Evan Vucci', agency: 'AP' }],
  ['AP Photo/Evan Vucci', 'Evan Vucci/AP', { photographer: 'Evan Vucci', agency: 'AP' }],
  ['(AP Photo/Evan Vucci).', 'Evan Vucci/AP', { photographer: 'Evan Vucci', agency: 'AP' }],
  ['AP PHOTO/EVAN VUCCI', 'Evan Vucci/AP', { photographer: 'Evan Vucci', agency: 'AP' }],
  ['Evan Vucci/Associated Press', 'Evan Vucci/AP', { photographer: 'Evan Vucci', agency: 'AP' }],
  ['Associated Press', 'AP', { agency: 'AP' }],
  ['The Associated Press', 'AP', { agency: 'AP' }],
  ['ASSOCIATED PRESS', 'AP', { agency: 'AP' }],
  ['AP', 'AP', { agency: 'AP' }],
  // Prefixes.
  ['Photo: Jane Doe/AFP', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  ['Photo by Jane Doe/AFP', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  ['PHOTO: JANE DOE/AFP', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  ['Credit: Jane Doe/Getty Images', 'Jane Doe/Getty Images', { photographer: 'Jane Doe', agency: 'Getty Images' }],
  ['Photo credit: Jane Doe/Getty Images', 'Jane Doe/Getty Images', { photographer: 'Jane Doe', agency: 'Getty Images' }],
  ['Image: Getty Images', 'Getty Images', { agency: 'Getty Images' }],
  ['Photograph by Jane Doe', 'Jane Doe', { photographer: 'Jane Doe' }],
  ['Photo: Jane Doe', 'Jane Doe', { photographer: 'Jane Doe' }],
  ['© Jane Doe/AFP', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  ['©2024 Jane Doe/AFP', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  ['(c) Reuters', 'Reuters', { agency: 'Reuters' }],
  ['(C) 2023 REUTERS/Jane Doe', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
  ['Copyright 2024 Getty Images', 'Getty Images', { agency: 'Getty Images' }],
  ['(Photo: Jane Doe/AFP)', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  // After a prefix, an agency outside the table is accepted when it is plainly an organization.
  ['Photo: Sara Lindgren/City Library', 'Sara Lindgren/City Library', { photographer: 'Sara Lindgren', agency: 'City Library' }],
  ['Photo: City Library/Sara Lindgren', 'City Library/Sara Lindgren', {}],
  ['Sara Lindgren/City Library', 'Sara Lindgren/City Library', {}],
  // "Photo by X for Y": on assignment (agency holds the publication; "for" is kept in the display).
  ['Photo by Jane Doe for The Washington Post', 'Jane Doe for The Washington Post', { photographer: 'Jane Doe', agency: 'The Washington Post' }],
  ['Photo by JANE DOE for The New York Times', 'Jane Doe for The New York Times', { photographer: 'Jane Doe', agency: 'The New York Times' }],
  // via and second agencies.
  ['JOHN SMITH/AFP via Getty Images', 'John Smith/AFP via Getty Images', { photographer: 'John Smith', agency: 'AFP', via: 'Getty Images' }],
  ['AFP via Getty Images', 'AFP via Getty Images', { agency: 'AFP', via: 'Getty Images' }],
  ['AFP/Getty Images', 'AFP via Getty Images', { agency: 'AFP', via: 'Getty Images' }],
  ['John Smith/AFP/Getty Images', 'John Smith/AFP via Getty Images', { photographer: 'John Smith', agency: 'AFP', via: 'Getty Images' }],
  ['Anadolu Agency via Getty Images', 'Anadolu via Getty Images', { agency: 'Anadolu', via: 'Getty Images' }],
  ['Jane Doe/SOPA Images/LightRocket via Getty Images', 'Jane Doe/SOPA Images via Getty Images', { photographer: 'Jane Doe', agency: 'SOPA Images', via: 'Getty Images' }],
  ['Jane Doe via Getty Images', 'Jane Doe via Getty Images', { photographer: 'Jane Doe', via: 'Getty Images' }],
  // An agency shooting for a client: the client is reported as provider, "for" kept in the display.
  ['Jemal Countess/Getty Images for Tribeca Festival', 'Jemal Countess/Getty Images for Tribeca Festival', { photographer: 'Jemal Countess', agency: 'Getty Images', provider: 'Tribeca Festival' }],
  ['Photo by JEMAL COUNTESS/GETTY IMAGES FOR TRIBECA FESTIVAL', 'Jemal Countess/Getty Images for Tribeca Festival', { photographer: 'Jemal Countess', agency: 'Getty Images', provider: 'Tribeca Festival' }],
  ['Getty Images for Tribeca Festival', 'Getty Images for Tribeca Festival', { agency: 'Getty Images', provider: 'Tribeca Festival' }],
  ['AFP PHOTO / HANDOUT / ISPR', 'AFP/ISPR/Handout', { agency: 'AFP', provider: 'ISPR', handout: true }],
  // Sources and organizations are providers, never photographers.
  ['Social Media/via REUTERS', 'Social Media via Reuters', { provider: 'Social Media', via: 'Reuters' }],
  ['Reuters TV/via REUTERS', 'Reuters TV via Reuters', { provider: 'Reuters TV', via: 'Reuters' }],
  ['REUTERS/Israeli Army', 'Reuters/Israeli Army', { agency: 'Reuters', provider: 'Israeli Army' }],
  ['Reuters/ISPR', 'Reuters/ISPR', { agency: 'Reuters', provider: 'ISPR' }],
  // STR is AFP's and Reuters' code for a stringer: no provider, kept where it stood.
  ['AFP/STR', 'AFP/STR', { agency: 'AFP' }],
  // Archive pictures.
  ['REUTERS/Jane Doe/File Photo', 'Jane Doe/Reuters/File Photo', { photographer: 'Jane Doe', agency: 'Reuters' }],
  ['File photo', 'File photo', {}],
  ['Getty Images/iStockphoto', 'Getty Images/iStockphoto', { agency: 'Getty Images/iStockphoto' }],
  ['Jane Doe/iStock', 'Jane Doe/Getty Images/iStockphoto', { photographer: 'Jane Doe', agency: 'Getty Images/iStockphoto' }],
  // Handout, Pool, courtesy.
  ['Handout', 'Handout', { handout: true }],
  ['HANDOUT', 'Handout', { handout: true }],
  ['Handout via REUTERS', 'Handout via Reuters', { via: 'Reuters', handout: true }],
  ['White House/Handout via REUTERS', 'White House/Handout via Reuters', { provider: 'White House', via: 'Reuters', handout: true }],
  ['ISRAELI ARMY/HANDOUT VIA REUTERS', 'Israeli Army/Handout via Reuters', { provider: 'Israeli Army', via: 'Reuters', handout: true }],
  ['Pool via REUTERS', 'Pool via Reuters', { via: 'Reuters', pool: true }],
  ['REUTERS/Evelyn Hockstein/Pool', 'Evelyn Hockstein/Reuters/Pool', { photographer: 'Evelyn Hockstein', agency: 'Reuters', pool: true }],
  ['Evelyn Hockstein/Pool via REUTERS', 'Evelyn Hockstein/Pool via Reuters', { photographer: 'Evelyn Hockstein', via: 'Reuters', pool: true }],
  ['Jane Doe/AFP Pool', 'Jane Doe/AFP/Pool', { photographer: 'Jane Doe', agency: 'AFP', pool: true }],
  ['Pool Photo', 'Pool', { pool: true }],
  ['Pool/Reuters', 'Reuters/Pool', { agency: 'Reuters', pool: true }],
  ['Courtesy of NASA', 'Courtesy of NASA', { provider: 'NASA' }],
  ['Photo courtesy of the artist', 'Courtesy of the artist', { provider: 'the artist' }],
  ['Photo courtesy of The Smith Family', 'Courtesy of The Smith Family', { provider: 'The Smith Family' }],
  ['courtesy NASA/JPL-Caltech', 'Courtesy of NASA/JPL-Caltech', { provider: 'NASA/JPL-Caltech' }],
  // Other agencies and their spellings.
  ['Getty Images', 'Getty Images', { agency: 'Getty Images' }],
  ['Jane Doe/Getty', 'Jane Doe/Getty Images', { photographer: 'Jane Doe', agency: 'Getty Images' }],
  ['EPA/JOHN SMITH', 'John Smith/EPA-EFE', { photographer: 'John Smith', agency: 'EPA-EFE' }],
  ['EPA-EFE/Jane Doe', 'Jane Doe/EPA-EFE', { photographer: 'Jane Doe', agency: 'EPA-EFE' }],
  ['Jane Doe/Agence France-Presse', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  ['Jane Doe/Bloomberg', 'Jane Doe/Bloomberg', { photographer: 'Jane Doe', agency: 'Bloomberg' }],
  ['Jane Doe/Sipa USA', 'Jane Doe/Sipa USA', { photographer: 'Jane Doe', agency: 'Sipa USA' }],
  ['Jane Doe/Anadolu Agency', 'Jane Doe/Anadolu', { photographer: 'Jane Doe', agency: 'Anadolu' }],
  ['XINHUA/Li Wei', 'Li Wei/Xinhua', { photographer: 'Li Wei', agency: 'Xinhua' }],
  ['Jane Doe/ZUMA Wire', 'Jane Doe/ZUMA Wire', { photographer: 'Jane Doe', agency: 'ZUMA Wire' }],
  ['Jane Doe/Zuma Press', 'Jane Doe/ZUMA Press', { photographer: 'Jane Doe', agency: 'ZUMA Press' }],
  ['Alamy Stock Photo', 'Alamy', { agency: 'Alamy' }],
  ['Jane Doe/REX/Shutterstock', 'Jane Doe/Shutterstock', { photographer: 'Jane Doe', agency: 'Shutterstock' }],
  ['DPA/Jane Doe', 'Jane Doe/dpa', { photographer: 'Jane Doe', agency: 'dpa' }],
  ['KYODO/Taro Yamada', 'Taro Yamada/Kyodo', { photographer: 'Taro Yamada', agency: 'Kyodo' }],
  ['Yonhap News Agency', 'Yonhap', { agency: 'Yonhap' }],
  ['REUTERS/Stringer', 'Stringer/Reuters', { photographer: 'Stringer', agency: 'Reuters' }],
  // All-caps names: title case without mangling initials, DJ or roman numerals.
  ['REUTERS/JEAN-PIERRE O\'BRIEN', "Jean-Pierre O'Brien/Reuters", { photographer: "Jean-Pierre O'Brien", agency: 'Reuters' }],
  ['DJ MCDONALD III/AFP', 'DJ McDonald III/AFP', { photographer: 'DJ McDonald III', agency: 'AFP' }],
  ['J.R. SMITH/AP', 'J.R. Smith/AP', { photographer: 'J.R. Smith', agency: 'AP' }],
  ['Jane McDONALD/AFP', 'Jane McDONALD/AFP', { photographer: 'Jane McDONALD', agency: 'AFP' }],
  ['John Smith Jr./AP', 'John Smith Jr./AP', { photographer: 'John Smith Jr.', agency: 'AP' }],
  ['Ana de Armas/Reuters', 'Ana de Armas/Reuters', { photographer: 'Ana de Armas', agency: 'Reuters' }],
  ['©REUTERS/Jörg Müller', 'Jörg Müller/Reuters', { photographer: 'Jörg Müller', agency: 'Reuters' }],
  ['ÖZGÜR ÖZDEMİR/ANADOLU', 'Özgür Özdemir/Anadolu', { photographer: 'Özgür Özdemir', agency: 'Anadolu' }],
  ['Xinhua/王鹏', '王鹏/Xinhua', { photographer: '王鹏', agency: 'Xinhua' }],
  ['Mandel Ngan/Pool via AP', 'Mandel Ngan/Pool via AP', { photographer: 'Mandel Ngan', via: 'AP', pool: true }],
  ['SAUL LOEB/AFP/Getty Images', 'Saul Loeb/AFP via Getty Images', { photographer: 'Saul Loeb', agency: 'AFP', via: 'Getty Images' }],
  // Unknown shapes: verbatim (whitespace collapsed), no field filled, nothing invented.
  ['Staff photo', 'Staff photo', {}],
  ['The author', 'The author', {}],
  ['Unsplash', 'Unsplash', {}],
  ['Jane Doe', 'Jane Doe', {}],
  ['Jane  Doe/Acme   News', 'Jane Doe/Acme News', {}],
  ['US pushes for cease-fire as Israel escalates fight against Hezbollah', 'US pushes for cease-fire as Israel escalates fight against Hezbollah', {}],
  ['Reuters reported the strike on Tuesday.', 'Reuters reported the strike on Tuesday.', {}],
  ['Refugees arrive via boat', 'Refugees arrive via boat', {}],
  ['12345', '12345', {}],
  ['Jane Doe/Reuters/John Roe', 'Jane Doe/Reuters/John Roe', {}], // names on both sides of the agency: not a shape we know
  ['reuters/maher abou taleb', 'reuters/maher abou taleb', {}], // a lower-case name is not recognized as one
  // A prefix over an unknown shape: the prefix goes (the site adds its own), the rest is verbatim.
  ['Photo: Unsplash', 'Unsplash', {}],
  ['Photo: the author', 'the author', {}],
  ['Photo:', 'Photo:', {}],
];

describe('normalizeCredit: raw credit line -> house-style display and fields', () => {
  it('has at least 60 hand-checked cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('%j -> %j', (raw, display, fields) => {
    expect(normalizeCredit(raw)).toEqual({ display, handout: false, pool: false, ...fields, raw });
  });
});

describe('normalizeCredit with a site style', () => {
  it.each([
    ['{agency}/{photographer}', 'REUTERS/Maher Abou Taleb', 'Reuters/Maher Abou Taleb'],
    ['{agency}/{photographer}', 'Getty Images', 'Getty Images'],
    ['{photographer} ({agency})', 'REUTERS/Maher Abou Taleb', 'Maher Abou Taleb (Reuters)'],
    ['{photographer} ({agency})', 'Getty Images', 'Getty Images'],
    ['{photographer} ({agency})', 'Photo: Jane Doe', 'Jane Doe'],
    ['{photographer} / {agency}', 'JOHN SMITH/AFP via Getty Images', 'John Smith / AFP via Getty Images'],
    ['{photographer}, {agency}, via {via}', 'JOHN SMITH/AFP via Getty Images', 'John Smith, AFP, via Getty Images'],
    ['{agency}: {photographer}', 'Inter-Services Public Relations (ISPR)/Handout via REUTERS', 'ISPR/Handout via Reuters'],
    ['{agency}: {photographer}', 'Unsplash', 'Unsplash'],
  ])('style %j renders %j as %j', (format, raw, display) => {
    expect(normalizeCredit(raw, { format, prefix: '' }).display).toBe(display);
  });

  it('keeps the fields whatever the style', () => {
    const credit = normalizeCredit('REUTERS/Maher Abou Taleb', { format: '{agency}/{photographer}', prefix: 'Photo: ' });
    expect(credit).toMatchObject({ photographer: 'Maher Abou Taleb', agency: 'Reuters' });
  });
});

describe('segments reordered for display', () => {
  // Found by the idempotence property: the provider segment ended in "j." mid-line, came last in the
  // display, and lost its full stop only when the display was normalized again.
  it('drop trailing punctuation as the whole line does, so the display reads back the same', () => {
    const raw = "AP Photo, GETTY IMAGES, maher o'brien j. | EPA for The Washington Post";
    const first = normalizeCredit(raw);
    expect(first.display).toBe("EPA-EFE for The Washington Post/AP Photo, GETTY IMAGES, maher o'brien j");
    expect(normalizeCredit(first.display).display).toBe(first.display);
  });
});
