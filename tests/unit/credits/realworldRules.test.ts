// One table per new credit rule (issue 9), on drafts, as the other rule tests do.
import { describe, expect, it } from 'vitest';
import { draftOf } from '../../../functions/core/credits/draft';
import { keepDesignLabelPrefix, keepDesignLabelSegment } from '../../../functions/core/credits/rules/keepDesignLabel';
import { markFlagPrefix } from '../../../functions/core/credits/rules/markFlagPrefix';
import { splitCourtesy } from '../../../functions/core/credits/rules/splitCourtesy';
import { splitSegments } from '../../../functions/core/credits/rules/splitSegments';
import { stripCreditPrefix } from '../../../functions/core/credits/rules/stripCreditPrefix';
import { stripWireSuffixCodes } from '../../../functions/core/credits/rules/stripWireSuffixCodes';
import { takePhotographerAndProvider } from '../../../functions/core/credits/rules/takePhotographerAndProvider';
import { takeWireCode } from '../../../functions/core/credits/rules/takeWireCode';
import { looksLikePeopleNames, looksLikePersonName, looksLikeOrganization } from '../../../functions/core/credits/names';

const withSegments = (segments: string[], fields = {}) => ({ ...draftOf(segments.join('/')), text: '', segments, split: true, ...fields });

describe('stripCreditPrefix: labels in several languages and house styles', () => {
  it.each([
    ['Foto: Hans Meier/dpa', 'Hans Meier/dpa'],
    ['Fotos: Hans Meier', 'Hans Meier'],
    ['Bild: Hans Meier', 'Hans Meier'],
    ['Foto di Mario Rossi', 'Mario Rossi'],
    ['Foto de Ana Lopez', 'Ana Lopez'],
    ['Photo par Jean Dupont', 'Jean Dupont'],
    ['Foto von Hans Meier', 'Hans Meier'],
    ['Fotografía: Ana Lopez/EFE', 'Ana Lopez/EFE'],
    ['Crédit photo : Jean Dupont', 'Jean Dupont'],
    ['Crédits : AFP', 'AFP'],
    ['Photo : Jean Dupont', 'Jean Dupont'],
    ['Credit...Jane Doe', 'Jane Doe'],
    ['Credit…Jane Doe', 'Jane Doe'],
    ['Image source, Getty Images', 'Getty Images'],
    ['Beeld: ANP', 'ANP'],
    ['Фото: ТАСС', 'ТАСС'],
    ['写真：共同通信', '共同通信'],
    ['摄影：李伟', '李伟'],
    ['Photographer: Jane Doe', 'Jane Doe'],
  ])('%j -> %j', (raw, text) => {
    expect(stripCreditPrefix(draftOf(raw))).toMatchObject({ text, prefixed: true });
  });
  it.each(['Photographs of the scene circulated.', 'Credit card debt rose.', 'Bild newspaper reported it', 'Photo finishes decided it', 'Fotos del evento'])('%j has no prefix', (raw) => {
    expect(stripCreditPrefix(draftOf(raw)).prefixed).toBe(false);
  });
});

describe('markFlagPrefix', () => {
  it.each([
    ['Pool photo by Jane Doe', 'Jane Doe', { pool: true }],
    ['POOL PHOTO: Jane Doe/AP', 'Jane Doe/AP', { pool: true }],
    ['Handout photo: Ministry of Defence', 'Ministry of Defence', { handout: true }],
    ['File photo: REUTERS/Jane Doe', 'REUTERS/Jane Doe', { filePhoto: true }],
  ])('%j -> %j %j', (raw, text, flags) => {
    expect(markFlagPrefix(draftOf(raw))).toMatchObject({ text, prefixed: true, ...flags });
  });
  it.each(['Pool party ends in arrest', 'Pool photo by', 'Handout payments start in May'])('%j unchanged', (raw) => {
    expect(markFlagPrefix(draftOf(raw)).text).toBe(raw);
  });
});

describe('keepDesignLabelPrefix and keepDesignLabelSegment', () => {
  it.each([
    ['Illustration by Jane Doe', 'Jane Doe', 'Illustration by'],
    ['Photo illustration: Jane Doe/AFP', 'Jane Doe/AFP', 'Photo illustration:'],
    ['Photo-illustration by Jane Doe', 'Jane Doe', 'Photo-illustration by'],
    ['Graphic: Jane Doe', 'Jane Doe', 'Graphic:'],
    ['Composite: Jane Doe/Getty Images', 'Jane Doe/Getty Images', 'Composite:'],
  ])('%j -> %j, label %j', (raw, text, label) => {
    expect(keepDesignLabelPrefix(draftOf(raw))).toMatchObject({ text, label, prefixed: true });
  });
  it('a label segment at the end is kept aside', () => {
    expect(keepDesignLabelSegment(withSegments(['REUTERS', 'Dado Ruvic', 'Illustration']))).toMatchObject({ segments: ['REUTERS', 'Dado Ruvic'], labelSegment: 'Illustration' });
    expect(keepDesignLabelSegment(withSegments(['Illustration'])).segments).toEqual(['Illustration']);
  });
});

describe('takeWireCode', () => {
  it.each([
    [['STR', 'AFP'], 'STR', true],
    [['AFP', 'STR'], 'STR', false],
    [['-', 'AFP'], '-', true],
    [['REUTERS', 'STF'], 'STF', false],
  ])('%j -> %j first %s', (segments, wireCode, wireCodeFirst) => {
    expect(takeWireCode(withSegments(segments))).toMatchObject({ wireCode, wireCodeFirst, segments: segments.filter((s) => s !== wireCode) });
  });
  it('needs an agency beside it', () => {
    expect(takeWireCode(withSegments(['STR', 'Jane Doe'])).wireCode).toBeUndefined();
  });
});

