// Well-formedness and the one XML reading shared by the RSS and Atom checks.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Violation } from './types';

// Elements that may repeat: always arrays, so a feed with one item reads like one with many.
const REPEATED = new Set(['item', 'entry', 'link', 'atom:link', 'category', 'enclosure', 'media:content', 'media:credit', 'author', 'dc:creator']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

/** An XML element as fast-xml-parser gives it: text, or an object of children, attributes and "#text". */
export type XmlNode = string | { [name: string]: unknown };

/** Parses well-formed XML; a violation (with line and column) when it is not. */
export function readXml(path: string, text: string): { doc: Record<string, unknown> } | { violation: Violation } {
  const checked = XMLValidator.validate(text);
  if (checked !== true) {
    const { msg, line, col } = checked.err;
    return { violation: { path, rule: 'xml-well-formed', message: `not well-formed XML at line ${line}, column ${col}: ${msg}` } };
  }
  return { doc: parser.parse(text) as Record<string, unknown> };
}

/** The text of an element ("" when absent or empty). */
export function textOf(node: unknown): string {
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'number') return String(node);
  if (node !== null && typeof node === 'object' && '#text' in node) return textOf((node as Record<string, unknown>)['#text']);
  return '';
}

/** True when the element exists with text or child elements (Atom type="xhtml" content has no direct text). */
export function isPresent(node: unknown): boolean {
  if (textOf(node) !== '') return true;
  return node !== null && typeof node === 'object' && Object.keys(node).some((k) => !k.startsWith('@_') && k !== '#text');
}

export function attrOf(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const value = (node as Record<string, unknown>)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

export function listOf(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

export function childOf(node: unknown, name: string): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  return (node as Record<string, unknown>)[name];
}
