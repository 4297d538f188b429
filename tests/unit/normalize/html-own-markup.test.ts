// The shortcut for markdown-it's own output must give exactly what sanitize-html gives, or decline.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToHtml, ownMarkupSanitized, renderMarkdown, sanitizeMarkup } from '../../../functions/core/normalize/rules/markdown-html';

/** Either the shortcut declines or it equals sanitize-html on markdown-it's output; returns whether it took it. */
function agrees(markdown: string): boolean {
  const rendered = renderMarkdown(markdown);
  const own = ownMarkupSanitized(rendered);
  if (own !== undefined) expect(own).toBe(sanitizeMarkup(rendered));
  return own !== undefined;
}

describe('ownMarkupSanitized equals sanitize-html on markdown-it output', () => {
  it.each([
    ['emphasis, quotes and entities', 'He said "no" & *left* &quot;x&quot; &amp;amp; &lt;b&gt; &copy; &nbsp;'],
    ['h1 to h2, h2-h4 kept', '# One\n\n## Two\n\n### Three\n\n#### Four'],
    ['links: absolute, mailto, relative, empty, titled, javascript', '[a](https://x.example/?a=1&b="2") [m](mailto:a@b.example) [r](rel.md) [e]() [t](https://x.example "Title") [j](javascript:alert(1)) [H](HTTPS://X.EXAMPLE)'],
    ['images: absolute, relative, titled, empty alt, in a link', '![Cat "c"](https://x.example/c.jpg) ![r](c.jpg) ![t](https://x.example/t.jpg "T") ![](https://x.example/e.jpg) [![i](https://x.example/i.jpg)](https://x.example)'],
    ['code: fenced with language, indented, inline', '```js\nconst a = "<b>" && 1;\n```\n\n    indented "x"\n\n`in "line"`'],
    ['lists: ordered with start, nested, loose', '3. three\n4. four\n   - nested\n   - more\n\n- loose\n\n- list'],
    ['quotes, rules, hard breaks', '> quoted\n> > nested\n\n---\n\nline  \nbreak\\\nagain'],
    ['bare URLs and e-mail (linkify)', 'See https://example.com/a?b=1&c=2 and www.example.org or desk@example.com.'],
    ['reference links and autolink-free text', '[ref][1] and [other]\n\n[1]: https://example.com/ref "R"\n[other]: /relative'],
  ])('%s', (_name, markdown) => {
    expect(agrees(markdown)).toBe(true);
  });

  it.each([
    ['a table (tags outside the allowlist)', '| a | b |\n|---|:-:|\n| 1 | 2 |'],
    ['strikethrough', '~~gone~~'],
    ['h5 and h6', '##### five\n\n###### six'],
  ])('declines %s (sanitize-html decides)', (_name, markdown) => {
    expect(agrees(markdown)).toBe(false);
  });

  it('the bodies of content/ and of the test fixtures', () => {
    const dirs = ['content', 'tests/fixtures'];
    let checked = 0;
    for (const dir of dirs) {
      let names: string[] = [];
      try {
        names = readdirSync(dir, { recursive: true }) as string[];
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.endsWith('.md'))) {
        const text = readFileSync(`${dir}/${name}`, 'utf8');
        if (!text.includes('<')) agrees(text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  // Markdown made of the pieces that exercise the renderer: emphasis, links, images, code, lists,
  // quotes, headings, entities, quotes and ampersands, URLs, and text with unusual characters.
  const piece = fc.oneof(
    fc.constantFrom('*', '_', '**', '`', '```\n', '~~~', '\n', '\n\n', '# ', '## ', '#### ', '> ', '- ', '1. ', '7) ', '  \n', '\\', '---\n', '    ', '|', ':'),
    fc.constantFrom('&', '&amp;', '&quot;', '"', "'", '&lt;', '&gt;', '&#0;', '&#x1F600;', '&nbsp;', '&bogus;', '>', '\u0000', '\r\n', '\u00a0', '\u2028'),
    fc.constantFrom('[a](https://x.example/p?q=1&r=2)', '[b](mailto:d@x.example)', '[c](rel)', '[d](javascript:x)', '[e]( https://x.example "t")', '![f](https://x.example/f.png)', '![g](g.png)', '![h "q"](http://x.example/h.gif \'t\')', '[i]: https://x.example/i', '[i]', 'https://x.example/u?a&b', 'www.x.example', 'a@b.example', '[j](data:text/html,x)', '[k](//x.example)', '[l](HTTP://X.EXAMPLE)'),
    fc.string({ maxLength: 12 }).filter((s) => !s.includes('<')),
    fc.constantFrom('word', 'Two words', 'Müller', '中文', ' ', '\t'),
  );
  it('fast-check: random Markdown without "<"', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        agrees(pieces.join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('markdownToHtml with "<" in the source still goes through sanitize-html', () => {
    expect(markdownToHtml('a <script>x</script> "q"')).toBe('<p>a  "q"</p>');
  });
});
