import { describe, expect, it } from 'vitest';
import { repairFusedWords } from '../../../functions/core/normalize/rules/fusedWords';

const repair = (...paragraphs: string[]) => repairFusedWords(paragraphs);

describe('fused-word repair: splits link artefacts', () => {
  it.each([
    // name used on its own elsewhere in the article
    [['Benjamin Netanyahureportedly spoke.', 'Officials met Netanyahu on Thursday.'], 'Netanyahureportedly', 'Netanyahu reportedly'],
    // name after a first name, not used elsewhere
    [['Beirut-based journalist Kim Ghattasdescribed it as insanity.'], 'Ghattasdescribed', 'Ghattas described'],
    // a title the article capitalizes mid-sentence
    [['The Prime Minister spoke. The Ministerconfirmed the plan on Monday.'], 'Ministerconfirmed', 'Minister confirmed'],
    [['Talks with Zelensky went on. Then Zelenskysaid no.'], 'Zelenskysaid', 'Zelensky said'],
    [['Analyst Ana Kowalczykwarned that prices rise.'], 'Kowalczykwarned', 'Kowalczyk warned'],
  ])('%j: %s -> %s', (paragraphs, before, after) => {
    const out = repair(...paragraphs);
    expect(out.repairs).toEqual([{ rule: 'fused-words', before, after, reason: expect.stringMatching(/common word/) }]);
    expect(out.paragraphs.join(' ')).toContain(after);
    expect(out.paragraphs.join(' ')).not.toContain(before);
  });

  it('repairs every occurrence and logs each', () => {
    const out = repair('Netanyahu spoke. Later Netanyahureportedly left, and Netanyahureportedly returned.');
    expect(out.repairs).toHaveLength(2);
    expect(out.paragraphs[0]).toBe('Netanyahu spoke. Later Netanyahu reportedly left, and Netanyahu reportedly returned.');
  });

  it('is idempotent: repaired text is left alone', () => {
    const once = repair('Benjamin Netanyahureportedly spoke with Netanyahu aides.');
    const twice = repairFusedWords(once.paragraphs);
    expect(twice.paragraphs).toEqual(once.paragraphs);
    expect(twice.repairs).toEqual([]);
  });
});

// The worst case for each: the article also uses the left half on its own, as a name, mid-sentence,
// and a first name comes right before. None may be split.
const mustStay = [
  'Starbucks', 'Facebook', 'YouTube', 'PlayStation', 'Blackstone', 'Airbnb', "McDonald's", 'WhatsApp', 'LinkedIn',
  'iPhone', 'Netflix', 'Microsoft', 'Bloomberg', 'Instagram', 'Snapchat', 'Greenpeace', 'Firestone', 'Rockefeller',
  'Dropbox', 'Salesforce', 'Walmart', 'Volkswagen', 'Goldman', 'Hollywood', 'Wikipedia', 'Pinterest', 'Spotify',
  'Samsung', 'Johnson', 'Robertson', 'Washington', 'Birmingham', 'Thanksgiving', 'Peterson', 'Stockholm', 'Copenhagen',
  'Edinburgh', 'Goldsmith', 'Hezbollah', 'Nasrallah', 'Wednesday', 'Greenland', 'Anderson', 'Richardson', 'Jacobson',
  'Blackwell', 'Sutherland', 'Huntington', 'Springsteen', 'Lockheed', 'Tripadvisor', 'Doomscrolling', 'Newsroom',
];
const leftHalves = (word: string) => Array.from({ length: word.length - 5 }, (_, i) => word.slice(0, i + 3));

describe('fused-word repair: never splits brands, names and real words', () => {
  it.each(mustStay)('%s stays whole', (word) => {
    const context = `Reporters met ${leftHalves(word).join(' and ')} in town.`;
    const text = `${context} Said Maria ${word} yesterday, and ${word} agreed with the plan.`;
    const out = repair(text);
    expect(out.repairs).toEqual([]);
    expect(out.paragraphs[0]).toBe(text);
  });

  it.each([
    ['lower-case fusions are left alone (too ambiguous: "doomscrolling")', 'People enjoy cityhall and doomscrolling.'],
    ['two readings (Xyz+where, Xyzw+here): no guess', 'Xyz and Xyzw met. Later Xyzwhere said so.'],
    ['short tokens and three-letter right halves', 'Ms Kim Leeand friends. Kim Parkand Kim Ghattasand left.'],
    ['inside a URL-like token only letters count', 'See example.com/Netanyahureportedly for more.'],
  ])('%s', (_name, text) => {
    expect(repair(text).paragraphs[0]).toBe(text);
  });
});
