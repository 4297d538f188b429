// One definition of each output fact: a feed's media type or file name, a published file's fixed path,
// Content-Type or Cache-Control lives in functions/core/outputs/formats.ts and nowhere else in functions/
// or infra/. Comments (docs) may name them; code reads the table. Tests and docs/ are not scanned.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL, FEED_FORMATS, SITE_OUTPUTS } from '../../functions/core/outputs/formats';

const root = join(import.meta.dirname, '../..');
const TABLE = 'functions/core/outputs/formats.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The facts, each with a pattern that finds it written out in code, and the value as the table has it. */
const FACTS: { fact: string; pattern: RegExp; value: string }[] = [
  // Media types, also as the bare subtype in an Accept-matching regex ("rss\+xml").
  ...FEED_FORMATS.map((f) => ({ fact: `${f.name} media type`, value: f.mediaType, pattern: new RegExp(`${escape(f.mediaType)}|${escape(f.mediaType.split('/')[1]!).replace('\\+', '\\\\?\\+')}`) })),
  ...FEED_FORMATS.map((f) => ({ fact: `${f.name} file name`, value: f.fileName, pattern: new RegExp(`(?<![\\w-])${escape(f.fileName)}(?![\\w-])`) })),
  // Fixed paths, except the bare "index.html" (every folder's index document, a convention of its own).
  ...SITE_OUTPUTS.filter((o) => !o.path.includes('<') && o.path !== 'index.html').map((o) => ({ fact: `${o.name} path`, value: o.path, pattern: new RegExp(`(?<![\\w-])${escape(o.path)}(?![\\w-])`) })),
  ...[...new Set([...FEED_FORMATS.map((f) => f.contentType), ...SITE_OUTPUTS.flatMap((o) => o.contentType ?? [])])].map((type) => ({ fact: `Content-Type ${type}`, value: type, pattern: new RegExp(escape(type)) })),
  // Any max-age value written out, and each Cache-Control value of the table.
  { fact: 'a Cache-Control max-age', value: CACHE_CONTROL.page, pattern: /max-age=\d/ },
  ...[...new Set(Object.values(CACHE_CONTROL))]
    .filter((value) => value !== 'no-store') // also a request/response directive in its own right (redirects, live notices)
    .map((value) => ({ fact: `Cache-Control ${value}`, value, pattern: new RegExp(escape(value)) })),
];

/** Code lines of a source file, comments blanked (whole-line comments and trailing "// ..."). */
function codeLines(text: string): string[] {
  return text.split('\n').map((line) => (/^\s*(\/\/|\/?\*)/.test(line) ? '' : line.replace(/\s\/\/\s.*$/, '')));
}

/** "path:line: fact" for every fact written out in the given sources. */
function duplicatesIn(sources: { file: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { file, text } of sources) {
    codeLines(text).forEach((line, i) => {
      for (const { fact, pattern } of FACTS) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${fact}`);
    });
  }
  return found;
}

const sources = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'functions', 'infra'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => /\.(ts|js|mjs|cjs)$/.test(file) && file !== TABLE)
  .flatMap((file) => {
    try {
      return [{ file, text: readFileSync(join(root, file), 'utf8') }];
    } catch {
      return []; // deleted in the work tree
    }
  });

describe('one output table', () => {
  it('no source in functions/ or infra/ writes out a fact the output table owns', () => {
    expect(duplicatesIn(sources)).toEqual([]);
  });

  it('the scan looks at the sources that read the table', () => {
    const files = sources.map((s) => s.file);
    for (const reader of ['functions/core/render/index.ts', 'functions/local/devserver.ts', 'infra/feedpub-stack.ts', 'infra/viewer-request.js', 'functions/folder-build/summary.ts']) {
      expect(files).toContain(reader);
    }
  });

  it.each(FACTS)('finds $fact written out as a string', ({ pattern, value }) => {
    expect(pattern.test(`x = '${value}';`)).toBe(true);
  });

  it.each([
    ["const FEEDS = ['feed.xml', 'atom.xml'];", ['rss file name', 'atom file name']],
    ["  contentType: 'application/feed+json; charset=utf-8',", ['json media type', 'Content-Type application/feed+json; charset=utf-8']],
    ['return /rss\\+xml|atom\\+xml/.test(accept);', ['rss media type', 'atom media type']],
    ["res.setHeader('Cache-Control', 'public, max-age=60');", ['a Cache-Control max-age', 'Cache-Control public, max-age=60']],
    ["{ path: 'status.json', body }", ['statusJson path']],
    ["const path = 'archive/2024-10/feed.json';", ['json file name']],
  ])('catches a second definition: %s', (line, facts) => {
    expect(duplicatesIn([{ file: 'x.ts', text: line }])).toEqual(facts.map((fact) => `x.ts:1: ${fact}`));
  });

  it.each([
    '// The head feed is feed.xml; see the output table.',
    ' * archive/<month>/feed.xml|atom.xml|feed.json: every item of the month.',
    "const feeds = HEAD_FEED_PATHS; // feed.xml, atom.xml, feed.json",
    "const match = /(?:^|[,\\s])(?:s-)?max-age=(\\d+)/.exec(cacheControl);",
    "const name = 'my-feed.xml.bak';",
    "request.uri = uri + 'index.html';",
  ])('leaves alone: %s', (line) => {
    expect(duplicatesIn([{ file: 'x.ts', text: line }])).toEqual([]);
  });
});
