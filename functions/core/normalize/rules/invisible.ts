// Bidi controls and invisible formatting characters in one-line metadata (title, authors, tags,
// credits). An override (U+202E) makes "gpj.exe" read as "exe.jpg" and reorders a name; zero-width
// characters make two tags or authors that look the same differ. They are removed, with a warning.
// Kept: ZWJ and ZWNJ (U+200C/U+200D), which join emoji and shape Persian and Indic words, and the
// LRM/RLM/ALM marks (U+200E/U+200F/U+061C), which only nudge neutral characters and reorder nothing.

// Embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), zero-width space (U+200B), word
// joiner and invisible operators (U+2060-U+2064), a byte-order mark inside text (U+FEFF), the soft
// hyphen (U+00AD), the Mongolian vowel separator (U+180E), Hangul fillers (U+115F, U+1160, U+3164, U+FFA0).
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u00AD\u180E\u115F\u1160\u3164\uFFA0]/g;
const MAYBE_INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u00AD\u180E\u115F\u1160\u3164\uFFA0]/;

const NAMES: Record<string, string> = {
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING', '\u202B': 'RIGHT-TO-LEFT EMBEDDING', '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE', '\u202E': 'RIGHT-TO-LEFT OVERRIDE', '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE', '\u2068': 'FIRST STRONG ISOLATE', '\u2069': 'POP DIRECTIONAL ISOLATE',
  '\u200B': 'ZERO WIDTH SPACE', '\u2060': 'WORD JOINER', '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE', '\u00AD': 'SOFT HYPHEN',
};

export interface InvisibleRemoval {
  text: string;
  /** The removed characters as "U+202E RIGHT-TO-LEFT OVERRIDE", distinct, in order of appearance. */
  removed: string[];
}

/** Removes bidi controls and invisible formatting characters; returns the text as is when it has none. */
export function removeInvisibleFormatting(text: string): InvisibleRemoval {
  if (!MAYBE_INVISIBLE.test(text)) return { text, removed: [] };
  const removed = new Set<string>();
  const cleaned = text.replace(INVISIBLE, (char) => {
    const code = char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    removed.add(`U+${code}${NAMES[char] === undefined ? '' : ` ${NAMES[char]}`}`);
    return '';
  });
  return { text: cleaned, removed: [...removed] };
}

/** The text cleaned of invisible formatting, a warning naming `field` pushed when something was removed. */
export function withoutInvisibleFormatting(text: string, field: string, warnings: string[]): string {
  const { text: cleaned, removed } = removeInvisibleFormatting(text);
  if (removed.length > 0) warnings.push(`removed invisible formatting characters from the ${field} (${removed.join(', ')})`);
  return cleaned;
}
