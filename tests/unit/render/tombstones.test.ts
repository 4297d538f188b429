// Deletion records in the three formats, read back with independent parsers: sax (namespace-aware) for
// RFC 6721's placement, @rowanmanning/feed-parser for what an ordinary reader sees, ajv's JSON Feed 1.1
// schema for the extension. Expected values are written by hand from the records.
import { describe, expect, it } from 'vitest';
import type { DeletionRecord } from '../../../functions/core/site-index/deletions';
import { DEFAULT_SITE, type SiteConfig } from '../../../functions/core/model';
import { monthOf } from '../../../functions/core/order';
import { renderArchiveFeeds, renderHeadFeeds } from '../../../functions/core/render/index';
import { syntheticArticles } from '../../support/articles';
import { isFeedElement, readTombstones } from '../../support/tombstones';
import { bodyText, readFeed, readJsonFeed } from '../../support/read-back';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://n.example', feedSize: 5 };
const articles = syntheticArticles(12, 7, { site, spreadDays: 3 });
const months = [...new Set(articles.map(monthOf))].sort();
const month = months[0] as string;
const deleted: DeletionRecord[] = [
  { id: 'urn:uuid:00000000-0000-5000-8000-000000000002', when: '2026-03-11T10:00:00.250Z', month, url: 'https://n.example/articles/gone-b/' },
  { id: 'urn:uuid:00000000-0000-5000-8000-000000000001', when: '2026-03-10T09:00:00Z', month, url: 'https://n.example/articles/gone-a/' },
];

const byName = (files: { path: string; body: string | Uint8Array }[], name: string) => bodyText(files.find((f) => f.path.endsWith(name))?.body ?? '');

describe('deletion records (RFC 6721) in Atom and RSS', () => {
  const head = renderHeadFeeds(site, articles.slice(0, 5), months, [], deleted);
  const archive = renderArchiveFeeds(site, month, articles.filter((a) => monthOf(a) === month), months, '2026-03-12T00:00:00Z', deleted);

  for (const [label, files] of [
    ['head', head],
    ['archive', archive],
  ] as const) {
    for (const name of ['atom.xml', 'feed.xml']) {
      it(`${label} ${name}: one at:deleted-entry per record, a child of the feed element, ref = id, when = RFC 3339 whole seconds`, () => {
        const found = readTombstones(byName(files, name));
        expect(found).toEqual([
          { ref: 'urn:uuid:00000000-0000-5000-8000-000000000002', when: '2026-03-11T10:00:00Z', parent: name === 'atom.xml' ? 'atom:feed' : 'channel' },
          { ref: 'urn:uuid:00000000-0000-5000-8000-000000000001', when: '2026-03-10T09:00:00Z', parent: name === 'atom.xml' ? 'atom:feed' : 'channel' },
        ]);
        expect(found.every((t) => isFeedElement(t.parent))).toBe(true);
      });

      it(`${label} ${name}: an ordinary reader still sees exactly the live items, with the feed's own link`, () => {
        const feed = readFeed(byName(files, name));
        const live = label === 'head' ? articles.slice(0, 5) : articles.filter((a) => monthOf(a) === month);
        expect(feed.items.map((i) => i.id).sort()).toEqual(live.map((a) => a.id).sort());
        expect(feed.url).toBe('https://n.example/');
      });
    }
  }

  it('a feed without records declares no tombstone namespace (the W3C validator warns on any it does not know)', () => {
    for (const files of [renderHeadFeeds(site, articles.slice(0, 5), months), renderArchiveFeeds(site, month, articles, months, '2026-03-12T00:00:00Z')]) {
      for (const name of ['atom.xml', 'feed.xml']) expect(byName(files, name)).not.toContain('tombstones');
    }
  });

  it('same records in another order give the same bytes', () => {
    const again = renderHeadFeeds(site, articles.slice(0, 5), months, [], [...deleted].reverse().sort((a, b) => (a.when < b.when ? 1 : -1)));
    expect(again.map((f) => f.body)).toEqual(head.map((f) => f.body));
  });
});

describe('deletion records in JSON Feed', () => {
  it('the feed-level _feedpub extension lists them; the feed stays valid JSON Feed 1.1 and has no tombstone item', () => {
    const files = renderHeadFeeds(site, articles.slice(0, 5), months, [], deleted);
    const feed = readJsonFeed(byName(files, 'feed.json'));
    expect(feed._feedpub).toEqual({
      deleted: [
        { id: 'urn:uuid:00000000-0000-5000-8000-000000000002', url: 'https://n.example/articles/gone-b/', date_deleted: '2026-03-11T10:00:00Z' },
        { id: 'urn:uuid:00000000-0000-5000-8000-000000000001', url: 'https://n.example/articles/gone-a/', date_deleted: '2026-03-10T09:00:00Z' },
      ],
    });
    expect(feed.items.map((i: { id: string }) => i.id)).not.toContain(deleted[0]?.id);
    expect(readJsonFeed(byName(renderHeadFeeds(site, articles.slice(0, 5), months), 'feed.json'))._feedpub).toBeUndefined();
  });
});
