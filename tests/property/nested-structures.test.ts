// Random nested structures (Markdown containers, inline markup, raw HTML, YAML collections) through
// ingestUpload: it never throws, gives the same verdict twice, and the nesting cap decides by depth alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestUpload } from '../../functions/core/ingest';
import { DEFAULT_SITE } from '../../functions/core/model';
import { MAX_NESTING } from '../../functions/core/parse/markdownLimits';

const fallbackDate = '2025-01-01T00:00:00Z';
const ingest = (key: string, text: string) => ingestUpload({ key, bytes: new TextEncoder().encode(text), fallbackDate }, DEFAULT_SITE);
const verdict = (result: ReturnType<typeof ingest>) => (result.ok ? 'ok' : `${result.error.code}: ${result.error.reason}`);

type Wrap = 'quote' | 'list' | 'ordered' | 'div' | 'li' | 'em' | 'strong' | 'code' | 'link' | 'fence';
const BLOCK: readonly Wrap[] = ['quote', 'list', 'ordered'];
const wrap = (lines: string[], how: Wrap): string[] => {
  const [first = '', ...rest] = lines;
  const last = lines.length - 1;
  const inline = (f: (line: string) => string) => lines.map((line, i) => (i === last ? f(line) : line));
  switch (how) {
    case 'quote': return lines.map((line) => `> ${line}`);
    case 'list': return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
    case 'ordered': return [`1. ${first}`, ...rest.map((line) => `   ${line}`)];
    case 'div': return ['<div>', ...lines, '</div>'];
    case 'li': return [`<li><p>${first}`, ...rest];
    case 'em': return inline((line) => `*${line}*`);
    case 'strong': return inline((line) => `__${line}__`);
    case 'code': return inline((line) => `\`${line}\``);
    case 'link': return inline((line) => `[${line}](https://example.com/)`);
    case 'fence': return ['```', ...lines, '```'];
  }
};
const outerBlockRun = (chain: readonly Wrap[]): number => {
  let n = 0;
  for (let i = chain.length - 1; i >= 0 && BLOCK.includes(chain[i] as Wrap); i--) n++;
  return n;
};
const wraps = fc.array(fc.constantFrom<Wrap>('quote', 'list', 'ordered', 'div', 'li', 'em', 'strong', 'code', 'link', 'fence'), { maxLength: 320, size: 'max' });
// Random wraps, then a run of block wraps outermost, so both sides of the cap come up.
const deepWraps = fc
  .tuple(wraps, fc.array(fc.constantFrom<Wrap>(...BLOCK), { maxLength: 200, size: 'max' }))
  .map(([inner, outer]) => [...inner, ...outer]);
const leaf = fc.oneof(fc.constantFrom('text', 'Jane *Doe*', '<b>x</b>', '&amp;', '', '---', '# h'), fc.string({ maxLength: 12 }));

describe('nested structures', () => {
  // fast-check's counterexample to a model that counted every block wrap: a link around 101 quote
  // markers is one line of link text, not 101 nested quotes.
  it('block markers inside a link are text; the same markers at line start are nesting', () => {
    const quotes = (n: number) => '> '.repeat(n);
    expect(verdict(ingest('a.md', `# Title\n\n[${quotes(101)}text](https://example.com/)\n`))).toBe('ok');
    expect(verdict(ingest('a.md', `# Title\n\n${quotes(101)}text\n`))).toMatch(/^too-complex: .*nesting deeper than 100/);
  });

  it('Markdown: never throws, the same verdict twice, the block-nesting cap decides by depth', () => {
    let over = 0;
    let under = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(deepWraps, leaf), { minLength: 1, maxLength: 4 }), (blocks) => {
        const body = blocks.map(([chain, text]) => chain.reduce(wrap, [text]).join('\n')).join('\n\n');
        const text = `# Title\n\n${body}\n`;
        const first = ingest('a.md', text);
        expect(verdict(ingest('a.md', text))).toBe(verdict(first));
        if (!first.ok) expect(['too-complex', 'no-title']).toContain(first.error.code);
        const deepest = Math.max(...blocks.map(([chain]) => chain.filter((how) => BLOCK.includes(how)).length));
        const deepestHtml = Math.max(...blocks.map(([chain]) => chain.filter((how) => how === 'div' || how === 'li').length * 2));
        // Only the outermost run of block wraps is certain nesting: an inline wrap, an HTML block or a
        // fence put around block markers turns them into text ("[> > > x](url)" is a link, not quotes).
        const certain = Math.max(...blocks.map(([chain]) => outerBlockRun(chain)));
        if (certain > MAX_NESTING) {
          over++;
          expect(verdict(first)).toMatch(/^too-complex: .*nesting deeper than 100 \(block quotes and lists\)/);
        }
        if (deepest <= MAX_NESTING / 2 && deepestHtml <= MAX_NESTING / 2) {
          under++;
          expect(first.ok, verdict(first)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // Both sides of the cap were tried.
    expect(over).toBeGreaterThan(0);
    expect(under).toBeGreaterThan(0);
  });

  // Block collections (one per line, two more columns each), then flow collections inside the last one.
  const block = fc.array(fc.constantFrom('map', 'seq'), { maxLength: 80, size: 'max' });
  const flow = fc.array(fc.constantFrom('[', '[x, ', '{a: '), { maxLength: 80, size: 'max' });
  it('YAML: never throws, the same verdict twice, nesting over 100 is a typed rejection', () => {
    let over = 0;
    fc.assert(
      fc.property(block, flow, fc.constantFrom('v', '"q: x"', '3.10', '~'), (blocks, flows, scalar) => {
        const inner = flows.join('') + scalar + flows.map((open) => (open === '{a: ' ? '}' : ']')).reverse().join('');
        const lines = blocks.map((how, i) => `${' '.repeat(2 * i + 2)}${how === 'map' ? 'k:' : '-'}`);
        const value = lines.length === 0 ? ` ${inner}` : `\n${lines.join('\n')} ${inner}`;
        const text = `---\ntitle: T\nnested:${value}\n---\nBody.\n`;
        const first = ingest('a.md', text);
        expect(verdict(ingest('a.md', text))).toBe(verdict(first));
        // The document's own map is one level. js-yaml's count of a flow inside a block entry can differ by
        // one, so the check leaves a margin of one level each side of the cap.
        const depth = 1 + blocks.length + flows.length;
        if (depth === MAX_NESTING || depth === MAX_NESTING + 1) return;
        if (depth > MAX_NESTING) {
          over++;
          expect(verdict(first)).toMatch(/^bad-front-matter: front matter is not valid YAML: nesting deeper than 100 at line \d+, column \d+$/);
        } else expect(first.ok, verdict(first)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(over).toBeGreaterThan(0);
  });
});
