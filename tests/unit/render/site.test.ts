// The full build's file set, headers per kind, status, home, static assets, and the small mapping rules.
import { describe, expect, it } from 'vitest';
import type { Credit, SiteConfig } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { monthOf } from '../../../functions/core/order';
import { rfc3339, rfc822 } from '../../../functions/core/render/dates';
import { renderSite, renderStaticAssets, renderStatus } from '../../../functions/core/render/index';
import { mediaCredits } from '../../../functions/core/render/media';
import { syntheticArticles } from '../../support/articles';
import { bodyText, readXml } from '../../support/read-back';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com/edition', feedSize: 10 };

describe('renderSite', () => {
  const articles = syntheticArticles(120, 2);
  const months = [...new Set(articles.map(monthOf))].sort();
  const status = { articles: 120, lastPublish: '2024-05-01T12:00:00Z', quarantined: [] };
  const files = renderSite(site, articles, status);
  const byPath = new Map(files.map((f) => [f.path, f]));

  it('writes head feeds, three feeds per month, one page per article, home, assets and status, once each', () => {
    expect(files.slice(0, 3).map((f) => f.path)).toEqual(['feed.xml', 'atom.xml', 'feed.json']);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    // head feeds + feed-continued.json, archives + a sitemap and an archive page per month, pages, home,
    // archive index + sitemap index + news sitemap + robots.txt, style.css + feed.xsl + 404.html + subscribe page, status.json + status page
    expect(files.length).toBe(4 + 5 * months.length + 120 + 1 + 4 + 4 + 2);
    expect(byPath.has('feed-continued.json')).toBe(true);
    expect(byPath.get('404.html')?.contentType).toBe('text/html; charset=utf-8');
    for (const month of months) expect(byPath.has(`archive/${month}/atom.xml`)).toBe(true);
    for (const article of articles) expect(byPath.has(`articles/${article.slug}/index.html`)).toBe(true);
  });

  // [path, content type, cache control]
  const headers: [string, string, string][] = [
    ['feed.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=60, stale-while-revalidate=300'],
    ['atom.xml', 'application/atom+xml; charset=utf-8', 'public, max-age=60, stale-while-revalidate=300'],
    ['feed.json', 'application/feed+json; charset=utf-8', 'public, max-age=60, stale-while-revalidate=300'],
    ['archive/2024-01/feed.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=3600'],
    ['articles/synthetic-2-1/index.html', 'text/html; charset=utf-8', 'public, max-age=300'],
    ['index.html', 'text/html; charset=utf-8', 'public, max-age=60'],
    ['archive/index.html', 'text/html; charset=utf-8', 'public, max-age=60'],
    ['archive/2024-01/index.html', 'text/html; charset=utf-8', 'public, max-age=60'],
    ['sitemap.xml', 'application/xml; charset=utf-8', 'public, max-age=60'],
    ['sitemap-2024-01.xml', 'application/xml; charset=utf-8', 'public, max-age=60'],
    ['sitemap-news.xml', 'application/xml; charset=utf-8', 'public, max-age=60'],
    ['robots.txt', 'text/plain; charset=utf-8', 'public, max-age=3600'],
    ['style.css', 'text/css; charset=utf-8', 'public, max-age=3600'],
    ['feed.xsl', 'application/xslt+xml; charset=utf-8', 'public, max-age=3600'],
    ['subscribe/index.html', 'text/html; charset=utf-8', 'public, max-age=3600'],
    ['status.json', 'application/json; charset=utf-8', 'public, max-age=60, stale-while-revalidate=300'],
    ['status/index.html', 'text/html; charset=utf-8', 'public, max-age=60, stale-while-revalidate=300'],
  ];
  it.each(headers)('%s is served as %s with %s', (path, type, cache) => {
    expect(byPath.get(path)?.contentType).toBe(type);
    expect(byPath.get(path)?.cacheControl).toBe(cache);
  });

  it('points the stylesheet PI and page CSS at the base path, and links head feeds from the home page', () => {
    expect(bodyText(byPath.get('feed.xml')?.body ?? '')).toContain('<?xml-stylesheet type="text/xsl" href="/edition/feed.xsl"?>');
    const home = bodyText(byPath.get('index.html')?.body ?? '');
    expect(home).toContain('<link rel="stylesheet" href="/edition/style.css">');
    expect(home).toContain('href="https://news.example.com/edition/feed.json"');
    expect(home.match(/<li>/g)).toHaveLength(10);
  });

  it('takes the feed dates from the items, never from the clock', () => {
    const atom = readXml(bodyText(byPath.get('atom.xml')?.body ?? '')).feed;
    const rss = readXml(bodyText(byPath.get('feed.xml')?.body ?? '')).rss.channel;
    // The head holds the 10 newest by published; its updated is the newest updated among those.
    const head = [...articles].sort((a, b) => b.published.localeCompare(a.published)).slice(0, 10);
    const headNewest = head.map((a) => a.updated).sort().at(-1);
    expect(atom.updated).toBe(headNewest);
    expect(rss.lastBuildDate).toBe(new Date(headNewest as string).toUTCString());
  });
});

