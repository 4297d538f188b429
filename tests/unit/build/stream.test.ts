import { describe, expect, it } from 'vitest';
import { renderSiteLazily } from '../../../functions/build/stream';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderSite } from '../../../functions/core/render';
import { syntheticArticles } from '../../fixtures/articles';

describe('renderSiteLazily', () => {
  it.each([
    [0, 1],
    [1, 2],
    [120, 3],
    [400, 4],
  ])('gives exactly the files of renderSite, in its order (%d articles, seed %d)', (n, seed) => {
    const site = { ...DEFAULT_SITE, feedSize: 25 };
    const articles = syntheticArticles(n, seed, { site }).reverse();
    const status = { articles: n, lastPublish: articles[0]?.updated ?? null, quarantined: [{ key: 'bad.txt', code: 'binary' as const, reason: 'binary content (JPEG) in a .txt upload', time: '2024-10-01T00:00:00Z', size: 9 }] };
    expect([...renderSiteLazily(site, articles, status)]).toEqual(renderSite(site, articles, status));
    expect([...renderSiteLazily(site, articles)]).toEqual(renderSite(site, articles));
  });
});
