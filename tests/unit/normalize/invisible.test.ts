import { describe, expect, it } from 'vitest';
import { ingestUpload } from '../../../functions/core/ingest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { removeInvisibleFormatting } from '../../../functions/core/normalize/rules/invisible';

describe('removeInvisibleFormatting', () => {
  it.each([
    ['Invoice\u202Egpj.exe', 'Invoicegpj.exe', ['U+202E RIGHT-TO-LEFT OVERRIDE']],
    ['\u202DJane Doe\u202C', 'Jane Doe', ['U+202D LEFT-TO-RIGHT OVERRIDE', 'U+202C POP DIRECTIONAL FORMATTING']],
    ['\u2067שלום\u2069 world', 'שלום world', ['U+2067 RIGHT-TO-LEFT ISOLATE', 'U+2069 POP DIRECTIONAL ISOLATE']],
    ['ne\u200Bws', 'news', ['U+200B ZERO WIDTH SPACE']],
    ['Jane\u2060Doe', 'JaneDoe', ['U+2060 WORD JOINER']],
    ['co\u00ADop\u00ADer\u00ADate', 'cooperate', ['U+00AD SOFT HYPHEN']],
    ['Title\uFEFF', 'Title', ['U+FEFF ZERO WIDTH NO-BREAK SPACE']],
    ['\u3164', '', ['U+3164']],
    // Kept: joiners inside emoji and words, and directional marks.
    ['👩\u200D💻 coders', '👩\u200D💻 coders', []],
    ['می\u200Cخواهم', 'می\u200Cخواهم', []],
    ['\u200Fعربي 2024', '\u200Fعربي 2024', []],
    ['Plain title', 'Plain title', []],
  ])('%j -> %j', (input, text, removed) => {
    expect(removeInvisibleFormatting(input)).toEqual({ text, removed });
  });
});

describe('titles, authors, tags and credits lose them, with a warning', () => {
  const article = () => {
    const text = 'Title: Quarterly \u202Eresults\u202C\nAuthor: Jane\u200B Doe and \u2066John Roe\u2069\nTags: news, ne\u200Bws, \u202Eecnanif\nCredit: REUTERS/Jane\u202E Doe\n\nBody.';
    const result = ingestUpload({ key: 'a.txt', bytes: new TextEncoder().encode(text), fallbackDate: '2024-06-01T12:00:00Z' }, DEFAULT_SITE);
    if (!result.ok) throw new Error(result.error.reason);
    return result.value;
  };
  it('cleans each field', () => {
    const a = article();
    expect(a.title).toBe('Quarterly results');
    expect(a.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(a.tags).toEqual(['news', 'ecnanif']);
    expect(a.images[0]?.credit).toMatchObject({ display: 'Jane Doe/Reuters', photographer: 'Jane Doe', raw: 'REUTERS/Jane Doe' });
  });
  it('warns once per field', () => {
    expect(article().warnings.filter((w) => w.startsWith('removed invisible formatting'))).toEqual([
      'removed invisible formatting characters from the title (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING)',
      'removed invisible formatting characters from the authors (U+200B ZERO WIDTH SPACE, U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE)',
      'removed invisible formatting characters from the tags (U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE)',
      'removed invisible formatting characters from the credit (U+202E RIGHT-TO-LEFT OVERRIDE)',
    ]);
  });
});
