// Our renderer's output must pass our validator: the two were written apart (render helper, validate helper),
// so agreement here is a real cross-check, not a tautology.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderSite } from '../../../functions/core/render';
import { validateSiteReport } from '../../../functions/core/validate';
import { syntheticArticles } from '../../support/articles';

function siteFiles(n: number, seed: number) {
  const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 20 };
  return new Map(renderSite(site, syntheticArticles(n, seed, { site }), { articles: n, lastPublish: null, quarantined: [] }).map((f) => [f.path, f.body]));
}

describe('validateSite on rendered sites', () => {
  it('finds no violation in a rendered site of 300 articles over many months', () => {
    const files = siteFiles(300, 7);
    const report = validateSiteReport(files);
    expect(report.violations).toEqual([]);
    // Head feeds, every article in its month's three archives, and the JSON page continuing the head.
    const continued = JSON.parse(String(files.get('feed-continued.json'))).items.length;
    expect(continued).toBeGreaterThan(0);
    expect(report.items).toBe(3 * 20 + 3 * 300 + continued);
  });

  it('finds no violation for any small synthetic site', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1_000_000 }), (n, seed) => {
        expect(validateSiteReport(siteFiles(n, seed)).violations).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('validateSite on a rendered site with one thing broken', () => {
  const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 20 };
  const articles = syntheticArticles(90, 11, { site });
  const months = [...new Set(articles.map((a) => a.published.slice(0, 7)))].sort();
  const newest = months.at(-1) as string;
  const previous = months.at(-2) as string;
  const newestArticle = [...articles].sort((a, b) => (a.published < b.published ? 1 : -1))[0];
  const rendered = () => new Map(renderSite(site, articles).map((f) => [f.path, f.body]));

  it('has at least three months to link', () => {
    expect(months.length).toBeGreaterThanOrEqual(3);
    expect(validateSiteReport(rendered()).violations).toEqual([]);
  });

  it.each([
    {
      name: "newest month's Atom archive missing: the head links back to it, the month before links forward",
      mutate: (files: Map<string, unknown>) => files.delete(`archive/${newest}/atom.xml`),
      expected: () => [[`archive/${previous}/atom.xml`, 'archive-link'], ['atom.xml', 'archive-link']],
    },
    {
      name: "newest article's page missing: its item in the three head feeds and three month feeds, its month sitemap and the news sitemap",
      mutate: (files: Map<string, unknown>) => files.delete(`articles/${newestArticle?.slug}/index.html`),
      expected: () => [
        [`archive/${newest}/atom.xml`, 'item-link'],
        [`archive/${newest}/feed.json`, 'item-link'],
        [`archive/${newest}/feed.xml`, 'item-link'],
        ['atom.xml', 'item-link'],
        ['feed.json', 'item-link'],
        ['feed.xml', 'item-link'],
        [`sitemap-${newest}.xml`, 'sitemap-link'],
        ['sitemap-news.xml', 'sitemap-link'],
      ],
    },
  ])('$name', ({ mutate, expected }) => {
    const files = rendered();
    mutate(files as Map<string, unknown>);
    expect(validateSiteReport(files).violations.map((v) => [v.path, v.rule])).toEqual(expected());
  });
});
