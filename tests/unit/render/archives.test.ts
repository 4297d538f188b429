// RFC 5005 archive link graph over three months, and JSON Feed next_url paging to older items.
import { describe, expect, it } from 'vitest';
import type { Article, SiteConfig } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { monthOf } from '../../../functions/core/order';
import fc from 'fast-check';
import { renderArchiveFeeds, renderHeadFeeds, renderSite } from '../../../functions/core/render/index';
import { syntheticArticles } from '../../support/articles';
import { bodyText, readJsonFeed, readXml } from '../../support/read-back';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://n.example', feedSize: 5 };
const MONTHS = ['2024-01', '2024-02', '2024-03'];
const articles = syntheticArticles(200, 5, { site, spreadDays: 0.5 }).filter((a) => MONTHS.includes(monthOf(a)));
const url = (path: string) => `https://n.example/${path}`;

// The publish clock: mid-March 2024, so March is the current month.
const NOW = '2024-03-15T12:00:00Z';

function files(month?: string, now = NOW) {
  const list =
    month === undefined
      ? renderHeadFeeds(site, articles.slice(-5).reverse(), MONTHS)
      : renderArchiveFeeds(site, month, articles.filter((a) => monthOf(a) === month), MONTHS, now);
  const get = (name: string) => bodyText(list.find((f) => f.path.endsWith(name))?.body ?? '');
  return { list, rss: readXml(get('feed.xml')), atom: readXml(get('atom.xml')), json: readJsonFeed(get('feed.json')) };
}

const rssLinks = (doc: Record<string, any>) => Object.fromEntries(doc.rss.channel['atom:link'].map((l: any) => [l['@_rel'], l['@_href']]));
const atomLinks = (doc: Record<string, any>) => Object.fromEntries(doc.feed.link.map((l: any) => [l['@_rel'], l['@_href']]));

