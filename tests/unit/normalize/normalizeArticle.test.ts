// Precedence and field rules of normalizeArticle, on RawArticles built by hand.
import { describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../../functions/core/ids';
import { DEFAULT_SITE, type RawArticle } from '../../../functions/core/model';
import { normalizeArticle, type NormalizeContext } from '../../../functions/core/normalize';

const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', defaultAuthor: 'Desk', publisher: 'Example News' };
const raw = (over: Partial<RawArticle> = {}): RawArticle => ({
  format: 'txt', encoding: 'utf-8', title: 'A  title ', meta: {}, paragraphs: ['First  paragraph.', '', 'Second.'], images: [], warnings: [], ...over,
});
const ctx = (over: Partial<NormalizeContext> = {}): NormalizeContext => ({ key: 'news/a.txt', size: 10, fallbackDate: '2025-03-04T05:06:07.890Z', site, ...over });

describe('normalizeArticle: defaults', () => {
  const a = normalizeArticle(raw(), ctx());
  it.each([
    ['id', articleIdForKey('news/a.txt')],
    ['title', 'A title'],
    ['slug', 'a-title'],
    ['url', 'articles/a-title/'],
    ['summary', 'First paragraph.'],
    ['contentHtml', '<p>First paragraph.</p>\n<p>Second.</p>'],
    ['contentText', 'First paragraph.\n\nSecond.'],
    ['authors', ['Desk']],
    ['publisher', 'Example News'],
    ['published', '2025-03-04T05:06:07Z'],
    ['updated', '2025-03-04T05:06:07Z'],
    ['tags', []],
    ['language', 'en'],
    ['readingTimeMinutes', 1],
    ['images', []],
    ['repairs', []],
    ['warnings', []],
    ['source', { key: 'news/a.txt', size: 10 }],
  ])('%s', (field, expected) => expect(a[field as keyof typeof a]).toEqual(expected));

  it('no publisher anywhere: the field is absent', () => {
    expect('publisher' in normalizeArticle(raw(), ctx({ site: DEFAULT_SITE }))).toBe(false);
  });
});

describe('normalizeArticle: the file ranks above S3 metadata, which ranks above the site', () => {
  const metadata = { title: 'Meta title', author: 'Meta Author', date: '2020-01-02', tags: 'm1, m2', slug: 'meta-slug', summary: 'Meta summary', language: 'de' };
  it.each([
    ['file wins', { author: 'File Author', date: '2024-10-31', tags: ['f1'], slug: 'file-slug', summary: 'File summary', language: 'fr' },
      { authors: ['File Author'], published: '2024-10-31T00:00:00Z', tags: ['f1'], slug: 'file-slug', summary: 'File summary', language: 'fr', title: 'A title' }],
    ['metadata fills gaps', {},
      { authors: ['Meta Author'], published: '2020-01-02T00:00:00Z', tags: ['m1', 'm2'], slug: 'meta-slug', summary: 'Meta summary', language: 'de', title: 'A title' }],
  ])('%s', (_name, meta, expected) => {
    expect(normalizeArticle(raw({ meta }), ctx({ metadata }))).toMatchObject(expected);
  });

  it('publisher: parsed > front matter > site', () => {
    expect(normalizeArticle(raw({ publisher: 'GZERO Media', meta: { publisher: 'Other' } }), ctx()).publisher).toBe('GZERO Media');
    expect(normalizeArticle(raw({ meta: { publisher: 'Front Matter' } }), ctx()).publisher).toBe('Front Matter');
  });

  it('an invalid date warns and falls back, an invalid slug or language warns too', () => {
    const a = normalizeArticle(raw({ meta: { date: 'someday', slug: 'Bad Slug!', language: 'english' } }), ctx());
    expect(a.published).toBe('2025-03-04T05:06:07Z');
    expect(a.slug).toBe('a-title');
    expect(a.language).toBe('en'); // short text: site default
    expect(a.warnings).toEqual([
      'slug "Bad Slug!" is not valid (a-z, 0-9 and single hyphens, at most 80 chars): using the title',
      'date "someday" is not a date (use 2024-10-31 or 2024-10-31T09:00:00Z): using the upload time',
      'language "english" is not a BCP 47 tag like "en" or "pt-BR": detecting it',
    ]);
  });

  it('parser warnings come first and are kept', () => {
    expect(normalizeArticle(raw({ warnings: ['decoded as windows-1252'] }), ctx()).warnings).toEqual(['decoded as windows-1252']);
  });
});

describe('normalizeArticle: images', () => {
  it('caption cleaned, alt from caption, credit parsed, url only for absolute http(s) src', () => {
    const a = normalizeArticle(raw({
      images: [
        { caption: ' A  harbour ', credit: 'REUTERS/Maher Abou Taleb' },
        { src: 'https://cdn.example.com/x.jpg', caption: 'X', alt: 'Alt X' },
        { src: 'img/y.png', caption: '' },
      ],
    }), ctx());
    expect(a.images[0]).toMatchObject({ caption: 'A harbour', alt: 'A harbour', credit: { raw: 'REUTERS/Maher Abou Taleb' } });
    expect(a.images[0]?.url).toBeUndefined();
    expect(a.images[1]).toEqual({ url: 'https://cdn.example.com/x.jpg', src: 'https://cdn.example.com/x.jpg', alt: 'Alt X', caption: 'X' });
    expect(a.images[2]).toEqual({ src: 'img/y.png', alt: '', caption: '' });
  });

  it('XML-invalid characters from S3 metadata do not reach the credit, even its raw line', () => {
    const a = normalizeArticle(raw(), ctx({ metadata: { caption: 'Cap\u0001tion', credit: 'Jane\u0000 Doe/AFP' } }));
    expect(a.images[0]).toMatchObject({ caption: 'Caption', credit: { raw: 'Jane Doe/AFP' } });
  });

  it('x-amz-meta caption and credit describe the lead image when the file does not', () => {
    const metadata = { caption: 'Meta caption', credit: 'Jane Doe/AFP' };
    expect(normalizeArticle(raw(), ctx({ metadata })).images).toMatchObject([{ caption: 'Meta caption', credit: { raw: 'Jane Doe/AFP' } }]);
    const fromFile = normalizeArticle(raw({ images: [{ caption: 'File caption', credit: 'AP Photo/Evan Vucci' }] }), ctx({ metadata }));
    expect(fromFile.images).toMatchObject([{ caption: 'File caption', credit: { raw: 'AP Photo/Evan Vucci' } }]);
  });
});

describe('normalizeArticle: markdown', () => {
  it('sanitized HTML, text from it, no fused-word repair (authored text, URLs untouched)', () => {
    const a = normalizeArticle(raw({
      format: 'md', paragraphs: [], markdown: 'Netanyahu said.\n\nThen Netanyahureportedly left, see [link](https://x.example/Netanyahureportedly).\n\n<script>x</script>',
    }), ctx());
    expect(a.contentHtml).toBe('<p>Netanyahu said.</p>\n<p>Then Netanyahureportedly left, see <a href="https://x.example/Netanyahureportedly">link</a>.</p>');
    expect(a.contentText).toBe('Netanyahu said.\n\nThen Netanyahureportedly left, see link.');
    expect(a.repairs).toEqual([]);
  });

  it('the summary is the first prose paragraph, not a heading or list', () => {
    const a = normalizeArticle(raw({ format: 'md', paragraphs: [], markdown: '## Background\n\n- point\n\nThe *first* paragraph &amp; more.\n\nSecond.' }), ctx());
    expect(a.summary).toBe('The first paragraph & more.');
  });
});

describe('normalizeArticle: slug fallback and long text', () => {
  it('an emoji-only title gets article-<hash>', () => {
    expect(normalizeArticle(raw({ title: '🎉' }), ctx({ key: 'k.txt' })).slug).toBe('article-1d55840c');
  });

  it('language is detected on 200+ chars of text', () => {
    const paragraphs = ["Le conseil municipal a approuvé le budget mardi après un long débat sur les bus, les bibliothèques et le coût de la réparation des vieux ponts. Les habitants ont demandé un service plus fréquent le soir et le week-end."];
    expect(normalizeArticle(raw({ paragraphs }), ctx()).language).toBe('fr');
  });
});
