// strictUtf8 (isUtf8 + toString) must accept and decode exactly what a fatal TextDecoder does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strictUtf8 } from '../../../functions/core/parse/decode';

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function reference(bytes: Uint8Array): string | undefined {
  try {
    return fatal.decode(bytes);
  } catch {
    return undefined;
  }
}
function check(bytes: Uint8Array): void {
  expect(strictUtf8(Buffer.from(bytes))).toBe(reference(bytes));
}

describe('strictUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], 'AB'],
    ['a BOM is kept', [0xef, 0xbb, 0xbf, 0x41], '\uFEFFA'],
    ['curly apostrophe', [0xe2, 0x80, 0x99], '’'],
    ['emoji', [0xf0, 0x9f, 0x98, 0x80], '😀'],
    ['Windows-1252 apostrophe', [0x92], undefined],
    ['overlong slash', [0xc0, 0xaf], undefined],
    ['encoded surrogate', [0xed, 0xa0, 0x80], undefined],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], undefined],
    ['truncated sequence', [0xe2, 0x80], undefined],
  ])('%s', (_name, bytes, expected) => {
    expect(strictUtf8(Buffer.from(bytes))).toBe(expected);
    check(Uint8Array.from(bytes));
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), check), { numRuns: 5000 });
  });

  it('agrees on UTF-8 text with a byte changed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (text, at, byte) => {
        const bytes = new TextEncoder().encode(text);
        check(bytes);
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        check(bytes);
      }),
      { numRuns: 5000 },
    );
  });
});
