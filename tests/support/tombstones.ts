// Reads RFC 6721 deletion records back with sax in namespace mode: an independent, namespace-aware
// parser (not the serializer that wrote them, not fast-xml-parser), so the check is where RFC 6721
// puts the element, by namespace URI and parent, whatever prefix a feed uses.
import { createRequire } from 'node:module';

const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

interface SaxTag {
  name: string;
  uri: string;
  local: string;
  attributes: Record<string, { value: string; uri: string; local: string }>;
}
interface SaxParser {
  onopentag: (tag: SaxTag) => void;
  onclosetag: () => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}
const sax = createRequire(import.meta.url)('sax') as { parser(strict: boolean, options: { xmlns: boolean }): SaxParser };

export interface ReadTombstone {
  ref: string;
  when: string;
  /** "atom:feed" or "channel" (RSS): the element it is a direct child of. */
  parent: string;
}

/** Every at:deleted-entry in an RSS or Atom document, with its parent; throws on ill-formed XML. */
export function readTombstones(xml: string): ReadTombstone[] {
  const parser = sax.parser(true, { xmlns: true });
  const stack: string[] = [];
  const found: ReadTombstone[] = [];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    if (tag.uri === TOMBSTONES_NS && tag.local === 'deleted-entry') {
      const attr = (name: string) => Object.values(tag.attributes).find((a) => a.local === name && a.uri === '')?.value ?? '';
      found.push({ ref: attr('ref'), when: attr('when'), parent: stack.at(-1) ?? '' });
    }
    stack.push(tag.uri === ATOM_NS ? `atom:${tag.local}` : tag.uri === '' ? tag.local : `{${tag.uri}}${tag.local}`);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  return found;
}

/** RSS: only a channel directly under <rss> counts as the feed element. */
export function isFeedElement(parent: string): boolean {
  return parent === 'atom:feed' || parent === 'channel';
}
