// normalizeArticle writes the JSON of the .txt body HTML itself (no escape scan): the hash must stay
// contentHashOf of the article, for any paragraphs (quotes, backslashes, controls, surrogates, odd spaces).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type RawArticle } from '../../../functions/core/model';
import { contentHashOf, normalizeArticle } from '../../../functions/core/normalize';

const piece = fc.constantFrom('a', 'Word', ' ', '"', "'", '\\', '\n', '\t', '\r', '\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '&', '<', '>', '😀', '\uD800', '\uDFFF', '\u00A0', '’');
const paragraph = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));

describe('content hash of a .txt article', () => {
  it('is contentHashOf(article) for any paragraphs', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), (paragraphs) => {
        const raw: RawArticle = { format: 'txt', encoding: 'utf-8', title: 'T', meta: {}, paragraphs, images: [], warnings: [] };
        const article = normalizeArticle(raw, { key: 'a.txt', size: 1, fallbackDate: '2024-10-31T09:00:00Z', site: DEFAULT_SITE });
        expect(article.contentHash).toBe(contentHashOf(article));
      }),
      { numRuns: 3000 },
    );
  });
});
