// Output budgets (isolation issue, "bounded outputs"): a clean cut at a block boundary with a link to the
// page, and head feeds under their byte budget with the oldest items summary-only first. Feeds are read
// back with independent parsers.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../functions/core/model';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { cutAtBlock, utf8Bytes } from '../../../functions/core/render/budget';
import { contentWithFigures, feedItemHtml } from '../../../functions/core/render/figure';
import { renderHeadFeeds } from '../../../functions/core/render/index';
import { syntheticArticles } from '../../support/articles';
import { bodyText, readJsonFeed, readXml } from '../../support/read-back';

describe('cutAtBlock', () => {
  it.each<[string, string, number, string]>([
    ['fits: unchanged', '<p>a</p>\n<p>b</p>', 100, '<p>a</p>\n<p>b</p>'],
    ['cuts after the last whole top-level block', '<p>one</p>\n<p>two</p>\n<p>three</p>', 22, '<p>one</p>\n<p>two</p>'],
    ['never inside a nested block', '<blockquote><p>a</p><p>b</p></blockquote><p>c</p>', 30, ''],
    ['keeps a whole nested block', '<blockquote><p>a</p></blockquote><p>c</p><p>ddddddddd</p>', 41, '<blockquote><p>a</p></blockquote><p>c</p>'],
    ['a top-level void element is a block', '<img src="x"><p>long paragraph here</p>', 14, '<img src="x">'],
    ['counts UTF-8 bytes, not characters', '<p>ééé</p><p>b</p>', 12, ''],
    ['counts UTF-8 bytes: fits exactly', '<p>ééé</p><p>b</p>', 13, '<p>ééé</p>'],
    ['top-level text ends at the next tag', 'intro text<p>b</p>', 12, 'intro text'],
  ])('%s', (_name, html, max, expected) => {
    const cut = cutAtBlock(html, max);
    expect(cut).toBe(expected);
    expect(html.startsWith(cut)).toBe(true);
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(max);
  });

  it('is linear: 2 MB of paragraphs cut in well under a second', () => {
    const html = Array.from({ length: 40_000 }, (_, i) => `<p>paragraph ${i} with some words</p>`).join('\n');
    const started = performance.now();
    const cut = cutAtBlock(html, 256 * 1024);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(cut.endsWith('</p>')).toBe(true);
  });
});

/** An article whose body is about `bytes` of paragraphs. */
function big(article: Article, bytes: number): Article {
  const paragraph = `<p>${'All work and no play makes a long read. '.repeat(50)}</p>`;
  return { ...article, contentHtml: Array.from({ length: Math.ceil(bytes / paragraph.length) }, () => paragraph).join('\n') };
}

describe('feed item content budget', () => {
  const site = { ...DEFAULT_SITE, itemContentBytes: 64 * 1024 };
  const [article] = syntheticArticles(1, 3) as [Article];

  it('an ordinary article goes out whole', () => {
    expect(feedItemHtml(site, article, 'full')).toBe(contentWithFigures(site, article));
  });

  it('a long one is cut at a block boundary within the budget, then links to its page', () => {
    const long = big(article, 200 * 1024);
    const html = feedItemHtml(site, long, 'full');
    expect(utf8Bytes(html)).toBeLessThanOrEqual(site.itemContentBytes);
    expect(utf8Bytes(html)).toBeGreaterThan(site.itemContentBytes - 3 * 1024);
    const [kept, link] = [html.slice(0, html.lastIndexOf('\n')), html.slice(html.lastIndexOf('\n') + 1)];
    expect(contentWithFigures(site, long).startsWith(`${kept}\n`)).toBe(true);
    expect(kept.endsWith('</p>')).toBe(true);
    expect(link).toBe(`<p class="continue"><a href="${long.url}">Continue reading</a></p>`);
  });

  it('summary-only: the summary and the link', () => {
    expect(feedItemHtml(site, article, 'summary')).toBe(`<p>${article.summary}</p>\n<p class="continue"><a href="${article.url}">Read the article</a></p>`);
  });
});

describe('head feeds under their byte budget', () => {
  // 30 articles near the 2 MB upload limit, then one small later upload.
  const articles = syntheticArticles(30, 5).map((a) => big(a, 1.9 * 1024 * 1024));
  const files = renderHeadFeeds(DEFAULT_SITE, articles, ['2024-01', '2024-02']);
  const body = (path: string) => bodyText(files.find((f) => f.path === path)?.body ?? '');

  it('each head feed is within 2 MB and still lists all 30 items, the newest full, the oldest summary-only', () => {
    for (const file of files) expect(utf8Bytes(bodyText(file.body))).toBeLessThanOrEqual(DEFAULT_SITE.headFeedBytes);
    const rss = readXml(body('feed.xml')).rss.channel.item;
    const atom = readXml(body('atom.xml')).feed.entry;
    const json = readJsonFeed(body('feed.json')).items;
    for (const items of [rss.map((i: any) => i['content:encoded']), atom.map((e: any) => e.content['#text']), json.map((i: any) => i.content_html)]) {
      expect(items).toHaveLength(30);
      expect(items[0]).toMatch(/Continue reading<\/a><\/p>$/);
      expect(items.at(-1)).toMatch(/Read the article<\/a><\/p>$/);
      // Summary-only items are the oldest ones: once an item is summary-only, every older one is too.
      const firstSummary = items.findIndex((html: string) => html.endsWith('Read the article</a></p>'));
      expect(items.slice(firstSummary).every((html: string) => html.endsWith('Read the article</a></p>'))).toBe(true);
    }
  });

  it('a later small upload goes out first and whole', () => {
    const [small] = syntheticArticles(1, 9, { start: '2030-01-01T00:00:00Z' }) as [Article];
    const next = renderHeadFeeds(DEFAULT_SITE, [...articles, small], ['2024-01', '2024-02', '2030-01']);
    const rss = readXml(bodyText(next.find((f) => f.path === 'feed.xml')?.body ?? '')).rss.channel.item;
    expect(rss[0]['content:encoded']).toBe(contentWithFigures(DEFAULT_SITE, small));
    for (const file of next) expect(utf8Bytes(bodyText(file.body))).toBeLessThanOrEqual(DEFAULT_SITE.headFeedBytes);
  });
});
