// ingestUpload hands the parser's credit parses to the normalizer: the article must be exactly what
// parse + normalize give without that memo, for every sample upload.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestUpload } from '../../functions/core/ingest';
import { DEFAULT_SITE } from '../../functions/core/model';
import { normalizeArticle } from '../../functions/core/normalize';
import type { CreditMemo } from '../../functions/core/normalize/credits';
import { parseUpload } from '../../functions/core/parse';

const contentDir = new URL('../../content/', import.meta.url);
const files = readdirSync(contentDir).filter((name) => /\.(txt|md)$/.test(name)).sort();

describe('ingestUpload with the credit memo', () => {
  it.each(files)('%s: same article as without it', (name) => {
    const bytes = new Uint8Array(readFileSync(new URL(name, contentDir)));
    const input = { key: name, bytes, fallbackDate: '2024-10-31T09:00:00Z' };
    const parsed = parseUpload({ key: name, bytes, maxBytes: DEFAULT_SITE.maxUploadBytes });
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const without = normalizeArticle(parsed.value, { key: name, size: bytes.byteLength, fallbackDate: input.fallbackDate, site: DEFAULT_SITE });
    expect(ingestUpload(input, DEFAULT_SITE)).toEqual({ ok: true, value: without });
  });

  it('records the seed credit line while parsing', () => {
    const creditMemo: CreditMemo = new Map();
    const bytes = new Uint8Array(readFileSync(new URL('000_47caeb000f8095de.txt', contentDir)));
    parseUpload({ key: 'seed.txt', bytes, maxBytes: DEFAULT_SITE.maxUploadBytes, creditMemo });
    expect([...creditMemo.keys()]).toContain('REUTERS/Maher Abou Taleb');
    expect(creditMemo.get('REUTERS/Maher Abou Taleb')).toMatchObject({ agency: 'Reuters', photographer: 'Maher Abou Taleb' });
  });
});
