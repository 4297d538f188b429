// The feed XML serializer: escaping of text and attributes, element shapes, and what it refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripInvalidXmlChars } from '../../../functions/core/escape';
import { escapeXmlAttribute, escapeXmlText, writeXml } from '../../../functions/core/render/xml';
import { createRequire } from 'node:module';
import { readXml } from './read-back';

// fast-xml-parser trims values (its trimValues also trims attributes): an attribute of " " came back "".
// sax, strict, reports every attribute value exactly as an XML parser must.
interface SaxAttrParser {
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxAttrParser;
  close(): void;
}
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean): SaxAttrParser };
function attributeOf(xml: string, element: string, name: string): string | undefined {
  const parser = sax.parser(true);
  let value: string | undefined;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    if (tag.name === element) value = tag.attributes[name];
  };
  parser.write(xml).close();
  return value;
}

describe('escaping', () => {
  it.each([
    ['plain text unchanged', 'Hello, world', 'Hello, world'],
    ['markup escaped', '<b>&</b>', '&lt;b&gt;&amp;&lt;/b&gt;'],
    ['CDATA terminator cannot survive', 'a ]]> b', 'a ]]&gt; b'],
    ['quotes left as is in text', `"x" 'y'`, `"x" 'y'`],
    ['invalid characters dropped', 'a\u0000b\uFFFF', 'ab'],
    ['CR kept as a reference, tab and LF as is', 'a\rb\tc\nd', 'a&#13;b\tc\nd'],
  ])('text: %s', (_name, input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });

  it.each([
    ['double quote escaped', 'a"b', 'a&quot;b'],
    ['ampersand in a URL', 'https://x/?a=1&b=2', 'https://x/?a=1&amp;b=2'],
    ['tab, LF and CR kept as character references', 'a\tb\nc\rd', 'a&#9;b&#10;c&#13;d'],
  ])('attribute: %s', (_name, input, expected) => {
    expect(escapeXmlAttribute(input)).toBe(expected);
  });
});

describe('writeXml', () => {
  it('writes the declaration, the stylesheet PI, attributes, text, repeated and empty elements', () => {
    const xml = writeXml({ root: { '@_a': '1', one: 'x', many: ['p', 'q'], empty: '', skipped: undefined, leaf: { '@_k': 'v', '#text': 't' } } }, { stylesheetHref: '/s.xsl' });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml-stylesheet type="text/xsl" href="/s.xsl"?>',
        '<root a="1">',
        '  <one>x</one>',
        '  <many>p</many>',
        '  <many>q</many>',
        '  <empty/>',
        '  <leaf k="v">t</leaf>',
        '</root>',
        '',
      ].join('\n'),
    );
  });

  it('refuses two roots and mixed text with children', () => {
    expect(() => writeXml({ a: 'x', b: 'y' })).toThrow(/exactly one root/);
    expect(() => writeXml({ a: { '#text': 'x', b: 'y' } })).toThrow(/both text and child/);
  });

  it('round-trips any text and attribute value through an independent parser (after removing invalid characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), (text, attribute) => {
        const xml = writeXml({ r: { e: { '@_v': attribute, '#text': `[${text}]` } } });
        expect(readXml(xml).r.e['#text']).toBe(`[${stripInvalidXmlChars(text)}]`);
        expect(attributeOf(xml, 'e', 'v')).toBe(stripInvalidXmlChars(attribute));
      }),
      { numRuns: 300 },
    );
  });
});
