// sitemap-news.xml: a Google News sitemap of the articles published in the last two days, by the
// publish clock (never the wall clock). https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
import { NEWS_WINDOW_MS } from '../site-index/months';
import type { Article, SiteConfig, SiteFile } from '../model';
import { newestFirst } from '../order';
import { OUTPUTS, outputHeaders } from '../outputs/formats';
import { rfc3339 } from './dates';
import { escapeSitemapText, SITEMAP_NS, sitemapLoc } from './sitemap';

export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
/** Google News: at most 1,000 news:news entries per sitemap. The newest are kept. */
export const NEWS_MAX_URLS = 1000;

/** The articles of `candidates` in the news window ending at `now`, newest first, at most NEWS_MAX_URLS. */
export function newsArticles(candidates: Article[], now: string): Article[] {
  const since = Date.parse(now) - NEWS_WINDOW_MS;
  return candidates.filter((a) => Date.parse(a.published) >= since).sort(newestFirst).slice(0, NEWS_MAX_URLS);
}

/**
 * Google's language code: ISO 639 ("en", "fr"), lower case, without region, except the two Chinese
 * scripts it names as zh-cn and zh-tw.
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase().replaceAll('_', '-');
  if (lower === 'zh-cn' || lower === 'zh-hans' || lower.startsWith('zh-hans-')) return 'zh-cn';
  if (lower === 'zh-tw' || lower === 'zh-hant' || lower.startsWith('zh-hant-')) return 'zh-tw';
  return lower.split('-')[0] || 'en';
}

function newsEntry(site: SiteConfig, article: Article): string {
  return [
    '  <url>',
    `    <loc>${sitemapLoc(article.url)}</loc>`,
    `    <lastmod>${rfc3339(article.updated)}</lastmod>`,
    '    <news:news>',
    '      <news:publication>',
    `        <news:name>${escapeSitemapText(site.publisher ?? site.title)}</news:name>`,
    `        <news:language>${escapeSitemapText(newsLanguage(article.language))}</news:language>`,
    '      </news:publication>',
    `      <news:publication_date>${rfc3339(article.published)}</news:publication_date>`,
    `      <news:title>${escapeSitemapText(article.title)}</news:title>`,
    '    </news:news>',
    '  </url>',
    '',
  ].join('\n');
}

/** The news sitemap, or undefined when no article is in the window (a urlset needs at least one url). */
export function renderNewsSitemap(site: SiteConfig, candidates: Article[], now: string): SiteFile | undefined {
  const articles = newsArticles(candidates, now);
  if (articles.length === 0) return undefined;
  return {
    path: OUTPUTS.newsSitemap.path,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${articles.map((a) => newsEntry(site, a)).join('')}</urlset>\n`,
    ...outputHeaders('newsSitemap'),
  };
}
