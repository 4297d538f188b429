// Adversarial uploads at the 2 MB size limit, one per construct that was (or could be) super-linear in
// the parse + normalize path: each gets its deterministic verdict (the caps of parse/markdownLimits.ts and
// the front-matter limits) well within a generous bound. CPU time of this process, so a busy shared
// machine does not fail the test; the bound is ~10x what a quiet machine needs.
import { describe, expect, it } from 'vitest';
import { ingestUpload } from '../../../functions/core/ingest';
import { DEFAULT_SITE } from '../../../functions/core/model';

const LIMIT = DEFAULT_SITE.maxUploadBytes; // 2 MiB
const BOUND_MS = 1000;

/** `unit` repeated to fill what is left of the size limit after `head` and `tail`. */
const fill = (head: string, unit: string, tail = ''): string =>
  head + unit.repeat(Math.floor((LIMIT - 64 - head.length - tail.length) / unit.length)) + tail;
const words = 'The minister said the talks would go on through the night. ';
const nestedLines = (depth: number, line: (level: number) => string): string =>
  Array.from({ length: depth }, (_, level) => line(level)).join('\n');

type Verdict = 'ok' | 'too-complex' | 'bad-front-matter' | 'no-title';
const cases: { name: string; key: string; text: string; verdict: Verdict; reason?: RegExp }[] = [
  // Front matter (YAML).
  { name: 'blank lines inside front matter', key: 'a.md', text: fill('---\ntitle: T\n', '\n', '---\nBody.'), verdict: 'bad-front-matter', reason: /^front matter is 2 MB long; the limit is 64 KB/ },
  { name: 'blank lines inside front matter, .txt', key: 'a.txt', text: fill('---\ntitle: T\n', '\n', '---\nBody.'), verdict: 'bad-front-matter' },
  { name: '150k YAML keys', key: 'a.md', text: `---\ntitle: T\n${Array.from({ length: 150_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nBody.`, verdict: 'bad-front-matter' },
  { name: 'YAML keys just under 64 KB', key: 'a.md', text: fill(`---\ntitle: T\n${Array.from({ length: 6_500 }, (_, i) => `k${i}: v`).join('\n')}\n---\n`, words), verdict: 'ok' },
  { name: 'YAML flow nesting', key: 'a.md', text: `---\ntitle: ${'['.repeat(30_000)}\n---\nBody.`, verdict: 'bad-front-matter', reason: /nesting deeper than 100/ },
  { name: 'YAML block nesting', key: 'a.md', text: `---\n${nestedLines(300, (i) => `${' '.repeat(i)}k:`)} v\ntitle: T\n---\nBody.`, verdict: 'bad-front-matter', reason: /nesting deeper than 100/ },
  { name: 'YAML alias expansion', key: 'a.md', text: `---\ntitle: T\na: &a [x, x, x, x, x, x, x, x, x]\n${'bcdefghij'.split('').map((n, i) => `${n}: &${n} [${`*${'abcdefghij'[i]}, `.repeat(9)}x]`).join('\n')}\n---\nBody.`, verdict: 'bad-front-matter', reason: /alias/ },
  { name: 'comment lines filling the front matter', key: 'a.md', text: fill('---\n', '  # note\n', '---\n# T\n'), verdict: 'bad-front-matter' },
  // Headings and titles.
  { name: '"# " then spaces before the title', key: 'a.md', text: fill('# ', ' ', 'Title\n\nBody.'), verdict: 'ok' },
  { name: '"# a", spaces, "b"', key: 'a.md', text: fill('# a', ' ', 'b\n\nBody.'), verdict: 'ok' },
  { name: '"# a" then " #" pairs', key: 'a.md', text: fill('# a', ' #', 'b\n\nBody.'), verdict: 'ok' },
  { name: '"# " then spaces, .txt', key: 'a.txt', text: fill('# ', ' ', 'Title\n\nBody.'), verdict: 'ok' },
  // Inline Markdown.
  ...['*a', '_a', '**a*', '`a', '<a', '[', '![a', '&#1', '~~a', '\\*', '[a](', '[a][b]', '|x|y|\n'].map((unit) => ({
    name: `${JSON.stringify(unit)} repeated`, key: 'a.md', text: fill('# T\n\n', unit), verdict: 'too-complex' as const, reason: /markup characters|lines of Markdown/,
  })),
  { name: 'emphasis at the markup cap, then 2 MB of one paragraph', key: 'a.md', text: fill(`# T\n\n${'*a'.repeat(24_000)}`, 'word '), verdict: 'ok' },
  { name: 'links at the markup cap in one paragraph', key: 'a.md', text: fill(`# T\n\n${'[a](https://x.test/) '.repeat(12_000)}`, 'word '), verdict: 'ok' },
  { name: 'one tag with a million attributes', key: 'a.md', text: fill('# T\n\n<a ', 'x=y ', '>'), verdict: 'ok' },
  // Blocks.
  { name: '3 KB of nested ">"', key: 'a.md', text: `# T\n\n${'>'.repeat(3000)} x`, verdict: 'too-complex', reason: /^the Markdown is too complex: nesting deeper than 100 \(block quotes and lists\) on line 3$/ },
  { name: 'nested ">" to 2 MB', key: 'a.md', text: fill('# T\n\n', '> ', 'x'), verdict: 'too-complex', reason: /nesting deeper than 100/ },
  { name: 'nested lists', key: 'a.md', text: `# T\n\n${nestedLines(1000, (i) => `${'  '.repeat(i)}- x`)}`, verdict: 'too-complex', reason: /nesting deeper than 100/ },
  { name: 'lists and quotes alternating', key: 'a.md', text: fill('# T\n\n', '- > ', 'x'), verdict: 'too-complex', reason: /nesting deeper than 100/ },
  { name: 'quotes 100 deep, repeated', key: 'a.md', text: fill('# T\n\n', `${'> '.repeat(100)}x\n\n${words.repeat(8)}\n\n`), verdict: 'too-complex', reason: /markup characters/ },
  { name: 'quotes 100 deep, 490 times', key: 'a.md', text: fill(`# T\n\n${`${'> '.repeat(100)}x\n\n${words.repeat(8)}\n\n`.repeat(490)}`, words), verdict: 'ok' },
  { name: 'lists 100 deep, repeated', key: 'a.md', text: fill('# T\n\n', `${nestedLines(100, (i) => `${'  '.repeat(i)}- x`)}\n\n${words.repeat(400)}\n\n`), verdict: 'ok' },
  { name: 'lists opened 16 at a time', key: 'a.md', text: fill('# T\n\n', `${'- '.repeat(16)}x\n`), verdict: 'too-complex', reason: /markup characters/ },
  { name: 'list markers at the markup cap', key: 'a.md', text: fill(`# T\n\n${`${'- '.repeat(16)}x\n`.repeat(3_100)}\n`, words), verdict: 'ok' },
  { name: 'indented code under 2 MB of spaces', key: 'a.md', text: fill('# T\n\n', ' ', 'x'), verdict: 'ok' },
  { name: 'list items', key: 'a.md', text: fill('# T\n\n', '- x\n'), verdict: 'too-complex', reason: /more than 20,000 lines/ },
  { name: 'list items at the line cap', key: 'a.md', text: `# T\n\n${`- ${words}${words}\n`.repeat(15_000)}`, verdict: 'ok' },
  { name: 'lines at the line cap', key: 'a.md', text: fill(`# T\n\n${'x\n'.repeat(19_990)}`, words), verdict: 'ok' },
  { name: 'short lines', key: 'a.md', text: fill('# T\n\n', 'x\n'), verdict: 'too-complex' },
  { name: 'CRLF lines', key: 'a.md', text: fill('# T\r\n\r\n', 'a\r\n'), verdict: 'too-complex' },
  { name: 'one 2 MB line of prose', key: 'a.md', text: fill('# T\n\n', words), verdict: 'ok' },
  { name: 'fenced code full of markup', key: 'a.md', text: fill('# T\n\n```\n', '*a<b>&'), verdict: 'too-complex' },
  // Raw HTML (sanitize-html is quadratic in nesting depth).
  { name: 'nested <div>', key: 'a.md', text: fill('# T\n\n', '<div>'), verdict: 'too-complex', reason: /HTML nesting deeper than 100 elements/ },
  { name: '400k nested <div> closed', key: 'a.md', text: `# T\n\n${'<div>'.repeat(190_000)}${'</div>'.repeat(190_000)}`, verdict: 'too-complex', reason: /HTML nesting deeper than 100/ },
  { name: '<li><p> nesting (no implied close)', key: 'a.md', text: fill('# T\n\n', '<li><p>'), verdict: 'too-complex', reason: /HTML nesting deeper than 100/ },
  { name: 'stray end tags do not close', key: 'a.md', text: fill('# T\n\n', '<div></span>'), verdict: 'too-complex', reason: /HTML nesting deeper than 100/ },
  { name: 'HTML 100 deep, repeated', key: 'a.md', text: fill('# T\n\n', `${'<div>'.repeat(100)}${'</div>'.repeat(100)}\n\n${words.repeat(40)}\n\n`), verdict: 'too-complex', reason: /markup characters/ },
  { name: 'HTML 100 deep, 200 times', key: 'a.md', text: fill(`# T\n\n${`${'<div>'.repeat(100)}x${'</div>'.repeat(100)}\n\n`.repeat(200)}`, words), verdict: 'ok' },
  { name: '<li> siblings never closed', key: 'a.md', text: fill(`# T\n\n<ul>${'<li>x'.repeat(20_000)}</ul>\n\n`, words), verdict: 'ok' },
  // Plain-text scrapes.
  { name: 'one 2 MB line, .txt', key: 'a.txt', text: fill('Title\n\n', words), verdict: 'ok' },
  { name: 'paragraphs of one word, .txt', key: 'a.txt', text: fill('Title\n\n', 'word\n\n'), verdict: 'ok' },
  { name: 'blank lines, .txt', key: 'a.txt', text: fill('Title\n\nBody.', '\n', 'End.'), verdict: 'ok' },
  { name: 'spaces, .txt', key: 'a.txt', text: fill('Title\n\n', ' ', 'x'), verdict: 'ok' },
  { name: 'header lines, .txt', key: 'a.txt', text: fill('Title: T\n', 'Tags: a, b\n', '\nBody.'), verdict: 'ok' },
  { name: 'credit lines, .txt', key: 'a.txt', text: fill('Title\n\n', 'REUTERS/Maher Abou Taleb\n'), verdict: 'ok' },
  { name: 'caption and credit pairs, .txt', key: 'a.txt', text: fill('Title\n\n', 'Smoke rises over the city on Tuesday. (AP Photo/Jane Doe)\n\n'), verdict: 'ok' },
  { name: 'fused words, .txt', key: 'a.txt', text: fill('Title\n\n', 'Netanyahureportedly said Kim Ghattasdescribed it. '), verdict: 'ok' },
];

describe('hostile input at the 2 MB limit: a deterministic verdict within the bound', () => {
  it.each(cases)('$name', ({ key, text, verdict, reason }) => {
    const bytes = new TextEncoder().encode(text);
    expect(bytes.byteLength).toBeLessThanOrEqual(LIMIT);
    const before = process.cpuUsage();
    const result = ingestUpload({ key, bytes, fallbackDate: '2025-01-01T00:00:00Z' }, DEFAULT_SITE);
    const used = process.cpuUsage(before);
    const cpuMs = (used.user + used.system) / 1000;
    expect(result.ok ? 'ok' : result.error.code, result.ok ? '' : result.error.reason).toBe(verdict);
    if (reason && !result.ok) expect(result.error.reason).toMatch(reason);
    expect(cpuMs, `${cpuMs.toFixed(0)} ms of CPU`).toBeLessThan(BOUND_MS);
  });
});
