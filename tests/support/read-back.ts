// Independent readers for our output: fast-xml-parser (not the fast-xml-builder that writes it),
// @rowanmanning/feed-parser, and ajv with a JSON Feed 1.1 schema written from the spec.
import { parseFeed } from '@rowanmanning/feed-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { jsonFeedSchema as schema } from '../../functions/core/validate/jsonfeed-schema';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  // Indentation between elements would otherwise come back as text nodes.
  trimValues: true,
  processEntities: true,
  // Decodes numeric character references (&#10;) as any XML parser must.
  htmlEntities: true,
  // Elements that may repeat always come back as arrays, so assertions do not depend on counts.
  isArray: (name, jPath) =>
    ['item', 'entry', 'atom:link', 'category', 'dc:creator', 'author', 'media:content', 'media:credit', 'media:description'].includes(name) ||
    (name === 'link' && String(jPath).startsWith('feed')),
});

/** Throws with the validator's message when the XML is not well-formed. */
export function readXml(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml) as Record<string, any>;
}

export function readFeed(xml: string) {
  return parseFeed(xml);
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateJsonFeed = ajv.compile(schema);

/** Parses a JSON Feed and validates it against the 1.1 schema; throws with ajv's errors. */
export function readJsonFeed(text: string): Record<string, any> {
  const feed = JSON.parse(text) as Record<string, any>;
  if (!validateJsonFeed(feed)) throw new Error(`invalid JSON Feed 1.1: ${ajv.errorsText(validateJsonFeed.errors)}`);
  return feed;
}

export function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}
