// parseUpload counts control bytes only when decoding saw a control character: the verdict must stay
// exactly sniffBinary's, for any bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../../functions/core/parse';
import { sniffBinary } from '../../../functions/core/parse/sniff';

// Bytes rich in what matters: NUL and other controls, tab/CR/LF, UTF-8 lead bytes, Windows-1252 bytes, BOMs.
const byte = fc.oneof(fc.constantFrom(0x00, 0x01, 0x07, 0x09, 0x0a, 0x0c, 0x0d, 0x1b, 0x7f, 0x81, 0x92, 0xc2, 0xc3, 0xe2, 0xef, 0xbb, 0xbf, 0xfe, 0xff, 0x80, 0x99), fc.integer({ min: 0x20, max: 0x7e }));
const bytes = fc.array(byte, { minLength: 1, maxLength: 120 }).map((values) => Uint8Array.from(values));

describe('parseUpload binary verdict', () => {
  it('rejects as binary exactly when sniffBinary names binary content', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const result = parseUpload({ key: 'a.txt', bytes: input, maxBytes: 1_000_000 });
        const sniffed = sniffBinary(input);
        if (sniffed !== undefined) expect(result).toMatchObject({ ok: false, error: { code: 'binary' } });
        else expect(result.ok || result.error.code !== 'binary').toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