describe('stripWireSuffixCodes', () => {
  it.each([
    ['REUTERS/Jane Doe TPX IMAGES OF THE DAY', 'REUTERS/Jane Doe'],
    ['REUTERS/Jane Doe TPX', 'REUTERS/Jane Doe'],
    ['REUTERS/Jane Doe SEARCH "FLOODS" FOR THIS STORY. SEARCH "WIDER IMAGE" FOR ALL STORIES.', 'REUTERS/Jane Doe'],
    ['REUTERS/Jane Doe', 'REUTERS/Jane Doe'],
    ['Tpx images of the day', 'Tpx images of the day'],
  ])('%j -> %j', (raw, text) => {
    expect(stripWireSuffixCodes(draftOf(raw)).text).toBe(text);
  });
});

describe('splitSegments: dashes and AP flags after a comma', () => {
  it.each([
    ['Jane Doe - AFP', ['Jane Doe', 'AFP']],
    ['AFP – Jane Doe', ['AFP', 'Jane Doe']],
    ['Jane Doe — Reuters', ['Jane Doe', 'Reuters']],
    ['Jean-Pierre Martin/AFP', ['Jean-Pierre Martin', 'AFP']],
    ['Jane Doe - John Roe', ['Jane Doe - John Roe']],
    ['Jane Doe - AFP - Reuters', ['Jane Doe - AFP - Reuters']],
    ['AP Photo/Jane Doe, Pool', ['AP Photo', 'Jane Doe', 'Pool']],
    ['AP Photo/Jane Doe, File', ['AP Photo', 'Jane Doe', 'File']],
    ['AP Photo/Jane Doe, File Photo', ['AP Photo', 'Jane Doe', 'File Photo']],
    ['Rescuers at the site, Lebanon', ['Rescuers at the site, Lebanon']],
  ])('%j -> %j', (text, segments) => {
    expect(splitSegments(draftOf(text)).segments).toEqual(segments);
  });
});

describe('splitCourtesy: only a credit, never a sentence', () => {
  it.each([
    ['Courtesy of NASA', 'NASA'],
    ['Courtesy NASA', 'NASA'],
    ['Courtesy: The Smith Family', 'The Smith Family'],
    ['Photo courtesy of the artist', 'the artist'],
    ['Courtesy of the artist.', 'the artist.'],
  ])('%j -> provider %j', (raw, provider) => {
    expect(splitCourtesy(draftOf(raw))).toMatchObject({ provider, courtesy: true });
  });
  it.each([
    'Courtesy visits to the ministry were cancelled.',
    'Courtesy calls were made',
    'Courtesy of the weather, the match was postponed until Sunday, officials said.',
  ])('%j is left alone', (raw) => {
    expect(splitCourtesy(draftOf(raw)).courtesy).toBe(false);
  });
});

describe('takePhotographerAndProvider', () => {
  it.each([
    [['Jane Doe', 'Ministry of Defence'], { handout: true }, 'Jane Doe', 'Ministry of Defence'],
    [['Ministry of Defence', 'Jane Doe'], { handout: true }, 'Jane Doe', 'Ministry of Defence'],
    [['Kremlin', 'Mikhail Klimentyev'], { agency: 'Sputnik' }, 'Mikhail Klimentyev', 'Kremlin'],
  ])('%j -> photographer %j, provider %j', (segments, fields, photographer, provider) => {
    expect(takePhotographerAndProvider(withSegments(segments, fields))).toMatchObject({ photographer, provider, segments: [] });
  });
  it.each([
    [['Jane Doe', 'John Roe'], { handout: true }],
    [['City Library', 'Sara Lindgren'], { prefixed: true }],
    [['Ministry of Defence', 'Army Press Office'], { handout: true }],
  ])('%j stays unclaimed', (segments, fields) => {
    expect(takePhotographerAndProvider(withSegments(segments, fields)).segments).toEqual(segments);
  });
});

describe('names: particles, several people, organisations', () => {
  it.each([
    ['Omar al-Rashid', true],
    ['Mohammed el-Sayed', true],
    ['Giulia d’Alessandro', true],
    ['Ana de la Cruz', true],
    ['The Washington Post', false],
    ['omar al-Rashid', false],
  ])('looksLikePersonName(%j) = %s', (text, expected) => {
    expect(looksLikePersonName(text)).toBe(expected);
  });
  it.each([
    ['Jane Doe and John Roe', true],
    ['Jane Doe & John Roe', true],
    ['Jane Doe, John Roe', true],
    ['Jane Doe, John Roe and Ali Khan', true],
    ['Jane Doe and Reuters', false],
    ['Jane Doe', false],
    ['Jane Doe and City Library', false],
  ])('looksLikePeopleNames(%j) = %s', (text, expected) => {
    expect(looksLikePeopleNames(text)).toBe(expected);
  });
  it.each([
    ['Acme Corp.', true], ['Maxar Technologies', true], ['Planet Labs PBC', true], ['The Yomiuri Shimbun', true], ['Süddeutsche Zeitung', true],
    ['Airbus Defence and Space', true], ['Jane Doe', false], ['Sasha Corpuz', false],
  ])('looksLikeOrganization(%j) = %s', (text, expected) => {
    expect(looksLikeOrganization(text)).toBe(expected);
  });
});
