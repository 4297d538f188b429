import { describe, expect, it } from 'vitest';
import { sniffBinary } from '../../../functions/core/parse/sniff';

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const bytes = (...parts: (number | number[])[]): Uint8Array => Uint8Array.from(parts.flat());

describe('sniffBinary', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xdb)],
    ['PNG', bytes(0x89, ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a)],
    ['GIF', bytes(ascii('GIF89a'), 1, 0)],
    ['WebP', bytes(ascii('RIFF'), 0x24, 0, 0, 0, ascii('WEBPVP8 '))],
    ['PDF', bytes(ascii('%PDF-1.7\n'))],
    ['ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0)],
    ['gzip', bytes(0x1f, 0x8b, 8, 0)],
    ['TIFF', bytes(0x49, 0x49, 0x2a, 0x00, 8, 0)],
    ['HEIF/MP4', bytes(0, 0, 0, 0x18, ascii('ftypheic'))],
    ['MS Office (OLE2)', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
    ['NUL bytes; UTF-16 text needs a byte-order mark', bytes(ascii('T'), 0, ascii('i'), 0)],
    ['control bytes', bytes(Array.from({ length: 40 }, (_, index) => (index % 2 ? 0x01 : 0x41)))],
  ])('%s', (kind, input) => {
    expect(sniffBinary(input)).toBe(kind);
  });

  it.each([
    ['plain text', bytes(ascii('Hello world\n'))],
    ['text starting with RIFF', bytes(ascii('RIFF raffles are back. WEBP'))],
    ['UTF-16LE with BOM (NULs are expected)', bytes(0xff, 0xfe, ascii('H'), 0, ascii('i'), 0)],
    ['UTF-16BE with BOM', bytes(0xfe, 0xff, 0, ascii('H'), 0, ascii('i'))],
    ['UTF-8 with BOM', bytes(0xef, 0xbb, 0xbf, ascii('Hi'))],
    ['Windows-1252 accents', bytes(ascii('caf'), 0xe9, 0x20, 0x96, 0x20, 0x93, ascii('q'), 0x94)],
    ['a few stray control bytes in a long text', bytes(ascii('a'.repeat(400)), 0x07, 0x1b, ascii('b'.repeat(400)))],
    ['empty', bytes()],
  ])('text: %s', (_name, input) => {
    expect(sniffBinary(input)).toBeUndefined();
  });
});
