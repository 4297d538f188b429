// Sitemaps read back with fast-xml-parser (not what writes them) and checked against the sitemaps.org
// protocol's limits and the Google News sitemap's required fields; the news window follows the injected
// clock, never the wall clock.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { NEWS_WINDOW_MS, newsWindowMonths } from '../../../functions/core/site-index/months';
import { DEFAULT_SITE, type Article, type SiteConfig } from '../../../functions/core/model';
import { monthOf } from '../../../functions/core/order';
import { renderSite } from '../../../functions/core/render/index';
import { NEWS_MAX_URLS, newsLanguage, renderNewsSitemap } from '../../../functions/core/render/news-sitemap';
import { monthSitemapPaths, renderMonthSitemaps, renderSitemapIndex, urlsPerSitemap } from '../../../functions/core/render/sitemap';
import { syntheticArticles } from '../../support/articles';

const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com/edition', feedSize: 10, publisher: 'Example & Sons' };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => ['url', 'sitemap'].includes(name) });
// W3C Datetime, the complete-date-plus-time forms sitemaps.org and Google News accept.
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const LIMIT_URLS = 50_000;
const LIMIT_BYTES = 52_428_800;

function read(xml: string): Record<string, any> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml) as Record<string, any>;
}
const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));

/** A minimal article in `month` (tests of size only need url, dates and id). */
function bulkArticle(i: number, month: string, base = site.baseUrl): Article {
  const published = `${month}-10T00:00:00.000Z`;
  return {
    id: `id-${String(i).padStart(6, '0')}`, slug: `s-${i}`, url: `${base}/articles/s-${i}/`, title: `T${i}`, summary: '', contentHtml: '', contentText: '',
    authors: [], published, updated: published, tags: [], language: 'en', readingTimeMinutes: 1, images: [], repairs: [], warnings: [],
    source: { key: `k${i}`, size: 1 }, contentHash: '0', archiveMonth: month,
  };
}

describe('sitemap.xml and the month sitemaps of a full build', () => {
  const articles = syntheticArticles(150, 3, { site });
  const now = articles.map((a) => a.published).sort().at(-1) as string;
  const files = renderSite(site, articles, undefined, now);
  const byPath = new Map(files.map((f) => [f.path, text(f.body)]));
  const index = read(byPath.get('sitemap.xml') as string);
  const childUrls: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);

  it('is a sitemap index in the sitemaps.org namespace listing one child per month and the news sitemap', () => {
    expect(index.sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const months = [...new Set(articles.map(monthOf))].sort();
    expect(childUrls).toEqual([...months.map((m) => `${site.baseUrl}/sitemap-${m}.xml`), `${site.baseUrl}/sitemap-news.xml`]);
    for (const url of childUrls) expect(byPath.has(url.slice(site.baseUrl.length + 1)), url).toBe(true);
  });

  it('lists every article permalink exactly once, each with a W3C datetime lastmod equal to its updated time', () => {
    const seen = new Map<string, string>();
    for (const url of childUrls.filter((u) => !u.endsWith('sitemap-news.xml'))) {
      const body = byPath.get(url.slice(site.baseUrl.length + 1)) as string;
      const doc = read(body);
      expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      expect(doc.urlset.url.length).toBeLessThanOrEqual(LIMIT_URLS);
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(LIMIT_BYTES);
      // A sitemap may only list URLs below its own folder (sitemaps.org, "Sitemap file location").
      const folder = url.slice(0, url.lastIndexOf('/') + 1);
      for (const entry of doc.urlset.url as { loc: string; lastmod: string }[]) {
        expect(entry.loc.startsWith(folder), entry.loc).toBe(true);
        expect(entry.lastmod).toMatch(W3C_DATETIME);
        expect(seen.has(entry.loc), entry.loc).toBe(false);
        seen.set(entry.loc, entry.lastmod);
      }
    }
    expect(seen.size).toBe(articles.length);
    for (const a of articles) expect(Date.parse(seen.get(a.url) as string)).toBe(Date.parse(a.updated.replace(/\.\d+Z$/, 'Z')));
  });

  it('robots.txt names the index by its absolute URL', () => {
    expect(byPath.get('robots.txt')).toContain(`\nSitemap: ${site.baseUrl}/sitemap.xml\n`);
    expect(byPath.get('robots.txt')).toMatch(/^User-agent: \*\nDisallow:\n/);
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    const again = new Map(renderSite(site, articles, undefined, now).map((f) => [f.path, text(f.body)]));
    for (const path of [...byPath.keys()].filter((p) => p.startsWith('sitemap'))) expect(again.get(path), path).toBe(byPath.get(path));
  });
});

