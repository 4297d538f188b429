import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../../functions/core/parse';

// Not allowed in XML 1.0 (feeds are XML), or not encodable (an unpaired surrogate).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => allStrings(item, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      allStrings(item, out);
    }
  }
  return out;
}

function checkInvariants(key: string, bytes: Uint8Array): void {
  const result = parseUpload({ key, bytes, maxBytes: 1024 * 1024 });
  if (result.ok) {
    for (const text of allStrings(result.value)) expect(XML_INVALID.test(text), JSON.stringify(text)).toBe(false);
    expect(result.value.title.trim()).not.toBe('');
  } else {
    expect(result.error.key).toBe(key);
    expect(result.error.size).toBe(bytes.byteLength);
    expect(result.error.reason.length).toBeGreaterThan(0);
  }
}

const keys = fc.constantFrom('a.txt', 'dir/b.md', 'c.markdown', 'd.TXT');
const encodings = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

function encode(text: string, encoding: (typeof encodings)[number]): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-16le':
      return Uint8Array.from([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Uint8Array.from([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
    case 'windows-1252':
      return Uint8Array.from(iconv.encode(text, 'windows-1252'));
  }
}

describe('parseUpload never throws and never outputs XML-invalid text', () => {
  it('on arbitrary bytes', () => {
    fc.assert(fc.property(keys, fc.uint8Array({ maxLength: 600 }), (key, bytes) => checkInvariants(key, bytes)), { numRuns: 1500 });
  });

  it('on arbitrary unicode text (lone surrogates included) in every accepted encoding', () => {
    fc.assert(
      fc.property(keys, fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...encodings), (key, text, encoding) =>
        checkInvariants(key, encode(text, encoding)),
      ),
      { numRuns: 1500 },
    );
  });

  it('on line-shaped text with headers, front matter, captions and boilerplate', () => {
    const line = fc.oneof(
      fc.constantFrom('', '---', 'Title: T', 'Tags: a, b', 'Image: x.png', 'Credit: AP Photo/Jo', 'More from X', 'Related',
        'REUTERS/Name', '# Heading', 'title: [x', 'images:', '  - src: a.png', 'date: 2025-01-01', 'Caption'),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(keys, fc.array(line, { maxLength: 25 }), (key, lines) => checkInvariants(key, new TextEncoder().encode(lines.join('\n')))),
      { numRuns: 1500 },
    );
  });
});

describe('parseUpload reads back what an editor wrote', () => {
  // Words that are never credit lines or boilerplate on their own: lower-case letters, ending in a full stop.
  const word = fc.stringMatching(/^[a-zà-ÿ]{1,10}$/);
  const sentence = fc.array(word, { minLength: 2, maxLength: 12 }).map((words) => `${words.join(' ')}.`);
  const title = fc.array(word, { minLength: 1, maxLength: 10 }).map((words) => `Title ${words.join(' ')}`);
  const article = fc.record({ title, paragraphs: fc.array(sentence, { minLength: 1, maxLength: 6 }) });

  it('header form: title and paragraphs come back exactly, in every encoding', () => {
    fc.assert(
      fc.property(article, fc.constantFrom(...encodings), ({ title: heading, paragraphs }, encoding) => {
        const text = `Title: ${heading}\nDate: 2025-05-06\n\n${paragraphs.join('\n\n')}\n`;
        const result = parseUpload({ key: 'a.txt', bytes: encode(text, encoding), maxBytes: 1024 * 1024 });
        expect(result.ok && result.value.title).toBe(heading);
        expect(result.ok && result.value.paragraphs).toEqual(paragraphs);
        // Pure ASCII is valid UTF-8, whatever encoding the editor's tool claims.
        const ascii = /^[\x00-\x7f]*$/.test(text);
        expect(result.ok && result.value.encoding).toBe(encoding === 'windows-1252' && ascii ? 'utf-8' : encoding);
      }),
      { numRuns: 500 },
    );
  });

  it('scrape form with CRLF and extra blank lines: same result as the clean LF text', () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 3 }), ({ title: heading, paragraphs }, blanks) => {
        const clean = `${heading}\n\n${paragraphs.join('\n\n')}`;
        const messy = `\r\n${heading}  \r\n${'\r\n'.repeat(blanks)}${paragraphs.join(`\r\n${'  \r\n'.repeat(blanks)}`)}\r\n\r\n`;
        const parse = (text: string) => parseUpload({ key: 'a.txt', bytes: new TextEncoder().encode(text), maxBytes: 1024 * 1024 });
        expect(parse(messy)).toEqual(parse(clean));
        const result = parse(clean);
        expect(result.ok && result.value.paragraphs).toEqual(paragraphs);
      }),
      { numRuns: 300 },
    );
  });
});
