// Every rule added for real-world scrapes (issue 9) is linear: adversarial inputs at the upload size
// limit (2 MB) go through the whole ingest path, each within a generous bound. These guard against
// quadratic blow-ups (seconds to minutes), not speed: speed is in bench/parse.bench.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestUpload } from '../../../functions/core/ingest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { normalizeCredit } from '../../../functions/core/credits/index';
import { removeInvisibleFormatting } from '../../../functions/core/normalize/rules/invisible';
import { decodeBytes } from '../../../functions/core/parse/decode';
import { removeFurniture } from '../../../functions/core/parse/furniture';

const LIMIT = DEFAULT_SITE.maxUploadBytes;
// 1 s, or four times what 2 MB of plain paragraphs or of image blocks take on this machine right now (a
// shared, loaded machine makes everything slower alike; a quadratic rule is hundreds of times slower).
let BOUND_MS = 1000;
const fill = (unit: string, bytes = LIMIT - 64) => unit.repeat(Math.floor(bytes / Buffer.byteLength(unit)));

const elapsed = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return performance.now() - start;
};
const ingest = (text: string | Uint8Array) => () =>
  ingestUpload({ key: 'hostile.txt', bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text, fallbackDate: '2024-06-01T00:00:00Z' }, DEFAULT_SITE);

const inputs: Array<[name: string, text: string]> = [
  ['one 2 MB line of spaces between words', `T\n\n${fill('a ')}`],
  ['a 2 MB paragraph of capitals (dateline)', `T\n\n${fill('LISBON ')}`],
  ['a 2 MB byline-like line', `T\n\nBy ${fill('Jane Doe and ')}`],
  ['2 MB of short "By" lines', `T\n\n${fill('By Jane Doe, Reuters\n')}`],
  ['2 MB of name and role blocks', `T\n\n${fill('Jane Doe\nBusiness reporter, BBC News\n\n')}`],
  ['2 MB of furniture lines', `T\n\n${fill('Advertisement\nShare on Facebook\nSee also: A headline\n')}`],
  ['a list heading then 2 MB of list items', `T\n\nBody.\n\n${fill('Most read\n1. A headline\n\n')}`],
  ['2 MB of share-like words on one line', `T\n\n${fill('share facebook ')}`],
  ['2 MB of desk-code-like lines', `T\n\n${fill('ab/cd-ef/gh\n')}`],
  ['a 2 MB caption ending in a bracket', `T\n\n${fill('(AP Photo/')}Jane Doe)`],
  ['2 MB of captions with credits inside', `T\n\n${fill('Rain in Lisbon. (AP Photo/Jane Doe)\n\n')}`],
  ['2 MB of "Photograph:" labels', `T\n\n${fill('Photograph: ')}Jane Doe/AFP`],
  ['2 MB of copyright lines', `T\n\n${fill('© 2023 Acme Corp.\n\n')}`],
  ['2 MB of date-line-like lines', `T\n\n${fill('Published March 3, 2024 10:00 ')}`],
  ['2 MB of header-like lines after the title', `T\n\n${fill('Date: 2024-03-05\n')}`],
  ['a header line then 2 MB of bylines in its block', `T\nDate: 2024-03-05\n${fill('By Jane Doe, Reuters\n')}`],
  ['a header line then 2 MB of headers and bylines in turn', `T\n${fill('Date: 2024-03-05\nBy Jane Doe\n')}`],
  ['2 MB of credit lines with dashes', `T\n\n${fill('Caption.\nJane Doe - AFP - Reuters\n\n')}`],
  ['2 MB of "Courtesy" lines', `T\n\n${fill('Caption.\nCourtesy visits were cancelled\n\n')}`],
  ['2 MB of bidi overrides in the title', `${fill('\u202E')}\n\nBody.`],
  ['2 MB of fused-name-like tokens', `T\n\nMüller Xi ${fill('Müllerwarned Xisaid ')}`],
  // The audit's rules: bare caption credits, joined ad markers, sign-up promos, "--" datelines, stacked copyright marks.
  ['2 MB of captions with a bare Reuters credit', `T\n\n${fill('Rain in Lisbon. REUTERS/Jane Doe\n\n')}`],
  ['a 2 MB line of sentences with slashes', `T\n\n${fill('It rained. A/B ')}`],
  ['2 MB of joined advertisement markers', `T\n\n${fill('Advertisement · Scroll to continue\n')}`],
  ['a 2 MB line of sign-up calls', `T\n\n${fill('inbox sign up ')}`],
  ['2 MB of double-hyphen datelines', `T\n\n${fill('TOKYO, Oct. 5 (Kyodo) -- Rain.\n\n')}`],
  ['2 MB of stacked copyright marks', `T\n\n${fill('© Copyright ')}`],
  ['2 MB of Reuters suffix codes', `T\n\nCaption.\nREUTERS/Jane Doe${fill(' TPX IMAGES OF THE DAY')}`],
];

describe('real-world scrape rules stay linear at the size limit', () => {
  beforeAll(() => {
    // Baselines in shapes the parser read before these rules: plain paragraphs, and image blocks
    // (caption + credit line), each image costing a credit parse and render.
    for (const unit of ['Plain line here.\n\n', 'Rain in Lisbon.\nAP Photo/Jane Doe\n\n']) {
      const baseline = `T\n\n${fill(unit)}`;
      ingest(baseline)();
      BOUND_MS = Math.max(BOUND_MS, 4 * elapsed(ingest(baseline)));
    }
  });

  it.each(inputs)('%s', (_name, text) => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(LIMIT);
    expect(elapsed(ingest(text))).toBeLessThan(BOUND_MS);
  });

  it('bytes that are mostly invalid UTF-8, and mostly valid with stray bytes', () => {
    const invalid = new Uint8Array(LIMIT - 64).fill(0xe9);
    const stray = Buffer.from(fill('Grüße \u00e9'.normalize('NFC')), 'utf8');
    stray[100] = 0xff;
    expect(elapsed(() => decodeBytes(invalid))).toBeLessThan(BOUND_MS);
    expect(elapsed(() => decodeBytes(stray))).toBeLessThan(BOUND_MS);
    expect(decodeBytes(stray).encoding).toBe('utf-8');
  });

  it('credit rules on 2 MB credit-like lines (header Credit: values reach normalizeCredit whole)', () => {
    for (const line of [
      `Photo: ${fill('Jane Doe - ')}AFP`,
      `REUTERS/Jane Doe${fill(' SEARCH "X" FOR THIS STORY.')}`,
      `(AP Photo/${fill('Jane Doe, ')}Pool)`,
      `Courtesy ${fill('of ')}`,
      `Illustration by ${fill('Jane ')}`,
      fill('STR/'),
    ]) {
      expect(elapsed(() => normalizeCredit(line))).toBeLessThan(BOUND_MS);
    }
  });

  it('2 MB of fused names: no stack overflow, repairs stop at 1,000 with a warning', () => {
    const result = ingest(`T\n\nNetanyahu spoke.\n\n${fill('Netanyahureportedly left. ')}`)();
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.repairs).toHaveLength(1000);
    expect(result.value.warnings).toContain('stopped repairing fused words after 1000 repairs: is this text really a scrape?');
  });

  it('furniture and invisible-character passes on 2 MB inputs', () => {
    const lines = fill('Most read\n').split('\n');
    expect(elapsed(() => removeFurniture(lines, 0))).toBeLessThan(BOUND_MS);
    expect(elapsed(() => removeInvisibleFormatting(fill('a\u200B')))).toBeLessThan(BOUND_MS);
  });
});
