// Is this upload a binary file (an image, a PDF, a Word file...) rather than text?
import { hasUtf16Bom } from './decode';

interface Signature {
  name: string;
  offset: number;
  bytes: readonly number[];
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

// Magic numbers of the files most often dropped into an uploads bucket by mistake. Each is long or
// specific enough that no plain-text article starts with it.
const SIGNATURES: readonly Signature[] = [
  { name: 'JPEG', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'PNG', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'GIF', offset: 0, bytes: ascii('GIF87a') },
  { name: 'GIF', offset: 0, bytes: ascii('GIF89a') },
  { name: 'WebP', offset: 8, bytes: ascii('WEBP') },
  { name: 'PDF', offset: 0, bytes: ascii('%PDF-') },
  { name: 'ZIP', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip', offset: 0, bytes: [0x1f, 0x8b] },
  { name: '7-Zip', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR', offset: 0, bytes: ascii('Rar!\x1a\x07') },
  { name: 'TIFF', offset: 0, bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: 'TIFF', offset: 0, bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: 'HEIF/MP4', offset: 4, bytes: ascii('ftyp') },
  { name: 'MS Office (OLE2)', offset: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'MP3', offset: 0, bytes: ascii('ID3') },
  { name: 'Ogg', offset: 0, bytes: ascii('OggS') },
  { name: 'WebAssembly', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
];

const SAMPLE_BYTES = 4096;
const RIFF = ascii('RIFF');

/**
 * Names the kind of binary content ("JPEG", "NUL bytes"...) or returns undefined for text.
 * UTF-16 with a BOM is text even though half its bytes are NUL.
 */
export function sniffBinary(bytes: Uint8Array): string | undefined {
  const signature = binarySignature(bytes);
  if (signature !== undefined) return signature;
  if (hasUtf16Bom(bytes)) return undefined;
  const sampleLength = Math.min(bytes.length, SAMPLE_BYTES);
  let nul = false;
  let controls = 0;
  // An indexed loop: this runs on every upload (for...of over a Uint8Array was 8 ns a byte).
  for (let i = 0; i < sampleLength; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x20) continue;
    if (byte === 0) nul = true;
    // C0 controls other than tab, LF, FF and CR never occur in typed or scraped text.
    else if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++;
  }
  if (nul) return 'NUL bytes; UTF-16 text needs a byte-order mark';
  if (controls > 8 && controls * 20 > sampleLength) return 'control bytes';
  return undefined;
}

/** The first part of sniffBinary: the kind of file named by its magic number, if any. */
export function binarySignature(bytes: Uint8Array): string | undefined {
  for (const signature of SIGNATURES) {
    if (startsWithAt(bytes, signature.offset, signature.bytes)) {
      // RIFF....WEBP: check the RIFF container too, so "12345678WEBP" in a text is not an image.
      if (signature.name === 'WebP' && !startsWithAt(bytes, 0, RIFF)) continue;
      return signature.name;
    }
  }
  return undefined;
}

function startsWithAt(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let index = 0; index < signature.length; index++) if (bytes[offset + index] !== signature[index]) return false;
  return true;
}
