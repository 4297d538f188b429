import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, markdownToHtml, paragraphsToHtml } from '../../../functions/core/normalize/rules/html';

describe('paragraphsToHtml', () => {
  it('one escaped <p> per paragraph, typography kept', () => {
    expect(paragraphsToHtml(['Tom & Jerry <script>', '“Quoted” – he’s \'here\''])).toBe(
      '<p>Tom &amp; Jerry &lt;script&gt;</p>\n<p>“Quoted” – he’s &#39;here&#39;</p>',
    );
  });
});

describe('markdownToHtml: markdown-it + sanitize-html allowlist', () => {
  it.each([
    ['paragraphs and emphasis', 'One *two* **three**\n\nFour', '<p>One <em>two</em> <strong>three</strong></p>\n<p>Four</p>'],
    ['a heading 1 becomes h2', '# Big\n\n## Sub', '<h2>Big</h2>\n<h2>Sub</h2>'],
    ['absolute link kept', '[site](https://example.com/a?b=1&c=2)', '<p><a href="https://example.com/a?b=1&amp;c=2">site</a></p>'],
    ['mailto link kept', '[mail](mailto:desk@example.com)', '<p><a href="mailto:desk@example.com">mail</a></p>'],
    ['relative link loses its href', '[other](other.md)', '<p><a>other</a></p>'],
    ['javascript: link loses its href', '[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['script removed with its content', 'Hi<script>alert(1)</script>', '<p>Hi</p>'],
    ['style and event handlers removed', '<p style="color:red" onclick="x()">Hi</p>', '<p>Hi</p>'],
    ['iframe removed', '<iframe src="https://evil.example"></iframe>Text', 'Text'],
    ['absolute image kept with alt', '![A cat](https://example.com/cat.jpg "t")', '<p><img src="https://example.com/cat.jpg" alt="A cat" /></p>'],
    ['relative image dropped', '![A cat](cat.jpg)', '<p></p>'],
    ['lists, quotes, code', '- a\n- b\n\n> q\n\n`c`', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<blockquote>\n<p>q</p>\n</blockquote>\n<p><code>c</code></p>'],
  ])('%s', (_name, markdown, html) => expect(markdownToHtml(markdown)).toBe(html));

  it.each([
    ['a bare URL is linked', 'See https://example.com/a now', '<p>See <a href="https://example.com/a">https://example.com/a</a> now</p>'],
    ['www. is linked over http', 'See www.example.com now', '<p>See <a href="http://www.example.com">www.example.com</a> now</p>'],
    ['an e-mail address is linked', 'Write to desk@example.com.', '<p>Write to <a href="mailto:desk@example.com">desk@example.com</a>.</p>'],
    ['no link-like text, nothing linked', 'Plain words only.', '<p>Plain words only.</p>'],
  ])('%s (GFM autolinks)', (_name, markdown, html) => expect(markdownToHtml(markdown)).toBe(html));

  it('tables are not in the allowlist: the tags go, their text stays', () => {
    expect(markdownToHtml('| h |\n|---|\n| v |')).toMatch(/^h\s+v$/);
  });
});

describe('htmlToParagraphs', () => {
  it.each([
    ['<p>One <em>two</em></p>\n<p>Three &amp; four</p>', ['One two', 'Three & four']],
    ['<ul><li>a</li><li>b &lt;c&gt;</li></ul>', ['a', 'b <c>']],
    ['<h2>Head</h2><p>x&#39;s &#x2014; y&quot;</p>', ['Head', 'x\'s — y"']],
    ['<p>line<br />break</p>', ['line', 'break']],
    ['', []],
  ])('%j', (html, paragraphs) => expect(htmlToParagraphs(html)).toEqual(paragraphs));
});