describe('static assets', () => {
  it('feed.xsl is well-formed XSLT 1.0 with one page template for RSS items and Atom entries', () => {
    const xsl = bodyText(renderStaticAssets(site).find((f) => f.path === 'feed.xsl')?.body ?? '');
    const doc = readXml(xsl);
    expect(doc['xsl:stylesheet']['@_version']).toBe('1.0');
    // One item list, not one per format (the pages it renders are checked in feed-xsl.test.ts).
    expect(xsl.match(/<xsl:for-each /g)).toEqual(['<xsl:for-each ']);
    expect(xsl).toContain('<xsl:template match="/rss/channel | /atom:feed">');
    expect(xsl).toContain('<xsl:for-each select="item | atom:entry">');
  });
});

describe('status', () => {
  it('is public: counts and the last publish only, never a rejected upload\'s key or reason', () => {
    const quarantined = [
      { key: 'z/bad.txt', code: 'binary' as const, reason: 'binary content (JPEG) in a .txt upload', time: '2024-05-01T11:00:00Z', size: 9 },
      { key: 'a/<empty>.md', code: 'bad-front-matter' as const, reason: 'YAML error near "secret: embargoed until Friday"', time: '2024-05-01T10:00:00Z', size: 0 },
    ];
    const [json, page] = renderStatus(site, { articles: 7, lastPublish: '2024-05-01T12:00:00Z', quarantined });
    expect(JSON.parse(bodyText(json?.body ?? ''))).toEqual({ generated: '2024-05-01T12:00:00Z', articles: 7, lastPublish: '2024-05-01T12:00:00Z', quarantined: 2 });
    const html = bodyText(page?.body ?? '');
    expect(html).toContain('<dt>Articles</dt><dd>7</dd>');
    expect(html).toContain('<dt>Quarantined uploads</dt><dd>2</dd>');
    for (const leak of ['bad.txt', 'empty', 'JPEG', 'embargoed']) {
      expect(html, leak).not.toContain(leak);
      expect(bodyText(json?.body ?? ''), leak).not.toContain(leak);
    }
  });

  it('shows "never" before the first publish', () => {
    const [json, page] = renderStatus(site, { articles: 0, lastPublish: null, quarantined: [] });
    expect(JSON.parse(bodyText(json?.body ?? '')).generated).toBeNull();
    expect(bodyText(page?.body ?? '')).toContain('<dt>Last publish</dt><dd>never</dd>');
  });
});

describe('date formats', () => {
  it.each([
    ['2024-10-31T00:00:00Z', 'Thu, 31 Oct 2024 00:00:00 GMT', '2024-10-31T00:00:00Z'],
    ['2024-02-29T23:59:59.000Z', 'Thu, 29 Feb 2024 23:59:59 GMT', '2024-02-29T23:59:59Z'],
    ['2025-01-05T08:07:06.250Z', 'Sun, 05 Jan 2025 08:07:06 GMT', '2025-01-05T08:07:06Z'],
    ['2024-06-01T02:00:00+02:00', 'Sat, 01 Jun 2024 00:00:00 GMT', '2024-06-01T00:00:00Z'],
  ])('%s -> RFC 822 %s, RFC 3339 %s', (iso, expected822, expected3339) => {
    expect(rfc822(iso)).toBe(expected822);
    expect(rfc3339(iso)).toBe(expected3339);
  });
});

describe('Media RSS credit mapping', () => {
  const credit = (fields: Partial<Credit>): Credit => ({ display: '', handout: false, pool: false, raw: '', ...fields });
  it.each([
    [
      'photographer and agency',
      credit({ display: 'Maher Abou Taleb/Reuters', photographer: 'Maher Abou Taleb', agency: 'Reuters', raw: 'REUTERS/Maher Abou Taleb' }),
      [
        { '@_role': 'photographer', '@_scheme': 'urn:ebu', '#text': 'Maher Abou Taleb' },
        { '@_role': 'distribution company', '@_scheme': 'urn:ebu', '#text': 'Reuters' },
      ],
    ],
    [
      'handout via an agency: whole credit, then the distributor',
      credit({ display: 'ISPR/Handout via Reuters', provider: 'ISPR', via: 'Reuters', handout: true }),
      [{ '#text': 'ISPR/Handout via Reuters' }, { '@_role': 'distribution company', '@_scheme': 'urn:ebu', '#text': 'Reuters' }],
    ],
    ['agency only: said once, not again as distributor', credit({ display: 'AP', agency: 'AP', raw: 'Associated Press' }), [{ '#text': 'AP' }]],
    ['unknown shape keeps the raw line', credit({ raw: 'Courtesy of the family' }), [{ '#text': 'Courtesy of the family' }]],
    ['photographer only', credit({ display: 'Ana Ruiz', photographer: 'Ana Ruiz' }), [{ '@_role': 'photographer', '@_scheme': 'urn:ebu', '#text': 'Ana Ruiz' }]],
    ['empty credit', credit({}), []],
  ])('%s', (_name, input, expected) => {
    expect(mediaCredits(input)).toEqual(expected);
  });
});