describe('the sitemaps.org limits', () => {
  it('a month of 50,001 articles is split into two children of 50,000 and 1 URLs, both in the index', () => {
    const month = '2026-03';
    const articles = Array.from({ length: 50_001 }, (_, i) => bulkArticle(i, month));
    const files = renderMonthSitemaps(site, month, articles);
    expect(files.map((f) => f.path)).toEqual(['sitemap-2026-03.xml', 'sitemap-2026-03-2.xml']);
    const counts = files.map((f) => read(text(f.body)).urlset.url.length);
    expect(counts).toEqual([50_000, 1]);
    for (const f of files) expect(Buffer.byteLength(text(f.body))).toBeLessThanOrEqual(LIMIT_BYTES);
    const index = read(text(renderSitemapIndex(site, [{ month, count: 50_001 }], false).body));
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual(files.map((f) => `${site.baseUrl}/${f.path}`));
  });

  it('a new article lands in the last part: the earlier part keeps its bytes', () => {
    const month = '2026-03';
    const articles = Array.from({ length: 50_001 }, (_, i) => bulkArticle(i, month));
    const before = renderMonthSitemaps(site, month, articles);
    const later = { ...bulkArticle(60_000, month), published: `${month}-20T00:00:00.000Z`, updated: `${month}-20T00:00:00.000Z` };
    const after = renderMonthSitemaps(site, month, [...articles, later]);
    expect(after[0]?.body).toBe(before[0]?.body);
    expect(after[1]?.body).not.toBe(before[1]?.body);
  });

  it('with a very long base URL a child holds fewer URLs so that it stays under 50 MB', () => {
    const long: SiteConfig = { ...site, baseUrl: `https://news.example.com/${'p'.repeat(1500)}` };
    const perFile = urlsPerSitemap(long);
    expect(perFile).toBeLessThan(LIMIT_URLS);
    const month = '2026-04';
    const articles = Array.from({ length: perFile + 1 }, (_, i) => bulkArticle(i, month, long.baseUrl));
    const files = renderMonthSitemaps(long, month, articles);
    expect(files).toHaveLength(2);
    expect(monthSitemapPaths(long, month, perFile + 1)).toEqual(files.map((f) => f.path));
    const bytes = Buffer.byteLength(text(files[0]?.body ?? ''));
    expect(bytes).toBeLessThanOrEqual(LIMIT_BYTES);
    // Not needlessly small: within one longest entry of the limit's worth of entries.
    expect(bytes).toBeGreaterThan(LIMIT_BYTES * 0.9);
  });

  it('URLs are entity-escaped and percent-encoded as RFC 3986 asks', () => {
    const odd: SiteConfig = { ...site, baseUrl: "https://news.example.com/a&b'c" };
    const article = { ...bulkArticle(1, '2026-05', odd.baseUrl), url: "https://news.example.com/a&b'c/articles/caf\u00e9/" };
    const body = text(renderMonthSitemaps(odd, '2026-05', [article])[0]?.body ?? '');
    expect(body).toContain('<loc>https://news.example.com/a&amp;b&apos;c/articles/caf%C3%A9/</loc>');
    expect(read(body).urlset.url[0].loc).toBe("https://news.example.com/a&b'c/articles/caf%C3%A9/");
  });
});

