// Our renderer's output must pass our validator: the two were written apart (render helper, validate helper),
// so agreement here is a real cross-check, not a tautology.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderSite } from '../../../functions/core/render';
import { validateSiteReport } from '../../../functions/core/validate';
import { syntheticArticles } from '../../fixtures/articles';

function siteFiles(n: number, seed: number) {
  const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 20 };
  return new Map(renderSite(site, syntheticArticles(n, seed, { site }), { articles: n, lastPublish: null, quarantined: [] }).map((f) => [f.path, f.body]));
}

describe('validateSite on rendered sites', () => {
  it('finds no violation in a rendered site of 300 articles over many months', () => {
    const report = validateSiteReport(siteFiles(300, 7));
    expect(report.violations).toEqual([]);
    expect(report.items).toBe(3 * 20 + 3 * 300);
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
