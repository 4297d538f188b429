import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import type { ArticleImage } from '../../../functions/core/model';
import { contentHashOf } from '../../../functions/core/normalize/rules/hash';

const base = {
  title: 'T', summary: 'S', contentHtml: '<p>B</p>', authors: ['A'], tags: ['x'], language: 'en', publisher: 'P',
  images: [{ caption: 'C', alt: 'C', src: 'a.jpg' }] as ArticleImage[],
};
const image = base.images[0] as ArticleImage;

describe('contentHashOf', () => {
  it('is sha256 hex of the canonical JSON (checked independently)', () => {
    const canonical = JSON.stringify(['T', 'S', '<p>B</p>', ['A'], ['x'], [[null, 'a.jpg', 'C', 'C', null, null, null, null]], 'en', 'P']);
    expect(contentHashOf(base)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it.each([
    ['title', { title: 'T2' }],
    ['summary', { summary: 'S2' }],
    ['body', { contentHtml: '<p>B2</p>' }],
    ['authors', { authors: ['A', 'B'] }],
    ['tags', { tags: [] }],
    ['language', { language: 'fr' }],
    ['publisher', { publisher: undefined }],
    ['an image url', { images: [{ ...image, url: 'https://x/a.jpg' }] }],
    ['a credit', { images: [{ ...image, credit: { display: 'D', handout: false, pool: false, raw: 'D' } }] }],
  ] as [string, Partial<typeof base>][])('changes with %s', (_name, change) => {
    expect(contentHashOf({ ...base, ...change })).not.toBe(contentHashOf(base));
  });

  it('ignores key order inside images and anything that is not content', () => {
    const reordered = { ...base, images: [{ src: 'a.jpg', alt: 'C', caption: 'C' }] };
    const withDates = { ...base, published: '2024-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z', source: { key: 'k', size: 1 } };
    expect(contentHashOf(reordered)).toBe(contentHashOf(base));
    expect(contentHashOf(withDates)).toBe(contentHashOf(base));
  });
});

describe('contentHashOf canonical text', () => {
  // Strings with and without what JSON must escape: quotes, backslashes, newlines, controls, surrogate pairs and lone halves.
  const text = fc.array(fc.constantFrom('a', ' ', '"', '\\', '\n', '\t', '\u0001', '\u001f', '’', '😀', '\uD800', '\uDC00', '<p>', '&amp;'), { maxLength: 20 }).map((parts) => parts.join(''));
  it('is the sha256 of JSON.stringify of the fields, for any text', () => {
    fc.assert(
      fc.property(text, text, text, (title, summary, contentHtml) => {
        const fields = { ...base, title, summary, contentHtml };
        const canonical = JSON.stringify([title, summary, contentHtml, ['A'], ['x'], [[null, 'a.jpg', 'C', 'C', null, null, null, null]], 'en', 'P']);
        expect(contentHashOf(fields)).toBe(createHash('sha256').update(canonical).digest('hex'));
      }),
      { numRuns: 2000 },
    );
  });
});
