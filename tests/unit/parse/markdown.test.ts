import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../functions/core/parse/markdown';

function parsed(text: string) {
  const result = parseMarkdown(text);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('parseMarkdown', () => {
  it('front matter keys lower-cased, values as written, dates kept as written, null and blank left out', () => {
    const value = parsed('---\nTitle: Hello\nDate: 2025-04-30\nTags: [a, b, ""]\nAuthor: Ann Lee\nDraft: false\nCount: 3\nEmpty: ~\nBlank: " "\n---\nBody text.\n');
    expect(value.title).toBe('Hello');
    expect(value.meta).toEqual({ title: 'Hello', date: '2025-04-30', tags: ['a', 'b'], author: 'Ann Lee', draft: 'false', count: '3' });
    expect(value.markdown).toBe('Body text.');
  });

  it('numbers stay as written: a version "3.10" and a code "007" are not 3.1 and 7', () => {
    expect(parsed('---\ntitle: T\nversion: 3.10\ncode: 007\nhex: 0x1F\nbig: 12345678901234567890\n---\nx').meta).toEqual({
      title: 'T', version: '3.10', code: '007', hex: '0x1F', big: '12345678901234567890',
    });
  });

  it('a scalar alias is only a copy of a string', () => {
    expect(parsed('---\ntitle: &t Same\nsummary: *t\n---\nx').meta).toEqual({ title: 'Same', summary: 'Same' });
  });

  it('a quoted value with ": " is fine; a quoted "null" is the word, a bare null is no value', () => {
    expect(parsed('---\ntitle: "Breaking: storm"\na: "null"\nb: null\n---\nx').meta).toEqual({ title: 'Breaking: storm', a: 'null' });
  });

  it('an explicit YAML timestamp becomes an ISO string', () => {
    expect(parsed('---\ntitle: T\ndate: !!timestamp 2025-04-30T10:15:00Z\n---\nx').meta.date).toBe('2025-04-30T10:15:00Z');
    expect(parsed('---\ntitle: T\ndate: !!timestamp 2025-04-30\n---\nx').meta.date).toBe('2025-04-30');
  });

  it('an impossible date stays the text as written (no roll-over into another month)', () => {
    expect(parsed('---\ntitle: T\ndate: 2025-13-45\n---\nx').meta.date).toBe('2025-13-45');
  });

  it.each([
    ['title from the first # heading, removed from the body', '# The heading\n\nBody.', 'The heading', 'Body.'],
    ['closing hashes are not part of the title', '# The heading ##\n\nBody.', 'The heading', 'Body.'],
    ['front matter title wins; a different heading stays', '---\ntitle: Front\n---\n# Other\n\nBody.', 'Front', '# Other\n\nBody.'],
    ['a heading equal to the front matter title is not shown twice', '---\ntitle: Same\n---\n\n# Same\n\nBody.', 'Same', 'Body.'],
    ['a ## heading is not a title', '## Section\n\nBody.', '', '## Section\n\nBody.'],
    ['a # line inside fenced code is not a title', '```sh\n# comment\n```\n\n# Real\n', 'Real', '```sh\n# comment\n```'],
    ['no front matter at all', 'Just text.', '', 'Just text.'],
  ])('%s', (_name, text, title, markdown) => {
    const value = parsed(text);
    expect(value.title).toBe(title);
    expect(value.markdown).toBe(markdown);
  });

  it.each([
    {
      name: 'image file name with top-level caption, credit, alt',
      yaml: 'image: 010_harbour.png\ncaption: Ships.\ncredit: AP Photo/Jo\nalt: Two ships',
      images: [{ src: '010_harbour.png', caption: 'Ships.', credit: 'AP Photo/Jo', alt: 'Two ships' }],
    },
    {
      name: 'image as a map',
      yaml: 'image:\n  src: https://x.test/a.jpg\n  caption: A.\n  credit: Pool',
      images: [{ src: 'https://x.test/a.jpg', caption: 'A.', credit: 'Pool' }],
    },
    {
      name: 'caption and credit without a file (as in a scrape)',
      yaml: 'caption: A.\ncredit: Handout',
      images: [{ caption: 'A.', credit: 'Handout' }],
    },
    {
      name: 'images list of strings and maps, after image',
      yaml: 'image: lead.jpg\nimages:\n  - one.jpg\n  - src: two.jpg\n    caption: Two.\n    credit: AFP via Getty Images\n    alt: Second',
      images: [
        { src: 'lead.jpg', caption: '' },
        { src: 'one.jpg', caption: '' },
        { src: 'two.jpg', caption: 'Two.', credit: 'AFP via Getty Images', alt: 'Second' },
      ],
    },
    { name: 'no image keys', yaml: 'tags: [x]', images: [] },
  ])('$name', ({ yaml, images }) => {
    expect(parsed(`---\ntitle: T\n${yaml}\n---\nBody`).images).toEqual(images);
  });

  it('an images entry that is neither a name nor a map is skipped with a warning', () => {
    const value = parsed('---\ntitle: T\nimages:\n  - [1, 2]\n  - {}\n---\nx');
    expect(value.images).toEqual([]);
    expect(value.warnings).toEqual([
      'front matter images[0] is neither a file name nor a {src, caption, credit, alt} map: ignored',
      'front matter images[1] has no src, caption or credit: ignored',
    ]);
  });

  it.each([
    ['---\ntitle: [x\n---\nBody', /^front matter is not valid YAML: .* at line 2, column \d+$/],
    ['---\ntitle: a: b\n---\n', /^front matter is not valid YAML: .* at line 2, column 9: quote a value that contains ": " \(title: "Breaking: storm"\)$/],
    ['---\nt: ' + '['.repeat(101) + '\n---\n', /^front matter is not valid YAML: nesting deeper than 100 at line 2, column \d+$/],
    ['---\na: &x [1, 2]\nb: *x\n---\n', /^front matter is not valid YAML: a list or map is used again through an alias \(\*name\); write it out instead$/],
    ['---\na: &x [1, *x]\n---\n', /alias/],
    [`---\ntitle: x\n${'k: v\n'.repeat(14_000)}---\n`, /^front matter is 68.4 KB long; the limit is 64 KB: is the closing "---" line missing\?$/],
    ['---\ntitle: x\n', /^front matter opened by "---" on line 1 is never closed by a "---" line$/],
    ['---\njust a sentence\n---\nBody', /^front matter must be "key: value" lines/],
  ])('rejects bad front matter: %j', (text, reason) => {
    const result = parseMarkdown(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('header lines instead of front matter are read like in a .txt', () => {
    const value = parsed('Title: Typed by hand\nDate: 2025-08-01\nTags: a, b\nImage: a.png\nCredit: Handout\n\nBody with *emphasis*.\n');
    expect(value).toEqual({
      title: 'Typed by hand',
      meta: { title: 'Typed by hand', date: '2025-08-01', tags: ['a', 'b'], image: 'a.png', credit: 'Handout' },
      markdown: 'Body with *emphasis*.',
      images: [{ src: 'a.png', caption: '', credit: 'Handout' }],
      warnings: [],
    });
  });

  it('a first line that is not a known header stays body', () => {
    expect(parsed('Note: this is body text.\n\n# Title\n')).toMatchObject({ title: 'Title', meta: {}, markdown: 'Note: this is body text.' });
  });

  it.each(['---js', '---javascript', '--- js', '---coffee', '---json'])(
    'never runs code: "%s" front matter is rejected, not evaluated',
    (opening) => {
      const flag = globalThis as { frontMatterRan?: boolean };
      flag.frontMatterRan = false;
      const result = parseMarkdown(`${opening}\n{ title: (globalThis.frontMatterRan = true, "x") }\n---\nBody`);
      expect(flag.frontMatterRan).toBe(false);
      expect(result).toEqual({
        ok: false,
        reason: `front matter must open with a line of just "---" and be YAML; "${opening}" is not accepted`,
      });
    },
  );

  it('a line of five dashes at the top is a Markdown rule, not front matter', () => {
    expect(parsed('-----\n\n# Title\n\nBody.')).toMatchObject({ title: 'Title', meta: {} });
  });

  it('a "__proto__" key stays data: nothing is inherited through it', () => {
    const value = parsed('---\ntitle: T\n__proto__:\n  author: Mallory\n---\nx');
    expect(value.meta.author).toBeUndefined();
    expect(Object.getPrototypeOf(value.meta)).toBe(Object.prototype);
    expect(Object.keys(value.meta)).toEqual(['title', '__proto__']);
  });

  it('a YAML alias bomb is rejected, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((key, index) => `${key}: &${key} [${Array(10).fill(`*${'abcdefg'[index]}`).join(', ')}]`)];
    const result = parseMarkdown(`---\ntitle: T\n${bomb.join('\n')}\n---\nx`);
    expect(result.ok ? 'accepted' : result.reason).toMatch(/^front matter is not valid YAML: /);
  });

  it('does not share objects between two parses of the same text (gray-matter caches by default)', () => {
    const text = '---\ntitle: T\ntags: [a]\n---\nx';
    const first = parsed(text);
    (first.meta.tags as string[]).push('mutated');
    expect(parsed(text).meta.tags).toEqual(['a']);
  });
});
