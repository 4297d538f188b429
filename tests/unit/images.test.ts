import { describe, expect, it } from 'vitest';
import { attachImages, describeImage, type ImageAsset } from '../../functions/core/images';
import { isImageKey } from '../../functions/core/upload-keys';
import { contentHashOf } from '../../functions/core/normalize';
import { DEFAULT_SITE, type Article } from '../../functions/core/model';
import { png } from '../support/images';

// Minimal valid headers, written by hand: enough for a decoder to read type and size.
function gif(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(13);
  b.write('GIF89a', 0, 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  return new Uint8Array(b);
}
function jpeg(width: number, height: number): Uint8Array {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof0 = Buffer.alloc(19);
  sof0.set([0xff, 0xc0, 0x00, 0x11, 0x08]);
  sof0.writeUInt16BE(height, 5);
  sof0.writeUInt16BE(width, 7);
  sof0.set([0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01], 9);
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]));
}
function bmp(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(54);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(54, 2);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  return new Uint8Array(b);
}

describe('isImageKey', () => {
  it.each([
    ['a.jpg', true], ['a.JPEG', true], ['dir/b.png', true], ['c.gif', true], ['d.WEBP', true], ['e.avif', true], ['news/.png', true],
    ['a.txt', false], ['a.md', false], ['jpg', false], ['a.jpg.txt', false], ['a.bmp', false], ['a.svg', false],
    // The case rule (core/upload-keys.ts): lower or upper case, as the S3 filters see it; never mixed.
    ['d.WebP', false], ['IMG_1.Jpg', false],
  ])('%s -> %s', (key, expected) => expect(isImageKey(key)).toBe(expected));
});

describe('describeImage', () => {
  it.each([
    ['png', png(8, 6), 'image/png', 8, 6],
    ['gif', gif(300, 200), 'image/gif', 300, 200],
    ['jpg', jpeg(640, 480), 'image/jpeg', 640, 480],
  ])('reads a %s header', (ext, bytes, contentType, width, height) => {
    const result = describeImage(`x.${ext}`, bytes);
    expect(result).toMatchObject({ ok: true, value: { contentType, width, height } });
    if (result.ok) expect(result.value.path).toMatch(new RegExp(`^images/[0-9a-f]{16}\\.${ext}$`));
  });

  it('names the path by the real type and the bytes, not the key', () => {
    const a = describeImage('photo.jpg', png(8, 6));
    const b = describeImage('other/name.png', png(8, 6));
    const c = describeImage('photo.jpg', png(9, 6));
    expect(a.ok && a.value.path.endsWith('.png')).toBe(true);
    expect(a.ok && b.ok && a.value.path === b.value.path).toBe(true);
    expect(a.ok && c.ok && a.value.path !== c.value.path).toBe(true);
  });

  it.each([
    ['empty', new Uint8Array(), 'empty', /0 bytes/],
    ['text', new TextEncoder().encode('not an image at all'), 'binary', /not a readable image/],
    ['bmp', bmp(4, 4), 'unsupported-type', /BMP images are not published/],
  ])('rejects %s', (_name, bytes, code, reason) => {
    const result = describeImage('x.jpg', bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.reason).toMatch(reason);
      expect(result.error).toMatchObject({ key: 'x.jpg', size: bytes.byteLength });
    }
  });
});

describe('attachImages', () => {
  const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
  const asset = (path: string, width = 8, height = 6): ImageAsset => ({ path, contentType: 'image/png', width, height, bytes: new Uint8Array() });
  const article = (images: Article['images'], key = 'news/story.txt'): Article => {
    const base = {
      id: 'id', slug: 's', url: 'u', title: 'A story', summary: 's', contentHtml: '<p>x</p>', contentText: 'x', authors: ['Staff'],
      published: '2024-01-01T00:00:00Z', updated: '2024-01-01T00:00:00Z', tags: [], language: 'en', readingTimeMinutes: 1,
      images, repairs: [], warnings: [], source: { key, size: 1 }, contentHash: '',
    };
    return { ...base, contentHash: contentHashOf(base) };
  };

  it('fills an image that names an uploaded file (resolved against the article folder)', () => {
    const a = article([{ src: 'img/harbour.png', alt: 'Harbour', caption: 'The harbour' }]);
    const out = attachImages(a, new Map([['news/img/harbour.png', asset('images/abc.png', 8, 6)]]), site);
    expect(out.images).toEqual([
      { src: 'img/harbour.png', alt: 'Harbour', caption: 'The harbour', url: 'images/abc.png', width: 8, height: 6, type: 'image/png' },
    ]);
    expect(out.contentHash).not.toBe(a.contentHash);
    expect(out.contentHash).toBe(contentHashOf(out));
  });

  it('a sidecar fills the first image described without a file (seed case: caption + credit only)', () => {
    const credit = { display: 'Maher Abou Taleb/Reuters', handout: false, pool: false, raw: 'REUTERS/Maher Abou Taleb' };
    const a = article([{ alt: 'Rescuers', caption: 'Rescuers work', credit }]);
    const out = attachImages(a, new Map([['news/story.jpg', asset('images/side.png')]]), site);
    expect(out.images).toEqual([
      { alt: 'Rescuers', caption: 'Rescuers work', credit, src: 'story.jpg', url: 'images/side.png', width: 8, height: 6, type: 'image/png' },
    ]);
    // Attaching again is a no-op: the filled image now names the sidecar.
    expect(attachImages(out, new Map([['news/story.jpg', asset('images/side.png')]]), site)).toEqual(out);
  });

  it('a sidecar is appended when every image already has a file or URL', () => {
    const a = article([{ url: 'https://cdn.example.com/x.jpg', src: 'https://cdn.example.com/x.jpg', alt: 'X', caption: 'X' }]);
    const out = attachImages(a, new Map([['news/story.png', asset('images/side.png', 10, 5)]]), site);
    expect(out.images).toHaveLength(2);
    expect(out.images[1]).toEqual({ src: 'story.png', alt: 'A story', caption: '', url: 'images/side.png', width: 10, height: 5, type: 'image/png' });
  });

  it('ignores assets the article neither names nor has as sidecar', () => {
    const a = article([{ alt: 'A', caption: 'A' }]);
    const out = attachImages(a, new Map([['news/other.png', asset('images/o.png')], ['story.png', asset('images/root.png')]]), site);
    expect(out.images).toEqual(a.images);
    expect(out.contentHash).toBe(a.contentHash);
  });

  it('a named image without its upload stays as it is', () => {
    const a = article([{ src: 'missing.png', alt: 'M', caption: 'M' }]);
    expect(attachImages(a, new Map(), site).images).toEqual(a.images);
  });
});
