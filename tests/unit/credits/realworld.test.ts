// Credit shapes from real wire and publisher pages (issue 9), one class per block, expectations worked
// out by hand from the house style "{photographer}/{agency}" and the README's credit rules.
import { describe, expect, it } from 'vitest';
import type { Credit } from '../../../functions/core/model';
import { isCreditLine, normalizeCredit } from '../../../functions/core/credits/index';

type Fields = Partial<Omit<Credit, 'display' | 'raw'>>;
type Case = [raw: string, display: string, fields: Fields];

const classes: Record<string, Case[]> = {
  'label prefixes in several languages and house styles': [
    ['Photograph: Jane Doe/AFP', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
    ['Foto: Hans Meier/dpa', 'Hans Meier/dpa', { photographer: 'Hans Meier', agency: 'dpa' }],
    ['Fotos: Hans Meier/dpa', 'Hans Meier/dpa', { photographer: 'Hans Meier', agency: 'dpa' }],
    ['Bild: Hans Meier/dpa', 'Hans Meier/dpa', { photographer: 'Hans Meier', agency: 'dpa' }],
    ['Foto: ANSA/Mario Rossi', 'Mario Rossi/ANSA', { photographer: 'Mario Rossi', agency: 'ANSA' }],
    ['Foto di Mario Rossi/ANSA', 'Mario Rossi/ANSA', { photographer: 'Mario Rossi', agency: 'ANSA' }],
    ['Foto: EFE/Ana de la Cruz', 'Ana de la Cruz/EFE', { photographer: 'Ana de la Cruz', agency: 'EFE' }],
    ['Fotografía: Ana de la Cruz/EFE', 'Ana de la Cruz/EFE', { photographer: 'Ana de la Cruz', agency: 'EFE' }],
    ['Crédit photo : Jean Dupont/AFP', 'Jean Dupont/AFP', { photographer: 'Jean Dupont', agency: 'AFP' }],
    ['Photo : Jean Dupont/AFP', 'Jean Dupont/AFP', { photographer: 'Jean Dupont', agency: 'AFP' }],
    ['Credit...Jane Doe for The New York Times', 'Jane Doe for The New York Times', { photographer: 'Jane Doe', agency: 'The New York Times' }],
    ['Credit…Jane Doe/Reuters', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
    ['Image source, Getty Images', 'Getty Images', { agency: 'Getty Images' }],
    ['Image source, Reuters', 'Reuters', { agency: 'Reuters' }],
    ['Pool photo by Jane Doe', 'Jane Doe/Pool', { photographer: 'Jane Doe', pool: true }],
    ['Pool photo by Jane Doe/AP', 'Jane Doe/AP/Pool', { photographer: 'Jane Doe', agency: 'AP', pool: true }],
    ['Handout photo: Ministry of Defence', 'Ministry of Defence/Handout', { provider: 'Ministry of Defence', handout: true }],
    ['Фото: Иван Петров/ТАСС', 'Иван Петров/TASS', { photographer: 'Иван Петров', agency: 'TASS' }],
    ['写真：共同通信', 'Kyodo', { agency: 'Kyodo' }],
    ['Photographer: Jane Doe/Bloomberg', 'Jane Doe/Bloomberg', { photographer: 'Jane Doe', agency: 'Bloomberg' }],
  ],
  'a dash as separator': [
    ['Jane Doe - AFP', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
    ['Jane Doe – Reuters', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
    ['AFP — Jean-Pierre Martin', 'Jean-Pierre Martin/AFP', { photographer: 'Jean-Pierre Martin', agency: 'AFP' }],
    ['Photo: Jane Doe - Getty Images', 'Jane Doe/Getty Images', { photographer: 'Jane Doe', agency: 'Getty Images' }],
  ],
  'AP in parentheses with a trailing Pool or File': [
    ['(AP Photo/Jane Doe, Pool)', 'Jane Doe/AP/Pool', { photographer: 'Jane Doe', agency: 'AP', pool: true }],
    ['(AP Photo/Jane Doe, File)', 'Jane Doe/AP/File Photo', { photographer: 'Jane Doe', agency: 'AP' }],
    ['(AP Photo/Jane Doe, File Photo)', 'Jane Doe/AP/File Photo', { photographer: 'Jane Doe', agency: 'AP' }],
    ['(AP Photo/Jane Doe, Pool, File)', 'Jane Doe/AP/Pool/File Photo', { photographer: 'Jane Doe', agency: 'AP', pool: true }],
    ['(AP Photo, File)', 'AP/File Photo', { agency: 'AP' }],
  ],
  'agency first with particle or hyphenated names': [
    ['AFP/Omar al-Rashid', 'Omar al-Rashid/AFP', { photographer: 'Omar al-Rashid', agency: 'AFP' }],
    ['EFE/Ana de la Cruz', 'Ana de la Cruz/EFE', { photographer: 'Ana de la Cruz', agency: 'EFE' }],
    ['REUTERS/Mohammed el-Sayed', 'Mohammed el-Sayed/Reuters', { photographer: 'Mohammed el-Sayed', agency: 'Reuters' }],
    ['ANSA/Giulia d’Alessandro', 'Giulia d’Alessandro/ANSA', { photographer: 'Giulia d’Alessandro', agency: 'ANSA' }],
    ['AFP/Ludwig van der Berg', 'Ludwig van der Berg/AFP', { photographer: 'Ludwig van der Berg', agency: 'AFP' }],
    ['REUTERS/Ammar Awad-Cohen', 'Ammar Awad-Cohen/Reuters', { photographer: 'Ammar Awad-Cohen', agency: 'Reuters' }],
  ],
  'two photographers in one credit': [
    ['Jane Doe and John Roe/AP', 'Jane Doe and John Roe/AP', { photographer: 'Jane Doe and John Roe', agency: 'AP' }],
    ['AP Photo/Jane Doe and John Roe', 'Jane Doe and John Roe/AP', { photographer: 'Jane Doe and John Roe', agency: 'AP' }],
    ['JANE DOE AND JOHN ROE/AFP', 'Jane Doe and John Roe/AFP', { photographer: 'Jane Doe and John Roe', agency: 'AFP' }],
    ['Photos: Jane Doe & John Roe/Reuters', 'Jane Doe & John Roe/Reuters', { photographer: 'Jane Doe & John Roe', agency: 'Reuters' }],
  ],
  'square brackets': [
    ['[Jane Doe/Reuters]', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
    ['[REUTERS/Jane Doe]', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
    ['[Photo: Jane Doe/AFP]', 'Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
  ],
  "Reuters' suffix codes": [
    ['REUTERS/Jane Doe TPX IMAGES OF THE DAY', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
    ['REUTERS/Jane Doe/File Photo TPX IMAGES OF THE DAY', 'Jane Doe/Reuters/File Photo', { photographer: 'Jane Doe', agency: 'Reuters' }],
    ['REUTERS/Jane Doe SEARCH "FLOODS" FOR THIS STORY. SEARCH "WIDER IMAGE" FOR ALL STORIES.', 'Jane Doe/Reuters', { photographer: 'Jane Doe', agency: 'Reuters' }],
  ],
  'wire codes and design labels kept in place': [
    ['STR/AFP', 'STR/AFP', { agency: 'AFP' }],
    ['AFP/STR', 'AFP/STR', { agency: 'AFP' }],
    ['-/AFP', '-/AFP', { agency: 'AFP' }],
    ['STR/AFP via Getty Images', 'STR/AFP via Getty Images', { agency: 'AFP', via: 'Getty Images' }],
    ['REUTERS/Dado Ruvic/Illustration', 'Dado Ruvic/Reuters/Illustration', { photographer: 'Dado Ruvic', agency: 'Reuters' }],
    ['Illustration by Jane Doe', 'Illustration by Jane Doe', { photographer: 'Jane Doe' }],
    ['Photo illustration: Jane Doe/AFP', 'Photo illustration: Jane Doe/AFP', { photographer: 'Jane Doe', agency: 'AFP' }],
    ['Photo illustration by Jane Doe/The Washington Post', 'Photo illustration by Jane Doe/The Washington Post', { photographer: 'Jane Doe', agency: 'The Washington Post' }],
  ],
  'agencies missing from the table (German, Japanese, Chinese and other wires)': [
    ['Hans Meier/IMAGO', 'Hans Meier/IMAGO', { photographer: 'Hans Meier', agency: 'IMAGO' }],
    ['epd/Hans Meier', 'Hans Meier/epd', { photographer: 'Hans Meier', agency: 'epd' }],
    ['KNA/Hans Meier', 'Hans Meier/KNA', { photographer: 'Hans Meier', agency: 'KNA' }],
    ['ddp images/Hans Meier', 'Hans Meier/ddp', { photographer: 'Hans Meier', agency: 'ddp' }],
    ['ullstein bild', 'ullstein bild', { agency: 'ullstein bild' }],
    ['KEYSTONE/Anna Muster', 'Anna Muster/Keystone', { photographer: 'Anna Muster', agency: 'Keystone' }],
    ['APA/Hans Meier', 'Hans Meier/APA', { photographer: 'Hans Meier', agency: 'APA' }],
    ['The Yomiuri Shimbun via AP Images', 'The Yomiuri Shimbun via AP', { agency: 'The Yomiuri Shimbun', via: 'AP' }],
    ['Taro Yamada/The Asahi Shimbun', 'Taro Yamada/The Asahi Shimbun', { photographer: 'Taro Yamada', agency: 'The Asahi Shimbun' }],
    ['Taro Yamada/Aflo', 'Taro Yamada/Aflo', { photographer: 'Taro Yamada', agency: 'Aflo' }],
    ['Jiji Press/Taro Yamada', 'Taro Yamada/Jiji Press', { photographer: 'Taro Yamada', agency: 'Jiji Press' }],
    ['Li Wei/China News Service', 'Li Wei/China News Service', { photographer: 'Li Wei', agency: 'China News Service' }],
    ['VCG/Li Wei', 'Li Wei/VCG', { photographer: 'Li Wei', agency: 'VCG' }],
    ['Li Wei/VCG via Getty Images', 'Li Wei/VCG via Getty Images', { photographer: 'Li Wei', agency: 'VCG', via: 'Getty Images' }],
    ['Imaginechina/Li Wei', 'Li Wei/Imaginechina', { photographer: 'Li Wei', agency: 'Imaginechina' }],
    ['新华社/李伟', '李伟/Xinhua', { photographer: '李伟', agency: 'Xinhua' }],
    ['Kim Min-jun/Yonhap', 'Kim Min-jun/Yonhap', { photographer: 'Kim Min-jun', agency: 'Yonhap' }],
    ['Kim Min-jun/Newsis', 'Kim Min-jun/Newsis', { photographer: 'Kim Min-jun', agency: 'Newsis' }],
    ['PAP/Jan Kowalski', 'Jan Kowalski/PAP', { photographer: 'Jan Kowalski', agency: 'PAP' }],
    ['ČTK/Jan Novák', 'Jan Novák/ČTK', { photographer: 'Jan Novák', agency: 'ČTK' }],
    ['Ritzau Scanpix/Mads Nissen', 'Mads Nissen/Ritzau Scanpix', { photographer: 'Mads Nissen', agency: 'Ritzau Scanpix' }],
    ['LaPresse/Mario Rossi', 'Mario Rossi/LaPresse', { photographer: 'Mario Rossi', agency: 'LaPresse' }],
    ['Europa Press/Ana Lopez', 'Ana Lopez/Europa Press', { photographer: 'Ana Lopez', agency: 'Europa Press' }],
    ['PTI Photo', 'PTI', { agency: 'PTI' }],
    ['AAP Image/Dan Himbrechts', 'Dan Himbrechts/AAP', { photographer: 'Dan Himbrechts', agency: 'AAP' }],
    ['Jane Doe/The Canadian Press', 'Jane Doe/The Canadian Press', { photographer: 'Jane Doe', agency: 'The Canadian Press' }],
  ],
  'handouts naming a person and a provider': [
    ['Jane Doe/Ukrainian Presidential Press Service/Handout via REUTERS', 'Jane Doe/Ukrainian Presidential Press Service/Handout via Reuters', { photographer: 'Jane Doe', provider: 'Ukrainian Presidential Press Service', via: 'Reuters', handout: true }],
    ['Ministry of Defence/Jane Doe/Handout via REUTERS', 'Jane Doe/Ministry of Defence/Handout via Reuters', { photographer: 'Jane Doe', provider: 'Ministry of Defence', via: 'Reuters', handout: true }],
    ['Kremlin/Mikhail Klimentyev/Sputnik via REUTERS', 'Mikhail Klimentyev/Sputnik/Kremlin via Reuters', { photographer: 'Mikhail Klimentyev', agency: 'Sputnik', provider: 'Kremlin', via: 'Reuters' }],
  ],
  'organisations are agency or provider, never photographer': [
    ['Maxar Technologies/Handout via REUTERS', 'Maxar Technologies/Handout via Reuters', { provider: 'Maxar Technologies', via: 'Reuters', handout: true }],
    ['Satellite image ©2024 Maxar Technologies', 'Satellite image ©2024 Maxar Technologies', { provider: 'Maxar Technologies' }],
    ['Photo: Planet Labs PBC/Handout via REUTERS', 'Planet Labs PBC/Handout via Reuters', { provider: 'Planet Labs PBC', via: 'Reuters', handout: true }],
    ['© 2023 Acme Corp.', 'Acme Corp.', { provider: 'Acme Corp.' }],
    ['Photo: The Washington Post', 'The Washington Post', { provider: 'The Washington Post' }],
    ['AP/The Yomiuri Shimbun', 'AP via The Yomiuri Shimbun', { agency: 'AP', via: 'The Yomiuri Shimbun' }],
  ],
};

describe.each(Object.entries(classes))('normalizeCredit: %s', (_name, cases) => {
  it.each(cases)('%j -> %j', (raw, display, fields) => {
    expect(normalizeCredit(raw)).toEqual({ display, handout: false, pool: false, ...fields, raw });
  });
});

// The must-never: a line that only starts like a credit is not a credit, and comes out verbatim.
const sentences = [
  'Courtesy visits to the ministry were cancelled.',
  'Courtesy calls were made to every family.',
  'Courtesy of the weather, the match was postponed until Sunday, officials said.',
  'Photo finishes decided three of the races.',
  'Photographs of the scene circulated on social media within minutes.',
  'Credit card debt rose for a fifth month.',
  'Credit Suisse shares fell 4% on Tuesday.',
  'Pool reports said the president left early.',
  'Handout payments will start in May.',
  'File sharing remains illegal in the country.',
  'Image rights are held by the family.',
  'Foto finish for the regional election.',
  'Bild newspaper reported the talks on Monday.',
  'Illustration of the point came quickly.',
  'Reuters - the news agency - reported the strike.',
  'Images of the flood went viral.',
  'AP reporters were among those detained.',
];

describe('a sentence that only starts like a credit stays verbatim', () => {
  it.each(sentences)('%j', (sentence) => {
    expect(normalizeCredit(sentence)).toEqual({ display: sentence, handout: false, pool: false, raw: sentence });
    expect(isCreditLine(sentence)).toBe(false);
  });
});
