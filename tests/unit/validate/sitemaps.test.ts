// The validator's sitemap checks, against hand-written sitemaps added to the hand-written good site
// (not our renderer's output), one broken thing per case; and a rendered site passes them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../../functions/core/model';
import { renderSite } from '../../../functions/core/render';
import { validateSite } from '../../../functions/core/validate';
import { syntheticArticles } from '../../support/articles';
import { goodSite } from '../../support/good-site';

const BASE = 'https://news.example.com';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const url = (slug: string, lastmod: string) => `  <url>\n    <loc>${BASE}/articles/${slug}/</loc>\n    <lastmod>${lastmod}</lastmod>\n  </url>\n`;

function withSitemaps(): Map<string, string> {
  const files = goodSite();
  files.set('sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n  <sitemap><loc>${BASE}/sitemap-2024-09.xml</loc></sitemap>\n  <sitemap><loc>${BASE}/sitemap-2024-10.xml</loc></sitemap>\n  <sitemap><loc>${BASE}/sitemap-news.xml</loc></sitemap>\n</sitemapindex>\n`);
  files.set('sitemap-2024-09.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${url('b', '2024-09-15T12:00:00Z')}</urlset>\n`);
  files.set('sitemap-2024-10.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${url('c', '2024-10-02T09:30+00:00')}${url('a', '2024-10-31')}</urlset>\n`);
  files.set(
    'sitemap-news.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n  <url>\n    <loc>${BASE}/articles/a/</loc>\n    <news:news>\n      <news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>\n      <news:publication_date>2024-10-31T00:00:00Z</news:publication_date>\n      <news:title>Cease-fire talks</news:title>\n    </news:news>\n  </url>\n</urlset>\n`,
  );
  return files;
}

const rules = (files: Map<string, string>) => validateSite(files).map((v) => [v.path, v.rule]);
const change = (files: Map<string, string>, path: string, from: string | RegExp, to: string) => {
  const before = files.get(path) as string;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${String(from)} not in ${path}`);
  files.set(path, after);
  return files;
};

describe('sitemap checks', () => {
  it('the hand-written site with its sitemaps is valid', () => {
    expect(rules(withSitemaps())).toEqual([]);
  });

  it.each<[string, (f: Map<string, string>) => Map<string, string>, [string, string][]]>([
    ['a child the index names is missing', (f) => (f.delete('sitemap-2024-09.xml'), f), [['sitemap.xml', 'sitemap-link'], ['sitemap.xml', 'sitemap-unlisted']]],
    ['a listed article page is missing', (f) => (f.delete('articles/b/index.html'), f), [['feed.xml', 'item-link'], ['sitemap-2024-09.xml', 'sitemap-link']]],
    ['an article page in no sitemap', (f) => change(f, 'sitemap-2024-10.xml', url('c', '2024-10-02T09:30+00:00'), ''), [['sitemap.xml', 'sitemap-unlisted']]],
    ['a sitemap the index does not name', (f) => change(f, 'sitemap.xml', `  <sitemap><loc>${BASE}/sitemap-2024-09.xml</loc></sitemap>\n`, ''), [['sitemap-2024-09.xml', 'sitemap-unreached']]],
    ['a loc outside the site', (f) => change(f, 'sitemap-2024-10.xml', `${BASE}/articles/a/`, 'https://elsewhere.example/a/'), [['sitemap-2024-10.xml', 'sitemap-link']]],
    ['a lastmod that is no W3C datetime', (f) => change(f, 'sitemap-2024-09.xml', '2024-09-15T12:00:00Z', 'Sun, 15 Sep 2024 12:00:00 GMT'), [['sitemap-2024-09.xml', 'sitemap-lastmod']]],
    ['the wrong namespace', (f) => change(f, 'sitemap-2024-09.xml', NS, 'http://www.google.com/schemas/sitemap/0.84'), [['sitemap-2024-09.xml', 'sitemap-namespace']]],
    ['a news entry without its title', (f) => change(f, 'sitemap-news.xml', /<news:title>[^<]*<\/news:title>/, ''), [['sitemap-news.xml', 'news-required']]],
    ['a news language with a region', (f) => change(f, 'sitemap-news.xml', '<news:language>en</news:language>', '<news:language>en-GB</news:language>'), [['sitemap-news.xml', 'news-language']]],
  ])('%s', (_name, mutate, expected) => {
    const found = rules(mutate(withSitemaps()));
    for (const violation of expected) expect(found).toContainEqual(violation);
    const sitemapOnly = (v: string[]) => String(v[0]).startsWith('sitemap');
    expect(found.filter(sitemapOnly)).toEqual(expected.filter(sitemapOnly));
  });

  it('more than 50,000 URLs in one sitemap', () => {
    const files = withSitemaps();
    const many = Array.from({ length: 50_001 }, () => url('a', '2024-10-31')).join('');
    files.set('sitemap-2024-10.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${many}${url('c', '2024-10-02')}</urlset>\n`);
    expect(rules(files)).toEqual([['sitemap-2024-10.xml', 'sitemap-limit']]);
  });

  it('a site rendered by feedpub passes, sitemaps included', () => {
    const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com/edition', feedSize: 10 };
    const articles = syntheticArticles(80, 9, { site });
    const files = new Map(renderSite(site, articles, undefined, articles.map((a) => a.published).sort().at(-1)).map((f) => [f.path, f.body]));
    expect(files.has('sitemap-news.xml')).toBe(true);
    expect(validateSite(files)).toEqual([]);
  });
});