describe('RFC 5005 links', () => {
  it('fixture covers the three months', () => {
    expect(new Set(articles.map(monthOf))).toEqual(new Set(MONTHS));
  });

  // [document, expected rel -> file (without the format's file name)]
  const graph: [string | undefined, Record<string, string>][] = [
    [undefined, { self: '', 'prev-archive': 'archive/2024-03/' }],
    ['2024-03', { self: 'archive/2024-03/', current: '', 'prev-archive': 'archive/2024-02/' }],
    ['2024-02', { self: 'archive/2024-02/', current: '', 'prev-archive': 'archive/2024-01/', 'next-archive': 'archive/2024-03/' }],
    ['2024-01', { self: 'archive/2024-01/', current: '', 'next-archive': 'archive/2024-02/' }],
  ];

  it.each(graph)('document %s links as expected in RSS and Atom', (month, expected) => {
    const { rss, atom } = files(month);
    const withFile = (name: string) => Object.fromEntries(Object.entries(expected).map(([rel, dir]) => [rel, url(dir + name)]));
    expect(rssLinks(rss)).toEqual(withFile('feed.xml'));
    expect(atomLinks(atom)).toEqual({ ...withFile('atom.xml'), alternate: url('') });
    // fh:archive marks completed archives only: not the head, not the current month (still open).
    expect('fh:archive' in rss.rss.channel).toBe(month !== undefined && month !== '2024-03');
    expect('fh:archive' in atom.feed).toBe(month !== undefined && month !== '2024-03');
  });

  it('JSON Feed next_url: head, then the rest of its oldest month, then the months before; each item once', () => {
    const head = articles.slice(-5).reverse();
    const march = articles.filter((a) => monthOf(a) === '2024-03');
    const headFiles = renderHeadFeeds(site, head, MONTHS, march);
    const page = (path: string) => readJsonFeed(bodyText(headFiles.find((f) => f.path === path)?.body ?? ''));
    expect(page('feed.json').next_url).toBe(url('feed-continued.json'));
    const continued = page('feed-continued.json');
    expect(continued.items.map((i: any) => i.id)).toEqual(march.slice(0, -5).reverse().map((a) => a.id));
    expect(continued.next_url).toBe(url('archive/2024-02/feed.json'));
    expect(files('2024-02').json.next_url).toBe(url('archive/2024-01/feed.json'));
    expect(files('2024-01').json.next_url).toBeUndefined();
    // RSS and Atom keep RFC 5005: prev-archive is the newest month.
    expect(rssLinks(readXml(bodyText(headFiles.find((f) => f.path === 'feed.xml')?.body ?? '')))['prev-archive']).toBe(url('archive/2024-03/feed.xml'));
  });

  it('property: following next_url from feed.json reaches every item exactly once, for any head size and month spread', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.2, max: 20, noNaN: true }), (feedSize, count, spreadDays) => {
        const s = { ...site, feedSize };
        const all = syntheticArticles(count, 7, { site: s, spreadDays });
        const byPath = new Map(renderSite(s, all).map((f) => [f.path, bodyText(f.body)]));
        const ids: string[] = [];
        for (let path: string | undefined = 'feed.json'; path !== undefined; ) {
          const doc = JSON.parse(byPath.get(path) as string);
          ids.push(...doc.items.map((i: any) => i.id));
          path = doc.next_url === undefined ? undefined : (doc.next_url as string).slice('https://n.example/'.length);
        }
        expect(ids.length).toBe(count);
        expect(new Set(ids)).toEqual(new Set(all.map((a) => a.id)));
      }),
      { numRuns: 40 },
    );
  });

  it('an archive holds every item of its month, newest first, and shares the head feed id', () => {
    const { atom, json } = files('2024-02');
    const expected = articles.filter((a) => monthOf(a) === '2024-02').map((a) => a.id).reverse();
    expect(atom.feed.entry.map((e: any) => e.id)).toEqual(expected);
    expect(json.items.map((i: any) => i.id)).toEqual(expected);
    expect(atom.feed.id).toBe(files().atom.feed.id);
  });

  it('past months cache for an hour, the current month like the head', () => {
    expect(files('2024-01').list.map((f) => f.cacheControl)).toEqual(Array(3).fill('public, max-age=3600'));
    expect(files('2024-03').list.map((f) => f.cacheControl)).toEqual(Array(3).fill('public, max-age=60, stale-while-revalidate=300'));
  });

  it('a month is complete only once the clock has left it: a future-dated month does not close the current one', () => {
    // An article dated May (future at NOW) makes 2024-05 the newest archive month; March stays open.
    const withFuture = [...MONTHS, '2024-05'];
    const march = renderArchiveFeeds(site, '2024-03', articles.filter((a) => monthOf(a) === '2024-03'), withFuture, NOW);
    const may = renderArchiveFeeds(site, '2024-05', [{ ...articles[0], published: '2024-05-02T00:00:00Z', archiveMonth: '2024-05' } as Article], withFuture, NOW);
    for (const list of [march, may]) {
      expect(list.map((f) => f.cacheControl)).toEqual(Array(3).fill('public, max-age=60, stale-while-revalidate=300'));
      expect(bodyText(list[0]?.body ?? '')).not.toContain('fh:archive/>');
    }
    // On the first of April March is complete.
    expect(files('2024-03', '2024-04-01T00:00:00Z').list.map((f) => f.cacheControl)).toEqual(Array(3).fill('public, max-age=3600'));
    expect('fh:archive' in files('2024-03', '2024-04-01T00:00:00Z').rss.rss.channel).toBe(true);
  });

  it("the current month is the site's: in Sydney, 1 March 01:00 local (still February in UTC) closes February", () => {
    const sydney = { ...site, timeZone: 'Australia/Sydney' };
    const feb = articles.filter((a) => monthOf(a) === '2024-02');
    expect(renderArchiveFeeds(sydney, '2024-02', feb, MONTHS, '2024-02-29T14:00:00Z')[0]?.cacheControl).toBe('public, max-age=3600');
    expect(renderArchiveFeeds(site, '2024-02', feb, MONTHS, '2024-02-29T14:00:00Z')[0]?.cacheControl).toBe('public, max-age=60, stale-while-revalidate=300');
  });

  it('the head feed is cut to feedSize even when given more', () => {
    const head = renderHeadFeeds(site, [...articles].reverse(), MONTHS);
    const json = readJsonFeed(bodyText(head.find((f) => f.path === 'feed.json')?.body ?? ''));
    expect(json.items).toHaveLength(5);
    expect(json.items[0].id).toBe(articles.at(-1)?.id);
  });

  it('a head feed with no archives has no prev-archive and no next_url', () => {
    const head = renderHeadFeeds(site, [], []);
    const rss = readXml(bodyText(head.find((f) => f.path === 'feed.xml')?.body ?? ''));
    expect(rssLinks(rss)).toEqual({ self: url('feed.xml') });
    expect(readJsonFeed(bodyText(head.find((f) => f.path === 'feed.json')?.body ?? '')).next_url).toBeUndefined();
  });
});
