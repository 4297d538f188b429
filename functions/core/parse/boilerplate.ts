// Publisher boilerplate that scrapes carry after the article: "More from GZERO Media", "Recommended"...
// Everything from such a line on belongs to other stories, not to this one. Headings that also stand
// inside articles ("Related", "Most read", a share bar, a newsletter promo) are not here: furniture.ts
// removes those lines (and a heading's list) and keeps the rest of the article.

interface BoilerplateRule {
  pattern: RegExp;
  /** Group 1 of the pattern names the publisher. */
  namesPublisher?: boolean;
}

// Matched against whole, trimmed, short lines only: a body sentence that mentions "read more" is not cut.
const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { pattern: /^More from (\S.{0,58}?)[:.]?$/i, namesPublisher: true },
  { pattern: /^More (?:stories|articles|news)(?: like this)?:?$/i },
  { pattern: /^Read more(?: (?:from|on|at) \S.{0,58})?:?$/i },
  { pattern: /^Recommended(?: for you| stories| articles| reading)?:?$/i },
  { pattern: /^You (?:may|might) also like:?$/i },
];

const MAX_BOILERPLATE_LINE = 80;

export interface BoilerplateCut {
  /** The lines before the boilerplate. */
  lines: string[];
  publisher?: string;
  /** The boilerplate line itself and how many lines were dropped, for a warning. */
  cutAt?: { line: string; dropped: number };
}

/** Cuts `lines` at the first boilerplate line at or after `from` (so a title is never taken for one). */
export function cutBoilerplate(lines: readonly string[], from = 0): BoilerplateCut {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '' || line.length > MAX_BOILERPLATE_LINE) continue;
    for (const rule of BOILERPLATE_RULES) {
      const match = rule.pattern.exec(line);
      if (!match) continue;
      const cut: BoilerplateCut = { lines: lines.slice(0, index), cutAt: { line, dropped: lines.length - index } };
      if (rule.namesPublisher && match[1]) cut.publisher = match[1].trim();
      return cut;
    }
  }
  return { lines: [...lines] };
}
