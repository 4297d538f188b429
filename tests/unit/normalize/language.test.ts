import { describe, expect, it } from 'vitest';
import { detectLanguage, isLanguageTag } from '../../../functions/core/normalize/rules/language';

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
