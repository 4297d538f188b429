import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../../functions/core/parse';
import type { UploadRejectionCode } from '../../../functions/core/model';

const MB = 1024 * 1024;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('parseUpload rejects what cannot be published, with a reason a person can act on', () => {
  const cases: { name: string; key: string; bytes: Uint8Array; maxBytes?: number; code: UploadRejectionCode; reason: string }[] = [
    { name: '0 bytes', key: 'a.txt', bytes: new Uint8Array(0), code: 'empty', reason: 'empty file (0 bytes)' },
    { name: 'only whitespace', key: 'a.txt', bytes: utf8(' \n\t\r\n  \n'), code: 'empty', reason: 'only whitespace (8 bytes)' },
    { name: 'only a BOM and newlines', key: 'a.md', bytes: bytes(0xef, 0xbb, 0xbf, 0x0a, 0x0a), code: 'empty', reason: 'only whitespace (5 bytes)' },
    {
      name: 'over the limit, in MB',
      key: 'big.txt',
      bytes: new Uint8Array(Math.round(3.1 * MB)).fill(0x61),
      maxBytes: 2 * MB,
      code: 'too-large',
      reason: '3.1 MB is over the 2 MB limit',
    },
    {
      name: 'one byte over the limit: exact sizes',
      key: 'big.txt',
      bytes: new Uint8Array(2 * MB + 1).fill(0x61),
      maxBytes: 2 * MB,
      code: 'too-large',
      reason: '2,097,153 bytes is over the 2,097,152-byte limit',
    },
    {
      name: 'JPEG bytes named .txt',
      key: 'photo.txt',
      bytes: bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46),
      code: 'binary',
      reason: 'binary content (JPEG) in a .txt upload',
    },
    {
      name: 'PNG bytes named .md',
      key: 'x.md',
      bytes: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13),
      code: 'binary',
      reason: 'binary content (PNG) in a .md upload',
    },
    { name: 'a PDF', key: 'x.txt', bytes: utf8('%PDF-1.7\n%âãÏÓ\n'), code: 'binary', reason: 'binary content (PDF) in a .txt upload' },
    { name: 'a .docx (ZIP)', key: 'x.txt', bytes: bytes(0x50, 0x4b, 0x03, 0x04, 20, 0), code: 'binary', reason: 'binary content (ZIP) in a .txt upload' },
    {
      name: 'a WebP',
      key: 'x.txt',
      bytes: utf8('RIFF\u0010\u0000\u0000\u0000WEBPVP8 '),
      code: 'binary',
      reason: 'binary content (WebP) in a .txt upload',
    },
    {
      name: 'NUL bytes without a UTF-16 BOM',
      key: 'x.txt',
      bytes: utf8('T\u0000i\u0000t\u0000l\u0000e\u0000'),
      code: 'binary',
      reason: 'binary content (NUL bytes; UTF-16 text needs a byte-order mark) in a .txt upload',
    },
    {
      name: 'a UTF-16 BOM on text that is not UTF-16 (lone surrogates)',
      key: 'x.txt',
      bytes: bytes(0xff, 0xfe, ...Array.from({ length: 20 }, (_, index) => (index % 2 ? 0xd8 : 0x41))),
      code: 'bad-encoding',
      reason: '100% of the text does not decode as utf-16le: save the file as UTF-8',
    },
    {
      name: 'mostly replacement characters',
      key: 'x.txt',
      bytes: utf8(`Title\n\n${'\uFFFD'.repeat(20)} ok`),
      code: 'bad-encoding',
      // 20 of 30 characters
      reason: '67% of the text does not decode as utf-8: save the file as UTF-8',
    },
    {
      name: 'a title line without words',
      key: 'x.txt',
      bytes: utf8('\n\n---\n\n'),
      code: 'no-title',
      reason: 'no title: the first line ("---") has no words; put the title on the first line or add a "Title:" header line',
    },
    {
      name: 'markdown without title or heading',
      key: 'x.md',
      bytes: utf8('---\ndate: 2025-01-02\n---\nJust a body.\n'),
      code: 'no-title',
      reason: 'no title: add "title:" to the front matter or start the text with "# Title"',
    },
    {
      name: 'unsupported extension',
      key: 'notes/report.docx',
      bytes: utf8('hello'),
      code: 'unsupported-type',
      reason: 'a .docx file is not an article: upload .txt, .md or .markdown',
    },
    {
      name: 'no extension',
      key: 'README',
      bytes: utf8('hello'),
      code: 'unsupported-type',
      reason: 'a file without extension is not an article: upload .txt, .md or .markdown',
    },
    {
      name: 'bad YAML: duplicate key, with its line',
      key: 'x.md',
      bytes: utf8('---\ntitle: One\ntitle: Two\n---\nBody'),
      code: 'bad-front-matter',
      reason: 'front matter is not valid YAML: duplicated mapping key at line 3, column 1',
    },
    {
      name: 'bad YAML: unclosed flow list',
      key: 'x.md',
      bytes: utf8('---\ntitle: Ok\ntags: [a, b\n---\nBody'),
      code: 'bad-front-matter',
      reason: expect.stringMatching(/^front matter is not valid YAML: .* at line 3, column \d+$/) as unknown as string,
    },
    {
      name: 'front matter never closed',
      key: 'x.md',
      bytes: utf8('---\ntitle: Ok\n\nBody'),
      code: 'bad-front-matter',
      reason: 'front matter opened by "---" on line 1 is never closed by a "---" line',
    },
    {
      name: 'front matter that is a list',
      key: 'x.md',
      bytes: utf8('---\n- a\n- b\n---\n# Title\n'),
      code: 'bad-front-matter',
      reason: 'front matter must be "key: value" lines, not a single value or a list',
    },
  ];

  it.each(cases)('$name -> $code', ({ key, bytes: input, maxBytes, code, reason }) => {
    const result = parseUpload({ key, bytes: input, maxBytes: maxBytes ?? 2 * MB });
    expect(result).toEqual({ ok: false, error: { code, reason, key, size: input.byteLength } });
  });

  it('accepts an upload of exactly the limit', () => {
    const text = utf8(`Title\n\n${'a'.repeat(100)}`);
    expect(parseUpload({ key: 'x.txt', bytes: text, maxBytes: text.byteLength }).ok).toBe(true);
  });

  it('accepts .md, .markdown and .txt in lower or upper case', () => {
    for (const key of ['a.MD', 'b.markdown', 'dir/c.MARKDOWN', 'd.TXT']) {
      expect(parseUpload({ key, bytes: utf8('# Hello\n\nBody'), maxBytes: MB }).ok, key).toBe(true);
    }
  });

  it('refuses a mixed-case extension, naming the two spellings the deployed pipeline is notified of', () => {
    const result = parseUpload({ key: 'dir/c.Markdown', bytes: utf8('# Hello\n\nBody'), maxBytes: MB });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unsupported-type');
    expect(result.error.reason).toContain('.markdown or .MARKDOWN');
  });
});
