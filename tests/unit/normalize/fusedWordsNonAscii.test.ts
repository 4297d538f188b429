// Fused-word repair for names beyond ASCII and short names the article proves (issue 9).
import { describe, expect, it } from 'vitest';
import { repairFusedWords } from '../../../functions/core/normalize/rules/fusedWords';

describe('fused-word repair: non-ASCII names and short proven names', () => {
  it.each([
    [['Chancellor Friedrich Müllerwarned of a recession.', 'Müller spoke on Monday.'], 'Müllerwarned', 'Müller warned'],
    [['Economist Jörg Müllerwarned of a recession.'], 'Müllerwarned', 'Müller warned'],
    [['Coach Łukasz Nowakowskiwarned the team.'], 'Nowakowskiwarned', 'Nowakowski warned'],
    [['Minister Ömer Şahinreportedly resigned.', 'Şahin denied it.'], 'Şahinreportedly', 'Şahin reportedly'],
    [['Mayor Anne Hidalgo met Zoë Lefèvre. Lefèvredescribed the plan.'], 'Lefèvredescribed', 'Lefèvre described'],
    [['Xi Jinping arrived. Later Xisaid the talks went well.'], 'Xisaid', 'Xi said'],
    [['Kim Jong Un met Putin. Kimwarned the South.'], 'Kimwarned', 'Kim warned'],
    [['Mr Wu agreed. Wureportedly left early.'], 'Wureportedly', 'Wu reportedly'],
  ])('%j: %s -> %s', (paragraphs, before, after) => {
    const out = repairFusedWords(paragraphs);
    expect(out.repairs).toEqual([{ rule: 'fused-words', before, after, reason: expect.stringMatching(/common word/) }]);
    expect(out.paragraphs.join(' ')).toContain(after);
  });

  it.each([
    ['a short left half the article does not prove', 'Later Xisaid the talks went well.'],
    ['a short left half that is a word', 'The Ad campaign ran. Adwarned nobody.'],
    ['a short name that is also a word (lee)', 'Mr Lee agreed. Leereportedly left early.'],
    ['a whole word, even with a proven name inside', 'Kim met Al. Also Kimono and Already stayed.'],
    ['non-ASCII brands and words stay whole', 'Nestlé and Škoda said Nestléed nothing; Müller met Müllerhaus.'],
    ['accented words without a fused verb', 'Françoise and Bénédicte met Jürgen in Zürich.'],
  ])('%s', (_name, text) => {
    expect(repairFusedWords([text]).paragraphs[0]).toBe(text);
  });
});
