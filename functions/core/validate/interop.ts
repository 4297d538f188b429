// Rules real clients taught us, beyond the specs' required elements: what the W3C feed validator reports
// and what Python feedparser misreads. Checked on an ordered reading of the raw XML (element order and
// the source form of character references matter here, and the tree reading in xml.ts drops both).
import { XMLParser } from 'fast-xml-parser';
import type { Violation } from './types';

// EBU role codes (urn:ebu), the vocabulary the W3C validator checks media:credit roles against.
const EBU_ROLES = new Set(
  (
    'actor|adaptor|anchor person|animal trainer|animator|announcer|armourer|art director|artist/performer|assistant camera|' +
    'assistant chief lighting technician|assistant director|assistant producer|assistant visual editor|author|broadcast assistant|' +
    'broadcast journalist|camera operator|carpenter|casting|causeur|chief lighting technician|choir|choreographer|clapper loader|' +
    'commentary or commentator|commissioning broadcaster|composer|computer programmer|conductor|consultant|continuity checker|' +
    'correspondent|costume designer|dancer|dialogue coach|director|director of photography|distribution company|draughtsman|dresser|' +
    'dubber|editor/producer|editor|ensemble|executive producer|expert|fight director|floor manager|focus puller|foley artist|' +
    'foley editor|foley mixer|graphic assistant|graphic designer|greensman|grip|hairdresser|illustrator|interviewed guest|interviewer|' +
    'key character|key grip|key talents|leadman|librettist|lighting director|lighting technician|location manager|lyricist|' +
    'make up artist|manufacturer|matte artist|music arranger|music group|musician|news reader|orchestra|participant|photographer|' +
    'post|producer|production assistant|production company|production department|production manager|production secretary|' +
    'programme production researcher|property manager|publishing company|puppeteer|pyrotechnician|recording engineer|' +
    'rigger|runner|scenario|scenic operative|script supervisor|second assistant camera|second assistant director|second unit director|' +
    'set designer|set dresser|sign language|singer|sound designer|sound mixer|sound recordist|special effects|speaker|stage manager|' +
    'stand-in|stunts|subtitles|supervising editor|supporting actor|supporting character|technical director|translation|treatment/programme proposal|' +
    'vision mixer|visual editor|visual effects|wardrobe|witness'
  ).split('|'),
);

// Text elements a reader takes as plain text; in RSS their `&` and `<` must be hex references (RSS Profile).
const RSS_PLAIN_TEXT = new Set(['title', 'dc:creator', 'category', 'media:title', 'media:description', 'media:credit', 'copyright']);
// In plain text an end tag always reads as HTML (W3C validator, feedparser); an entity reference
// (decoded value "&amp;") only where the source does not write it with hex references (RSS Profile).
const END_TAG = /<\/\w+>/;
const ENTITY = /&#?\w+;/;

const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  /** Text content exactly as written in the source (references not decoded). */
  raw: string;
}

type OrderedNode = Record<string, unknown>;

function toElements(nodes: OrderedNode[]): Element[] {
  const out: Element[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
    if (name === undefined) continue;
    const inner = (node[name] as OrderedNode[]) ?? [];
    const raw = inner.map((n) => (typeof n['#text'] === 'string' ? n['#text'] : '')).join('');
    out.push({ name, attrs: (node[':@'] as Record<string, string>) ?? {}, children: toElements(inner), raw });
  }
  return out;
}

/** XML character and predefined entity references decoded: what a reader's XML parser hands on. */
export function decodeXmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[ref.toLowerCase()] as string;
  });
}

function isHtmlTyped(element: Element): boolean {
  return element.attrs.type === 'html' || element.attrs.type === 'xhtml';
}

export function checkInterop(path: string, text: string): Violation[] {
  const violations: Violation[] = [];
  const report = (rule: string, message: string): void => {
    violations.push({ path, rule, message });
  };
  const root = toElements(ordered.parse(text) as OrderedNode[])[0];
  if (root === undefined) return violations;
  const rss = root.name === 'rss';
  const items = rss
    ? (root.children.find((c) => c.name === 'channel')?.children.filter((c) => c.name === 'item') ?? [])
    : root.children.filter((c) => c.name === 'entry');

  const visit = (element: Element, where: string): void => {
    if (element.name === 'media:credit') {
      const role = element.attrs.role;
      const scheme = element.attrs.scheme ?? 'urn:ebu';
      if (role !== undefined && scheme === 'urn:ebu' && !EBU_ROLES.has(role.toLowerCase())) {
        report('media-credit-role', `${where} <media:credit role="${role}"> is not an EBU role (e.g. "photographer", "distribution company")`);
      }
    }
    const plain = rss ? RSS_PLAIN_TEXT.has(element.name) && !isHtmlTyped(element) : isPlainAtomText(element);
    if (plain && element.children.length === 0) {
      if (rss && /&amp;|&lt;/.test(element.raw)) {
        report('plain-text-hex', `${where} <${element.name}> writes & or < as &amp;/&lt;: plain text in RSS uses &#x26; and &#x3C;`);
      }
      const value = decodeXmlText(element.raw);
      if (END_TAG.test(value) || (ENTITY.test(value) && !element.raw.includes('&#x'))) {
        report('plain-text-html', `${where} <${element.name}> is plain text that readers take for HTML ("${value.slice(0, 60)}"): send it escaped as HTML, typed where the format allows`);
      }
    }
    const captions = element.children.filter((c) => c.name === 'media:description');
    if (element.name === 'media:content' && captions.length > 1) {
      report('media-description-count', `${where} <media:content> has ${captions.length} media:description: one caption per media:content`);
    }
    for (const child of element.children) visit(child, where);
  };

  items.forEach((item, index) => {
    const where = `${rss ? 'item' : 'entry'} ${index + 1}`;
    const names = item.children.map((c) => c.name);
    if (names.includes('media:description')) {
      report('item-media-description', `${where} has an item-level media:description: feedparser reads it as the summary; put captions inside media:content`);
    }
    const authors = names.filter((n) => (rss ? n === 'dc:creator' || n === 'author' : n === 'author')).length;
    if (authors > 1) {
      report('one-author-element', `${where} has ${authors} author elements: feedparser's entry.author and newsboat show only the last; name everyone in one ("A, B and C")`);
    }
    const [summaryName, contentName] = rss ? ['description', 'content:encoded'] : ['summary', 'content'];
    const summaryAt = names.indexOf(summaryName);
    const contentAt = names.indexOf(contentName);
    if (summaryAt >= 0 && contentAt >= 0 && summaryAt > contentAt) {
      report('summary-before-content', `${where} has <${contentName}> before <${summaryName}>: feedparser then files the summary as content`);
    }
    const lastText = Math.max(summaryAt, contentAt);
    const firstMedia = names.findIndex((n) => n === 'media:content' || n === 'media:group');
    if (firstMedia >= 0 && firstMedia < lastText) {
      report('media-after-content', `${where} has media elements before its ${summaryName}/${contentName}: feedparser takes a nested caption for the summary`);
    }
    visit(item, where);
  });
  for (const child of root.children) if (child.name === 'channel') for (const c of child.children) if (c.name !== 'item') visit(c, 'channel');
  if (!rss) for (const c of root.children) if (c.name !== 'entry') visit(c, 'feed');
  return violations;
}

const ATOM_TEXT = new Set(['title', 'subtitle', 'summary', 'rights', 'media:title', 'media:description']);

function isPlainAtomText(element: Element): boolean {
  if (!ATOM_TEXT.has(element.name)) return false;
  const type = element.attrs.type;
  return type === undefined || type === 'text' || type === 'plain';
}
