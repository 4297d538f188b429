// ingestUpload shares the parser's credit parses with the normalizer (credits/index.ts sharingCreditParses):
// the article must be exactly what parse + normalize give on their own, for every sample upload.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCredit, sharingCreditParses } from '../../functions/core/credits';
import { ingestUpload } from '../../functions/core/ingest';
import { DEFAULT_SITE } from '../../functions/core/model';
import { normalizeArticle } from '../../functions/core/normalize';
import { parseUpload } from '../../functions/core/parse';

const contentDir = new URL('../../content/', import.meta.url);
const files = readdirSync(contentDir).filter((name) => /\.(txt|md)$/.test(name)).sort();

describe('ingestUpload with shared credit parses', () => {
  it.each(files)('%s: same article as parse and normalize apart', (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, contentDir)));
    const input = { key: name, bytes, fallbackDate: '2024-10-31T09:00:00Z' };
    const parsed = parseUpload({ key: name, bytes, maxBytes: DEFAULT_SITE.maxUploadBytes });
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const apart = normalizeArticle(parsed.value, { key: name, size: bytes.byteLength, fallbackDate: input.fallbackDate, site: DEFAULT_SITE });
    expect(ingestUpload(input, DEFAULT_SITE)).toEqual({ ok: true, value: apart });
  });

  it('parses a line once inside sharingCreditParses, afresh outside it', () => {
    const line = 'REUTERS/Maher Abou Taleb';
    sharingCreditParses(() => {
      expect(parseCredit(line)).toBe(parseCredit(line));
      // A nested call shares the outer one's parses.
      const outer = parseCredit(line);
      sharingCreditParses(() => expect(parseCredit(line)).toBe(outer));
    });
    expect(parseCredit(line)).not.toBe(parseCredit(line));
    expect(parseCredit(line)).toEqual(parseCredit(line));
    expect(parseCredit(line)).toMatchObject({ agency: 'Reuters', photographer: 'Maher Abou Taleb' });
  });

  it('stops sharing when the work throws', () => {
    expect(() => sharingCreditParses(() => { throw new Error('boom'); })).toThrow('boom');
    expect(parseCredit('AP')).not.toBe(parseCredit('AP'));
  });
});
