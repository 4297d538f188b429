// A generated corpus (0-4 images per item, several authors, markup-like titles, long bodies) built and
// read back: `feedpub validate` carries the W3C validator's and feedparser's rules, and each RSS/Atom item
// must say what the JSON Feed item says (JSON.parse is unambiguous), in the shape feed readers need.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../support/corpus';
import { readXml } from '../support/read-back';
import { feedpubSync as feedpub } from '../support/cli';

let dir: string;
const read = (path: string): string => readFileSync(join(dir, 'site', path), 'utf8');
const htmlText = (html: string) => html.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'feedpub-corpus-'));
  writeCorpus(join(dir, 'content'), { count: 30 });
  const build = feedpub('build', '--content', join(dir, 'content'), '--out', join(dir, 'site'), '--quiet');
  expect(build.stderr).toBe('');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a generated corpus, built', () => {
  it('validates clean, interop rules included', () => {
    const validate = feedpub('validate', join(dir, 'site'));
    expect(validate.stdout).toMatch(/^ok: /);
    expect(validate.code).toBe(0);
  });

  it('RSS items: summary in description before content, one dc:creator naming all, lead image as media:thumbnail, no item-level caption', () => {
    const json = JSON.parse(read('feed.json'));
    const byId = new Map(json.items.map((i: any) => [i.id, i]));
    const items = readXml(read('feed.xml')).rss.channel.item;
    expect(items.length).toBe(30);
    const raw = read('feed.xml');
    for (const item of items) {
      const truth: any = byId.get(item.guid['#text']);
      expect(htmlText(item.description)).toBe(truth.summary);
      expect(item['content:encoded']).toBe(truth.content_html);
      const names = truth.authors.map((a: any) => a.name);
      expect(item['dc:creator']).toEqual([names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`]);
      expect(item['media:thumbnail']?.['@_url']).toBe(truth.image);
      expect(item['media:description']).toBeUndefined();
      // The title reads back as the JSON title, directly or (when it looks like HTML) after one HTML unescape.
      expect(item.title === truth.title || (/<\/\w+>|&#?\w+;/.test(truth.title) && htmlText(item.title) === truth.title)).toBe(true);
    }
    // Order inside every item: description, then content:encoded, then the media elements.
    for (const block of raw.split('<item>').slice(1)) {
      const at = (tag: string) => block.indexOf(tag);
      expect(at('<description>')).toBeLessThan(at('<content:encoded>'));
      if (at('<media:') >= 0) expect(at('</content:encoded>')).toBeLessThan(at('<media:'));
    }
  });

  it('Atom entries: one author naming all, typed titles, summary before content', () => {
    const json = JSON.parse(read('feed.json'));
    const byId = new Map(json.items.map((i: any) => [i.id, i]));
    for (const entry of readXml(read('atom.xml')).feed.entry) {
      const truth: any = byId.get(entry.id);
      const names = truth.authors.map((a: any) => a.name);
      expect(entry.author).toEqual([{ name: names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` }]);
      const title = entry.title['@_type'] === 'html' ? htmlText(entry.title['#text']) : entry.title['#text'];
      expect(title).toBe(truth.title);
      expect(entry.content['#text']).toBe(truth.content_html);
      expect(entry.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });
});
