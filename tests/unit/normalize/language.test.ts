import fc from 'fast-check';
import { franc } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { detectLanguage, isLanguageTag, isPlainlyEnglish } from '../../../functions/core/normalize/rules/language';

const samples: [string, string][] = [
  ['en', 'The city council approved the budget on Tuesday after a long debate about buses, libraries and the cost of repairing old bridges. Residents who spoke at the meeting asked for more frequent service in the evenings and on weekends.'],
  ['fr', "Le conseil municipal a approuvé le budget mardi après un long débat sur les bus, les bibliothèques et le coût de la réparation des vieux ponts. Les habitants ont demandé un service plus fréquent le soir et le week-end."],
  ['de', 'Der Stadtrat hat den Haushalt am Dienstag nach einer langen Debatte über Busse, Bibliotheken und die Kosten für die Reparatur alter Brücken beschlossen. Die Bewohner forderten häufigere Verbindungen am Abend und am Wochenende.'],
  ['es', 'El ayuntamiento aprobó el presupuesto el martes después de un largo debate sobre autobuses, bibliotecas y el costo de reparar los puentes viejos. Los vecinos pidieron un servicio más frecuente por la noche y los fines de semana.'],
];

describe('detectLanguage', () => {
  it.each(samples)('%s', (expected, text) => expect(detectLanguage(text)).toBe(expected));

  it('undefined under 200 characters (the site default applies)', () => {
    expect(detectLanguage('Le conseil municipal a approuvé le budget mardi.')).toBeUndefined();
  });
});

describe('isLanguageTag', () => {
  it.each([
    ['en', true], ['pt-BR', true], ['zh-Hant-TW', true], ['fil', true],
    ['english', false], ['e', false], ['en_US', false], ['', false], ['en-', false],
  ])('%s -> %s', (tag, expected) => expect(isLanguageTag(tag)).toBe(expected));
});

describe('isPlainlyEnglish (the fast pass before franc)', () => {
  const seedParagraph =
    'Senior White House officials are traveling to Israel on Thursday as the Biden administration continues to push for a cease-fire in Lebanon and Gaza. The US is reportedly proposing a 60-day cease-fire between Israel and Hezbollah, the Iran-backed militant group.';
  it.each([
    ['news prose full of names (the seed)', seedParagraph, true],
    ['the English sample', samples[0]![1], true],
    ['French', samples[1]![1], false],
    ['German', samples[2]![1], false],
    ['Spanish', samples[3]![1], false],
    // Mostly English words but many Dutch ones too: mixed, franc decides.
    ['English with a long Dutch quote', 'The mayor said the plan was final. "De gemeenteraad heeft de begroting goedgekeurd en het is een goede dag voor de stad," she told the council, and it was the end of the debate for the year.', false],
    // English words inside another script: franc decides.
    ['Cyrillic with English words', 'The report of the year: это был долгий год для всех нас, and the city was not ready for it but the council has said it would be.', false],
    ['a list of names without function words', 'Maher Abou Taleb, Andrew Leyden, Stephane Mahe, Asim Munir, Naim Kassem, Benjamin Netanyahu, Donald Trump, Marine Le Pen', false],
  ])('%s -> %s', (_name, text, expected) => expect(isPlainlyEnglish(text.slice(0, 300))).toBe(expected));

  it('accepts only what franc also reads as English', () => {
    for (const text of [seedParagraph, samples[0]![1]]) {
      expect(isPlainlyEnglish(text.slice(0, 300))).toBe(true);
      expect(franc(text.slice(0, 300), { minLength: 200 })).toBe('eng');
    }
  });
});

describe('isPlainlyEnglish reads words like /\p{L}+/u', () => {
  // The same decision written with regexes: the scanner must agree on words, scripts and astral letters.
  const words = ['the', 'The', 'and', 'of', 'to', 'a', 'in', 'was', 'said', 'der', 'und', 'la', 'que', 'Israel', 'café', 'naïve', 'это', '日本', '𝒜', 'e\u0301'];
  const reference = (sample: string): boolean | 'non-latin' => {
    if (/(?!\p{Script=Latin})\p{L}/u.test(sample)) return 'non-latin';
    return isPlainlyEnglish(sample);
  };
  it('rejects any sample with a letter of another script, astral ones included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), fc.constantFrom(' ', ', ', '. ', '\n', '-'), (chosen, sep) => {
        const sample = chosen.join(sep);
        if (reference(sample) === 'non-latin') expect(isPlainlyEnglish(sample)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
  it('counts words split at any non-letter', () => {
    const english = 'the mayor said that the plan was final and that the city would pay for it over the next two years';
    expect(isPlainlyEnglish(english)).toBe(true);
    expect(isPlainlyEnglish(english.replaceAll(' ', '—'))).toBe(true);
    expect(isPlainlyEnglish(english.replaceAll(' ', '1'))).toBe(true);
    // Letters glued by an accent are one word: no English word left.
    expect(isPlainlyEnglish(english.replaceAll(' ', 'é'))).toBe(false);
  });
});
