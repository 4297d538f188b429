// XML text hygiene and the one XML writer the RSS and Atom renderers share.
import { XMLBuilder } from 'fast-xml-parser';

// XML 1.0 Char production: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF.
// With the `u` flag a lone surrogate is one code point outside these ranges, so it is removed too.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** A tree for the XML writer: `@_name` keys are attributes, `#text` is text, arrays repeat an element. */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | string[] | undefined;

// processEntities escapes & < > ' " in text and attributes; suppressBooleanAttributes would turn
// isPermaLink="true" into a bare attribute, so it is off.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/** Serializes a document: XML declaration, optional stylesheet PI, then `root`. Every string is cleaned first. */
export function writeXml(root: XmlNode, stylesheetHref?: string): string {
  const doc: XmlNode = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };
  if (stylesheetHref !== undefined) doc['?xml-stylesheet'] = { '@_type': 'text/xsl', '@_href': stylesheetHref };
  Object.assign(doc, cleanTree(root) as XmlNode);
  return builder.build(doc) as string;
}

function cleanTree(value: XmlValue): XmlValue {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return stripInvalidXmlChars(value);
  if (Array.isArray(value)) return (value as XmlValue[]).map(cleanTree) as XmlNode[];
  const out: XmlNode = {};
  for (const [key, child] of Object.entries(value)) {
    if (child !== undefined) out[key] = cleanTree(child);
  }
  return out;
}
