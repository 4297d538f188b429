import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleSite, type ContentFile } from '../../../functions/build/assemble';
import { DEFAULT_SITE } from '../../../functions/core/model';

const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function file(key: string, body: string | Uint8Array, fallbackDate = '2024-10-01T00:00:00Z'): ContentFile {
  return { key, bytes: typeof body === 'string' ? text(body) : body, fallbackDate };
}

const FILES: ContentFile[] = [
  file('a.txt', 'Same title\n\nBody of a.\n', '2024-10-03T00:00:00Z'),
  file('b/c.txt', 'Same title\n\nBody of c.\n', '2024-10-02T00:00:00Z'),
  file('b.txt', 'Same title\n\nBody of b.\n', '2024-10-04T00:00:00Z'),
  file('d.md', '---\ntitle: Other\n---\nText.\n', '2024-09-30T00:00:00Z'),
  file('empty.txt', ''),
  file('broken.png', 'not a png'),
];

describe('assembleSite', () => {
  it('claims slugs in key order, orders articles newest first and lists rejections by key', () => {
    const result = assembleSite(FILES, site);
    expect(result.articles.map((a) => [a.source.key, a.slug, a.url])).toEqual([
      ['b.txt', 'same-title-2', 'articles/same-title-2/'],
      ['a.txt', 'same-title', 'articles/same-title/'],
      ['b/c.txt', 'same-title-3', 'articles/same-title-3/'],
      ['d.md', 'other', 'articles/other/'],
    ]);
    expect(result.rejected.map((r) => [r.key, r.code])).toEqual([
      ['broken.png', 'binary'],
      ['empty.txt', 'empty'],
    ]);
    expect(result.status).toEqual({
      articles: 4,
      lastPublish: '2024-10-04T00:00:00Z',
      quarantined: result.rejected.map((r) => ({ key: r.key, code: r.code, reason: r.reason, time: '2024-10-01T00:00:00Z', size: r.size })),
    });
  });

  it('gives the same result whatever order the folder is listed in', () => {
    const expected = assembleSite(FILES, site);
    fc.assert(
      fc.property(fc.shuffledSubarray(FILES, { minLength: FILES.length, maxLength: FILES.length }), (shuffled) => {
        expect(assembleSite(shuffled, site)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});
