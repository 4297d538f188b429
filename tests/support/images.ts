// Image bytes for tests and benches: a PNG signature and IHDR chunk giving the stated size (what
// image-size reads), with optional salt bytes so each call can be a distinct image (and copy path).

/** A PNG of `width` x `height` (8-bit RGB) as far as its header goes, then 12 zero bytes and `salt`. */
export function png(width: number, height = width, salt = ''): Uint8Array {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(12), Buffer.from(salt)]));
}
