// Invariants: any text renders to well-formed XML and valid JSON Feed; output bytes depend only on input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article, Credit } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { renderArticlePage, renderHeadFeeds, renderSite } from '../../../functions/core/render/index';
import { syntheticArticles } from '../../support/articles';
import { bodyText, readFeed, readJsonFeed, readXml } from '../../support/read-back';

const base = syntheticArticles(1, 21)[0] as Article;
const text = fc.string({ unit: 'binary', maxLength: 60 });

const creditArb: fc.Arbitrary<Credit> = fc.record({
  display: text,
  photographer: fc.option(text, { nil: undefined }),
  agency: fc.option(text, { nil: undefined }),
  handout: fc.boolean(),
  pool: fc.boolean(),
  raw: text,
});

const articleArb: fc.Arbitrary<Article> = fc
  .record({
    title: text,
    summary: text,
    body: text,
    authors: fc.array(text, { maxLength: 3 }),
    tags: fc.array(text, { maxLength: 3 }),
    caption: text,
    credit: creditArb,
    withUrl: fc.boolean(),
    published: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
  })
  .map((r) => ({
    ...base,
    title: r.title,
    summary: r.summary,
    // Bodies arrive sanitized; an arbitrary text body escaped is a fair stand-in for any sanitized HTML.
    contentHtml: `<p>${r.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
    authors: r.authors,
    tags: r.tags,
    published: new Date(r.published).toISOString(),
    updated: new Date(r.published).toISOString(),
    images: [
      {
        ...(r.withUrl && { url: 'https://img.example/a.jpg?x=1&y=%3C2%3E&z=\'q\'', width: 10, height: 20, type: 'image/jpeg' }),
        alt: r.caption,
        caption: r.caption,
        credit: r.credit,
      },
    ],
  }));

describe('rendering arbitrary articles', () => {
  it('always yields well-formed RSS and Atom a feed reader opens, and valid JSON Feed 1.1', () => {
    fc.assert(
      fc.property(fc.array(articleArb, { minLength: 1, maxLength: 4 }), (articles) => {
        const unique = articles.map((a, i) => ({ ...a, id: `urn:uuid:00000000-0000-5000-8000-00000000000${i}` }));
        const files = renderHeadFeeds(DEFAULT_SITE, unique, ['2024-01']);
        for (const file of files) {
          const body = bodyText(file.body);
          if (file.path.endsWith('.json')) {
            expect(readJsonFeed(body).items).toHaveLength(unique.length);
          } else {
            readXml(body);
            expect(readFeed(body).items).toHaveLength(unique.length);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('always yields a page that is well-formed once HTML void elements are closed', () => {
    fc.assert(
      fc.property(articleArb, (article) => {
        const html = bodyText(renderArticlePage(DEFAULT_SITE, article).body);
        readXml(html.replace('<!doctype html>', '').replace(/<(meta|link|img)([^>]*)>/g, '<$1$2/>'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('determinism', () => {
  it('renders the same site twice to identical bytes, paths and headers', () => {
    const articles = syntheticArticles(300, 4);
    const status = { articles: 300, lastPublish: '2025-01-01T00:00:00Z', quarantined: [] };
    expect(renderSite(DEFAULT_SITE, articles, status)).toEqual(renderSite(DEFAULT_SITE, articles, status));
  });

  it('does not depend on the order articles are given in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(syntheticArticles(60, 9), { minLength: 60 }), (shuffled) => {
        expect(renderSite(DEFAULT_SITE, shuffled)).toEqual(renderSite(DEFAULT_SITE, syntheticArticles(60, 9)));
      }),
      { numRuns: 10 },
    );
  });
});
