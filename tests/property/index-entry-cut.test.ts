// An index entry keeps a long body only up to the per-item budget (site-index/article.ts indexEntry).
// The claim that makes this safe: every feed item rendered from the cut entry is byte-identical to the
// item rendered from the whole article, for any body, figures and budget.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../functions/core/model';
import { DEFAULT_SITE } from '../../functions/core/model';
import { feedItemHtml } from '../../functions/core/render/figure';
import { utf8Bytes } from '../../functions/core/render/budget';
import { indexEntry } from '../../functions/core/site-index/article';
import { syntheticArticles } from '../support/articles';

const [base] = syntheticArticles(1, 7);

// Top-level blocks as bodies are written: paragraphs, nested quotes and lists, void elements, bare text.
const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '😀', '&amp;', '\n'), maxLength: 60 });
const block = fc.oneof(
  text.map((t) => `<p>${t}</p>`),
  fc.tuple(text, text).map(([a, b]) => `<blockquote><p>${a}</p><p>${b}</p></blockquote>`),
  fc.array(text, { maxLength: 4 }).map((items) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`),
  fc.constant('<hr>'),
  fc.constant('<img src="images/x.png" alt="">'),
  text,
);
const body = fc.array(block, { maxLength: 30 }).chain((blocks) => fc.constantFrom('\n', '', '\n\n').map((sep) => blocks.join(sep)));

describe('indexEntry: a body cut to the item budget', () => {
  it('renders every feed item byte-identical to the whole article, for any body, figures and budget', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 40, max: 1200 }), fc.boolean(), (contentHtml, itemContentBytes, withFigure) => {
        const site = { ...DEFAULT_SITE, itemContentBytes };
        const article: Article = {
          ...(base as Article),
          contentHtml,
          images: withFigure ? [{ src: 'a.jpg', url: 'images/a.jpg', alt: 'A', caption: 'Harbour at dawn' }] : [],
        };
        const entry = indexEntry(article, site);
        expect(utf8Bytes(entry.contentHtml)).toBeLessThanOrEqual(itemContentBytes);
        expect(entry.contentCut === true).toBe(utf8Bytes(contentHtml) > itemContentBytes);
        for (const form of ['full', 'summary'] as const) expect(feedItemHtml(site, entry, form)).toBe(feedItemHtml(site, article, form));
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves a body within the budget as it is, and drops the plain-text copy and the logs', () => {
    const article: Article = { ...(base as Article), contentHtml: '<p>short</p>', contentText: 'short', warnings: ['w'] };
    const entry = indexEntry(article, DEFAULT_SITE);
    expect(entry).toEqual({ ...article, contentText: '', warnings: [], repairs: [] });
    expect('contentCut' in entry).toBe(false);
  });
});
