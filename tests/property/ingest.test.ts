// Invariants of ingestUpload / normalizeArticle over arbitrary uploads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestUpload } from '../../functions/core/ingest';
import { DEFAULT_SITE, type Article, type RawArticle } from '../../functions/core/model';
import { normalizeArticle } from '../../functions/core/normalize';

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const site = { ...DEFAULT_SITE, publisher: 'Example News' };
const fallbackDate = '2025-01-01T00:00:00Z';

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings([k, v], out);
  return out;
}

const key = fc.constantFrom('a.txt', 'b.md', 'dir/c.TXT', 'd.markdown');
// Text that looks like an upload: header lines, captions, credits, fused names, markup, odd characters.
const line = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constantFrom(
    'Title: Some headline', 'Author: Jane Roe and John Doe', 'Date: 2024-10-31', 'Date: not a date', 'Tags: a, B, a',
    'Kim Ghattasdescribed it.', 'Netanyahu met Netanyahureportedly.', 'REUTERS/Maher Abou Taleb', 'More from GZERO Media',
    '---', 'title: "x"', '# Heading', '<script>alert(1)</script>', '[l](javascript:x)', '“quoted” – dash', 'â€™ mojibake', '',
  ),
);
const text = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));
const encoded = fc.tuple(text, fc.constantFrom('utf8', 'utf16le', 'latin1') as fc.Arbitrary<BufferEncoding>).map(([t, enc]) => {
  const body = Buffer.from(t, enc);
  return new Uint8Array(enc === 'utf16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
});
const bytes = fc.oneof(fc.uint8Array({ maxLength: 400 }), encoded);

describe('ingestUpload properties', () => {
  it('never throws; a rejection has a reason; an Article has no XML-invalid character anywhere', () => {
    fc.assert(
      fc.property(key, bytes, (k, b) => {
        const result = ingestUpload({ key: k, bytes: b, fallbackDate, metadata: { author: 'M\u0001eta', credit: 'Jane\u0000 Doe/A\uFFFEFP', caption: '\uD800cap' } }, site);
        if (!result.ok) {
          expect(result.error.reason.length).toBeGreaterThan(0);
          return;
        }
        for (const s of strings(result.value)) expect(s).not.toMatch(XML_INVALID);
        expect(result.value.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(result.value.slug.length).toBeLessThanOrEqual(80);
        expect(result.value.summary.length).toBeLessThanOrEqual(300);
        expect(result.value.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }),
      { numRuns: 400 },
    );
  });

  it('contentHash is stable: same bytes, same hash, whatever the date or etag', () => {
    fc.assert(
      fc.property(key, encoded, (k, b) => {
        const one = ingestUpload({ key: k, bytes: b, fallbackDate }, site);
        const two = ingestUpload({ key: k, bytes: b, fallbackDate: '2030-06-01T00:00:00Z', etag: '"x"' }, site);
        expect(two.ok).toBe(one.ok);
        if (one.ok && two.ok) expect(two.value.contentHash).toBe(one.value.contentHash);
      }),
      { numRuns: 200 },
    );
  });

  it('normalizing its own text output again changes nothing', () => {
    const again = (a: Article): Article => {
      const raw: RawArticle = {
        format: 'txt', encoding: 'utf-8', title: a.title, meta: { authors: a.authors, tags: a.tags, language: a.language, summary: a.summary },
        paragraphs: a.contentText === '' ? [] : a.contentText.split('\n\n'),
        images: a.images.map((i) => ({ caption: i.caption, alt: i.alt, ...(i.src !== undefined && { src: i.src }), ...(i.credit && { credit: i.credit.raw }) })),
        ...(a.publisher !== undefined && { publisher: a.publisher }), warnings: [],
      };
      return normalizeArticle(raw, { key: a.source.key, size: a.source.size, fallbackDate: a.published, site });
    };
    fc.assert(
      fc.property(key.filter((k) => k.toLowerCase().endsWith('.txt')), encoded, (k, b) => {
        const first = ingestUpload({ key: k, bytes: b, fallbackDate }, site);
        if (!first.ok) return;
        const second = again(first.value);
        for (const field of ['title', 'slug', 'summary', 'contentHtml', 'contentText', 'authors', 'tags', 'images', 'language', 'publisher', 'contentHash'] as const) {
          expect(second[field]).toEqual(first.value[field]);
        }
        expect(second.repairs).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
