import { describe, expect, it } from 'vitest';
import { monthOf } from '../../../functions/core/order';
import { syntheticArticles } from '../../support/articles';

describe('syntheticArticles', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(syntheticArticles(50, 7))).toBe(JSON.stringify(syntheticArticles(50, 7)));
    expect(syntheticArticles(5, 7)[0]?.title).not.toBe(syntheticArticles(5, 8)[0]?.title);
  });

  it('spreads distinct, ascending RFC 3339 dates over several months, with unique ids and slugs', () => {
    const articles = syntheticArticles(200);
    const published = articles.map((a) => a.published);
    expect(published.every((p) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(p))).toBe(true);
    expect([...published].sort()).toEqual(published);
    expect(new Set(published).size).toBe(200);
    expect(new Set(articles.map(monthOf)).size).toBeGreaterThan(3);
    expect(new Set(articles.map((a) => a.id)).size).toBe(200);
    expect(new Set(articles.map((a) => a.slug)).size).toBe(200);
    expect(articles.every((a) => a.updated >= a.published)).toBe(true);
  });

  it('includes images with url and credit, and described-only images without url', () => {
    const images = syntheticArticles(200).flatMap((a) => a.images);
    expect(images.some((i) => i.url !== undefined && i.credit?.display !== undefined && i.width === 1200)).toBe(true);
    expect(images.some((i) => i.url === undefined && i.credit !== undefined && i.caption !== '')).toBe(true);
  });
});