describe('the Google News sitemap', () => {
  const now = '2026-03-10T12:00:00Z';
  const at = (msBefore: number) => new Date(Date.parse(now) - msBefore).toISOString();
  const dated = (i: number, published: string, extra: Partial<Article> = {}): Article => ({ ...bulkArticle(i, published.slice(0, 7)), published, updated: published, ...extra });

  it('lists the articles of the two days before the injected clock, with the required news fields', () => {
    const articles = [
      dated(1, at(60_000), { title: 'Rates & <bonds> "rise"', language: 'en-GB' }),
      dated(2, at(NEWS_WINDOW_MS - 60_000), { language: 'fr' }),
      dated(3, at(NEWS_WINDOW_MS + 60_000)),
      dated(4, at(40 * 86_400_000)),
    ];
    const file = renderNewsSitemap(site, articles, now);
    const doc = read(text(file?.body ?? ''));
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = doc.urlset.url as Record<string, any>[];
    expect(urls.map((u) => u.loc)).toEqual([articles[0]?.url, articles[1]?.url]);
    for (const u of urls) {
      const news = u['news:news'];
      // Required by Google: publication (name, language), publication_date, title.
      expect(news['news:publication']['news:name']).toBe('Example & Sons');
      expect(news['news:publication']['news:language']).toMatch(/^([a-z]{2,3}|zh-cn|zh-tw)$/);
      expect(news['news:publication_date']).toMatch(W3C_DATETIME);
      expect(typeof news['news:title']).toBe('string');
      expect(u.lastmod).toMatch(W3C_DATETIME);
    }
    expect(urls[0]?.['news:news']['news:title']).toBe('Rates & <bonds> "rise"');
    expect(urls[0]?.['news:news']['news:publication']['news:language']).toBe('en');
    expect(urls[1]?.['news:news']['news:publication']['news:language']).toBe('fr');
    expect(urls[0]?.['news:news']['news:publication_date']).toBe(at(60_000).replace(/\.\d+Z$/, 'Z'));
  });

  it('keeps at most 1,000 entries, the newest', () => {
    const articles = Array.from({ length: 1500 }, (_, i) => dated(i, at(i * 60_000)));
    const urls = read(text(renderNewsSitemap(site, articles, now)?.body ?? '')).urlset.url as { loc: string }[];
    expect(urls).toHaveLength(NEWS_MAX_URLS);
    expect(urls.at(-1)?.loc).toBe(articles[NEWS_MAX_URLS - 1]?.url);
  });

  it('is absent when no article is in the window (a urlset needs a url), and the index then omits it', () => {
    expect(renderNewsSitemap(site, [dated(1, at(3 * 86_400_000))], now)).toBeUndefined();
    const files = renderSite(site, [dated(1, at(3 * 86_400_000))], undefined, now);
    expect(files.some((f) => f.path === 'sitemap-news.xml')).toBe(false);
    const index = read(text(files.find((f) => f.path === 'sitemap.xml')?.body ?? ''));
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([`${site.baseUrl}/sitemap-2026-03.xml`]);
  });

  it.each([
    ['en', 'en'], ['en-GB', 'en'], ['pt_BR', 'pt'], ['zh-CN', 'zh-cn'], ['zh-Hans', 'zh-cn'], ['zh-TW', 'zh-tw'], ['zh-Hant-HK', 'zh-tw'], ['ast', 'ast'],
  ])('language %s -> %s', (tag, code) => {
    expect(newsLanguage(tag)).toBe(code);
  });

  it('the window months the publisher reads: both ends of the two days, in the site zone', () => {
    expect(newsWindowMonths('2026-03-10T12:00:00Z', 'UTC')).toEqual(['2026-03']);
    expect(newsWindowMonths('2026-03-01T12:00:00Z', 'UTC')).toEqual(['2026-02', '2026-03']);
    // Two days before 15:00 UTC on 2 April is still March in UTC, but already April in Sydney (UTC+11).
    expect(newsWindowMonths('2026-04-02T15:00:00Z', 'UTC')).toEqual(['2026-03', '2026-04']);
    expect(newsWindowMonths('2026-04-02T15:00:00Z', 'Australia/Sydney')).toEqual(['2026-04']);
  });
});
