// What a person's name in a credit looks like, and how an all-caps name is put in title case.

/** Lower-case name particles that may sit inside a name: "Ana de Armas", "Ludwig van Beethoven". */
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'der', 'den', 'di', 'du', 'la', 'le', 'van', 'von', 'ter', 'ten', 'al', 'el', 'bin', 'ibn', 'y', 'e']);

/** A name word: starts with a capital or an uncased letter (CJK, Arabic...), then letters, ' ’ . - only. */
const NAME_WORD = /^[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’.-]*$/u;
/** A particle joined to a capitalized name: "al-Rashid", "el-Sayed", "d'Alessandro", "ben-Ami", "O'Neill" is a NAME_WORD already. */
const JOINED_PARTICLE_WORD = /^(?:al|el|ad|ar|as|ash|at|az|an|abu|ben|bin|bint|ibn|d|l|dall|dell|degli|van|von|de|di|da|du)[-'’][\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}'’.-]*$/u;
const isNameWord = (word: string): boolean => NAME_WORD.test(word) || JOINED_PARTICLE_WORD.test(word);

/**
 * True when `text` reads as a person's name: 1 to 5 words, each capitalized (particles aside), no digits
 * or other punctuation. `minWords` is 2 when nothing else in the credit vouches for a single word.
 */
export function looksLikePersonName(text: string, minWords = 2): boolean {
  const words = text.split(' ');
  if (words.length < minWords || words.length > 5) return false;
  const first = words[0] ?? '';
  if (!NAME_WORD.test(first) || first === 'The') return false;
  return words.every((word) => isNameWord(word) || PARTICLES.has(word));
}

// Two or three photographers in one credit: "Jane Doe and John Roe", "Jane Doe & John Roe", "Jane Doe, John Roe".
const PEOPLE_SEPARATOR = /\s+(?:and|&|AND)\s+|,\s+/u;
export const MAX_PEOPLE = 3;

/** True when `text` is two or three people's names (each of two or more words) joined by "and", "&" or commas. */
export function looksLikePeopleNames(text: string): boolean {
  const names = text.split(PEOPLE_SEPARATOR);
  return names.length >= 2 && names.length <= MAX_PEOPLE && names.every((name) => looksLikePersonName(name, 2) && !looksLikeOrganization(name));
}

const ROMAN_NUMERAL = /^(II|III|IV|VI|VII|VIII|IX|XI|XII)$/;
const VOWEL = /[AEIOUY\u00C0-\u00DD]/u;

/**
 * "JOHN SMITH" -> "John Smith". Only a name with no lower-case letter at all is changed.
 * Kept as written: roman numerals (II, III), initials ("J.", "J.R."), and words of at most two letters
 * without a vowel ("DJ"). Each part after a hyphen, apostrophe, slash or bracket is capitalized ("Jean-Pierre",
 * "O'Brien"), and "Mc" names get their inner capital ("MCDONALD" -> "McDonald"); "Mac" names do not
 * (Mack, Macy...), so "MACDONALD" -> "Macdonald".
 */
export function titleCaseAllCaps(name: string): string {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return name;
  return name
    .split(' ')
    .map((word) => {
      // "JANE DOE AND JOHN ROE": the connector between two names stays a connector.
      if (word === 'AND') return 'and';
      if (ROMAN_NUMERAL.test(word) || /^(\p{Lu}\.)+$/u.test(word)) return word;
      if (word.length <= 2 && !VOWEL.test(word)) return word;
      return word
        .toLowerCase()
        // Turkish "İ" lower-cases to "i" plus a combining dot: "ÖZDEMİR" -> "Özdemir", not "Özdemi̇r".
        .replace(/i\u0307/gu, 'i')
        .replace(/(^|[-'’/(])(\p{Ll})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
        .replace(/^Mc(\p{Ll})(?=\p{Ll})/u, (_m, letter: string) => `Mc${letter.toUpperCase()}`);
    })
    .join(' ');
}

// Words that name an organization or a source, not a person: "City Library", "Israeli Army", "Social Media".
const ORGANIZATION_WORD =
  /\b(?:agency|archives?|army|bureau|center|centre|collection|college|council|department|forces?|foundation|gallery|government|group|images|institute|library|magazine|media|ministry|museum|navy|news|office|photos|police|post|press|service|society|studios?|times|tribune|university|herald|ledger|journal|gazette|daily|weekly|observer|guardian|telegraph|chronicle|tv|television|video|screenshot|screengrab|corp|corporation|inc|ltd|llc|plc|gmbh|company|technologies|technology|labs|satellite|imagery|space|newspaper|shimbun|zeitung|ilbo|nippo|sinbun|gazeta|gazzetta|gazet|dziennik|kurier|corriere|diario|periódico|nieuws|dagblad|dagbladet|tidende|tidning|posten|pravda|izvestia|courier|noticias|quotidien|krant|airlines|committee|club|federation|league|association|party|embassy|presidency|kremlin)\b/iu;
// "The Washington Post", "The Yomiuri Shimbun": no person's name starts with "The".
const LEADING_THE = /^The\s/u;

// One short all-caps word is an acronym ("ISPR", "IDF", AFP's "STR"), not a person.
const ACRONYM = /^[\p{Lu}\d&]{2,6}$/u;

/** True when `text` names an organization or a source ("City Library", "Israeli Army", "Reuters TV", "ISPR"). */
export function looksLikeOrganization(text: string): boolean {
  return ORGANIZATION_WORD.test(text) || ACRONYM.test(text) || LEADING_THE.test(text);
}
