// One definition of each concept issue 14 found written several ways. Each rule names its one home and a
// pattern that finds the concept written out in code; the scan of functions/ and infra/ (comments blanked,
// as tests/repo/one-output-table.test.ts does for the output facts) fails on a second copy. Known look-alikes
// that are another concept are listed with the reason. Tests, bench/ and docs/ are not scanned.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

const EXT = '(?:txt|md|markdown|jpe?g|png|gif|webp|avif)';

interface Rule {
  concept: string;
  /** Where the one definition lives: the pattern must find it there. Absent for a rule that forbids a shape everywhere. */
  home?: string;
  pattern: RegExp;
  /** Only these files are scanned (default: every source in functions/ and infra/). */
  scope?: (file: string) => boolean;
  /** Files where the pattern finds another concept, with the reason. */
  lookAlikes?: Record<string, string>;
  /** A line the rule must catch, and one it must leave alone. */
  catches: string;
  leaves: string;
}

const FEED_RENDERERS = ['functions/core/render/rss.ts', 'functions/core/render/atom.ts', 'functions/core/render/jsonfeed.ts'];

const RULES: Rule[] = [
  {
    concept: 'site.json read and validated (one loader)',
    home: 'functions/core/site.ts',
    pattern: /\bparseSiteConfig\(|JSON\.parse\([^)]*(?:site|SITE_CONFIG)/i,
    catches: 'const site = parseSiteConfig(JSON.parse(text));',
    leaves: 'const site = siteConfigFromText(text, path);',
  },
  {
    concept: 'the site config file name',
    home: 'functions/folder-build/site-config.ts',
    pattern: /['"`]site\.json['"`]/,
    catches: "const path = join(dir, 'site.json');",
    leaves: ".option('--config <file>', 'site.json to use instead of <content>/site.json')",
  },
  {
    concept: 'upload extensions (articles, images) and their case rule',
    home: 'functions/core/upload-keys.ts',
    pattern: new RegExp(
      [
        `['"\`]\\.?${EXT}['"\`]\\s*,\\s*['"\`]\\.?${EXT}['"\`]`, // a quoted list: ['txt', 'md'], ['.jpg', '.png']
        `\\b${EXT}\\s*:\\s*['"\`](?:txt|md)['"\`]`, // a format map: { md: 'md' }
        `(?:jpe\\?g|jpe?g|png|gif|webp|avif|txt|markdown)\\|(?:jpe\\?g|${EXT})\\b`, // a regex alternation: jpe?g|png
      ].join('|'),
      'i',
    ),
    lookAlikes: {
      'functions/core/credits/index.ts': 'a header value naming any image file (svg, tiff, heic too) is not a credit: a file-name test, not the upload table',
    },
    catches: "const LOWER_CASE_SUFFIXES = ['.txt', '.md', '.markdown', '.jpg'];",
    leaves: "return rejection('unsupported-type', `a .${extension} file is not an article: upload .txt, .md or .markdown`, key, size);",
  },
  {
    concept: 'characters XML cannot carry',
    home: 'functions/core/escape.ts',
    pattern: /\\u(?:FFFE|FFFF)|\\u0000-\\u0008|\\u000B\\u000C/i,
    catches: 'const XML_INVALID = /[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]/g;',
    leaves: 'const CONTROL_CHARACTER = /[\\u0000-\\u001f\\u007f]/;',
  },
  {
    concept: 'HTML escaping of text',
    home: 'functions/core/escape.ts',
    pattern: /\bfunction\s+escapeHtml\w*|\bescapeHtml\w*\s*=[^=]|['"`]&#39;['"`]/,
    catches: "const HTML_ESCAPES = { '&': '&amp;', \"'\": '&#39;' };",
    leaves: 'return `<p>${escapeHtml(p)}</p>`;',
  },
  {
    concept: 'RFC 3339 formatting (whole seconds)',
    home: 'functions/core/instant.ts',
    pattern: /toISOString\(\)\.slice\(0,\s*19\)|\.000Z|\\\.\\d\{3\}Z|\bfunction\s+\w*[Rr]fc3339\b|\bslice\(0,\s*19\)/,
    catches: 'return `${new Date(iso).toISOString().slice(0, 19)}Z`;',
    leaves: 'const now = clock().toISOString();',
  },
  {
    concept: 'the private _feedpub/ prefix',
    home: 'functions/core/outputs/formats.ts',
    pattern: /_feedpub\//,
    catches: "if (path.startsWith('_feedpub/')) continue;",
    leaves: '_feedpub: { publisher: item.publisher, images },',
  },
  {
    concept: 'feed item defaults and derived values (the feed-item view)',
    home: 'functions/core/render/feed-item.ts',
    pattern: /\bauthorsOf\(|\bdefaultAuthor\b|\.publisher \?\? site\.publisher|\bleadImage\(|\brfc3339\(|\bfeedItemHtml\(|images\.find\(\(?\w+\)? => \w+\.url !== undefined\)/,
    scope: (file) => FEED_RENDERERS.includes(file) || file === 'functions/core/render/feed-item.ts',
    catches: "'dc:creator': authorLine(authorsOf(site, article)),",
    leaves: "'dc:creator': item.byline,",
  },
  {
    concept: 'credits as their own module: no memo threaded through parser and normalizer signatures',
    pattern: /\bcreditMemo\b|\bCreditMemo\b|\bmemo\?:\s*(?:Map|CreditMemo)\b/,
    catches: 'export function parseScrape(lines: readonly string[], withTitle: boolean, creditMemo?: CreditMemo): ScrapedText {',
    leaves: 'export function parseScrape(lines: readonly string[], withTitle: boolean): ScrapedText {',
  },
  {
    concept: 'the parser does not import the normalizer',
    pattern: /from '\.\.\/normalize\b/,
    scope: (file) => file.startsWith('functions/core/parse/'),
    catches: "import { canonicalAgency } from '../normalize/credits';",
    leaves: "import { canonicalAgency } from '../credits';",
  },
  {
    concept: 'S3 conditional requests (If-Match on GET, If-None-Match: * on PUT): sent only by the S3 store, used through createIfAbsent and getIfMatch',
    home: 'functions/store/s3.ts',
    pattern: /\bIf(?:None)?Match\s*:/,
    catches: "await client.send(new PutObjectCommand({ Bucket, Key, Body, IfNoneMatch: '*' }));",
    leaves: "if (await createIfAbsent(this.deps.site, key, body, PRIVATE_JSON)) return true;",
  },
];

/** Code lines of a source file, comments blanked (whole-line comments and trailing "// ..."). */
function codeLines(text: string): string[] {
  return text.split('\n').map((line) => (/^\s*(\/\/|\/?\*)/.test(line) ? '' : line.replace(/\s\/\/\s.*$/, '')));
}

const sources = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', 'functions', 'infra'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => /\.(ts|js|mjs|cjs)$/.test(file))
  .flatMap((file) => {
    try {
      return [{ file, lines: codeLines(readFileSync(join(root, file), 'utf8')) }];
    } catch {
      return []; // deleted in the work tree
    }
  });

function hits(rule: Rule, files: { file: string; lines: string[] }[]): string[] {
  const found: string[] = [];
  for (const { file, lines } of files) {
    if (rule.scope !== undefined && !rule.scope(file)) continue;
    lines.forEach((line, i) => {
      if (rule.pattern.test(line)) found.push(`${file}:${i + 1}`);
    });
  }
  return found;
}

describe('one definition per concept', () => {
  it.each(RULES)('$concept: only in its home ($home)', (rule) => {
    const elsewhere = hits(rule, sources).filter((hit) => {
      const file = hit.slice(0, hit.lastIndexOf(':'));
      return file !== rule.home && rule.lookAlikes?.[file] === undefined;
    });
    expect(elsewhere).toEqual([]);
  });

  it.each(RULES.filter((rule) => rule.home !== undefined))('$concept: the scan finds the definition in $home', (rule) => {
    expect(hits(rule, sources).some((hit) => hit.startsWith(`${rule.home}:`))).toBe(true);
  });

  it.each(RULES)('$concept: catches a second copy and leaves the one definition\'s uses alone', (rule) => {
    const file = rule.scope === undefined ? 'x.ts' : FEED_RENDERERS[0]!;
    const scoped = rule.scope === undefined || rule.scope(file) ? file : 'functions/core/parse/x.ts';
    expect(hits(rule, [{ file: scoped, lines: [rule.catches] }])).toEqual([`${scoped}:1`]);
    expect(hits(rule, [{ file: scoped, lines: [rule.leaves] }])).toEqual([]);
  });

  it('every look-alike still exists and still looks alike (else its exemption is stale)', () => {
    for (const rule of RULES) {
      for (const file of Object.keys(rule.lookAlikes ?? {})) {
        expect(hits(rule, sources).some((hit) => hit.startsWith(`${file}:`)), `${rule.concept}: ${file}`).toBe(true);
      }
    }
  });
});
