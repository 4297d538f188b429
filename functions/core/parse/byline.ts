// Bylines in scrapes, in the shapes publishers print them: "By Jane Doe", "By Jane Doe and John Roe",
// "By Jane Doe, Reuters" (the agency is not an author), "BY JANE DOE", "By Jane Doe Associated Press",
// "Jane Doe in Lisbon" (Guardian), a name then a role line ("Jane Doe" / "BBC News, Lisbon"), and the
// same "By" in other languages ("Von", "Por", "Par", "Di", "Door"). Names only: a sentence such as
// "By Tuesday, talks had stalled." is body text.
import { canonicalAgency } from '../credits';
import { looksLikePersonName, titleCaseAllCaps } from '../credits/names';

export interface Byline {
  /** The authors, each a name as printed (all-caps names in title case). */
  authors: string[];
  /** The agency the byline names ("By Jane Doe, Reuters"): publisher or credit, never an author. */
  agency?: string;
}

const MAX_BYLINE_LINE = 120;
const BY_LABEL = /^(?:by|von|por|par|di|door|af|av|written by|words by|story by|reporting by|text by)\s+/iu;
// Between names: "and", "&", a comma, "und", "y", "et", "e".
const NAME_SEPARATOR = /\s*,\s*(?:and\s+)?|\s+(?:and|AND|&|und|y|et|e)\s+/u;
// Before an agency: ", Reuters", " | Reuters", " - AP", " for Reuters".
const AGENCY_SEPARATOR = /\s*(?:,|\||[-–—]|\bfor\b|\bFOR\b)\s*/u;
// The agency may be printed straight after the names: "By Jane Doe Associated Press".
const MAX_AGENCY_WORDS = 3;
const STAFF = /^(?:staff(?: writer| reporter)?|staff and agencies|and agencies|agencies|our correspondent)$/iu;
// "in Lisbon", "in New York": the Guardian's place after the name.
const IN_PLACE = /\s+in\s+[\p{Lu}][\p{L}\p{M}.'’ -]{1,40}$/u;

/** "Jane Doe" or "JANE DOE" as a name (2 to 5 words), title-cased when all caps; undefined when not a name. */
function nameOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (!looksLikePersonName(trimmed, 2)) return undefined;
  return titleCaseAllCaps(trimmed);
}

/** "Jane Doe and John Roe" -> both names; undefined unless every part is a name. */
function namesOf(text: string, placeAllowed: boolean): string[] | undefined {
  const names: string[] = [];
  for (const part of text.split(NAME_SEPARATOR)) {
    if (part === '') return undefined;
    const person = placeAllowed ? part.replace(IN_PLACE, '') : part;
    const name = nameOf(person);
    if (name === undefined) return undefined;
    names.push(name);
  }
  return names.length > 0 && names.length <= 6 ? names : undefined;
}

/** Splits an agency off the end: ", Reuters", " | AFP", " Associated Press". */
function withoutAgency(text: string): { names: string; agency?: string } {
  const separated = [...text.matchAll(new RegExp(AGENCY_SEPARATOR, 'gu'))].at(-1);
  if (separated !== undefined) {
    const agency = canonicalAgency(text.slice(separated.index + separated[0].length));
    if (agency !== undefined) return { names: text.slice(0, separated.index), agency };
  }
  const words = text.split(' ');
  for (let count = Math.min(MAX_AGENCY_WORDS, words.length - 1); count >= 1; count--) {
    const agency = canonicalAgency(words.slice(-count).join(' '));
    if (agency !== undefined) return { names: words.slice(0, -count).join(' '), agency };
  }
  return { names: text };
}

/** A byline line with a "By" label (any language), or undefined. */
export function labelledByline(line: string): Byline | undefined {
  if (line.length > MAX_BYLINE_LINE) return undefined;
  const label = BY_LABEL.exec(line);
  if (label === null) return undefined;
  const rest = line.slice(label[0].length).trim().replace(/[.;:]$/u, '');
  // "By Reuters", "By Reuters Staff": an agency alone names no author.
  const alone = canonicalAgency(rest.replace(/\s+staff$/iu, ''));
  if (alone !== undefined) return { authors: [], agency: alone };
  const { names: namesText, agency } = withoutAgency(rest);
  const parts = namesText.split(NAME_SEPARATOR).filter((part) => !STAFF.test(part));
  const authors = namesOf(parts.join(', '), true);
  if (authors === undefined) return undefined;
  return agency === undefined ? { authors } : { authors, agency };
}

/** "Jane Doe in Lisbon", "Jane Doe and John Roe in Kyiv", "Jane Doe in Lisbon and John Roe in Madrid". */
export function placedByline(line: string): Byline | undefined {
  if (line.length > MAX_BYLINE_LINE || !line.includes(' in ') || /[.!?"”]$/u.test(line)) return undefined;
  const authors = namesOf(line, true);
  return authors === undefined ? undefined : { authors };
}

// What a role line under a name says: a job, a desk, or a newsroom ("BBC News, Lisbon", "Business reporter").
const ROLE =
  /\b(?:reporter|correspondent|editor|writer|columnist|journalist|producer|analyst|contributor|critic|presenter|commentator|bureau chief|staff|BBC|News|Redakteur(?:in)?|Korrespondent(?:in)?|corrispondente|corresponsal|envoyée? spéciale?)\b/iu;
const MAX_ROLE_LINE = 80;

/** A role line under a name ("Business reporter", "BBC News, Lisbon"): short, not a sentence. */
export function isRoleLine(line: string): boolean {
  return line.length <= MAX_ROLE_LINE && ROLE.test(line) && !/[.!?]$/u.test(line) && line.split(' ').length <= 10;
}

/** "Jane Doe" (or "By Jane Doe") on a line of its own, to be read with the role line after it. */
export function nameLine(line: string): Byline | undefined {
  if (line.length > MAX_BYLINE_LINE) return undefined;
  const labelled = labelledByline(line);
  if (labelled !== undefined) return labelled;
  const authors = namesOf(line.replace(/,$/u, ''), false);
  return authors === undefined ? undefined : { authors };
}

/** "Jane Doe, Business reporter": a name and its role on one line. */
export function nameWithRole(line: string): Byline | undefined {
  const comma = line.indexOf(', ');
  if (comma < 0 || line.length > MAX_BYLINE_LINE || !isRoleLine(line.slice(comma + 2))) return undefined;
  return nameLine(line.slice(0, comma));
}
