// index.html: the newest articles, with feed links and autodiscovery.
import type { Article, SiteConfig } from '../model';
import { feedAlternateLinks, feedLinksHtml } from './discovery';
import { escapeHtml, htmlDocument, timeHtml } from './html';
import { homeUrl, stylesheetUrl } from './urls';

export function renderHome(site: SiteConfig, latest: Article[]): string {
  const items = latest.map(
    (article) =>
      `<li><a href="${escapeHtml(article.url)}">${escapeHtml(article.title)}</a> ${timeHtml(article.published)}` +
      (article.summary === '' ? '' : `<p>${escapeHtml(article.summary)}</p>`) +
      '</li>',
  );
  const body = [
    `<header class="site"><a href="${escapeHtml(homeUrl(site))}">${escapeHtml(site.title)}</a></header>`,
    '<main>',
    `<h1>${escapeHtml(site.title)}</h1>`,
    `<p class="description">${escapeHtml(site.description)}</p>`,
    feedLinksHtml(site),
    items.length === 0 ? '<p>No articles yet.</p>' : `<ol class="articles">\n${items.join('\n')}\n</ol>`,
    '</main>',
  ].join('\n');
  return htmlDocument({
    lang: site.language,
    title: site.title,
    head: [
      `<meta name="description" content="${escapeHtml(site.description)}">`,
      `<link rel="canonical" href="${escapeHtml(homeUrl(site))}">`,
      ...feedAlternateLinks(site),
    ],
    body,
    stylesheetHref: stylesheetUrl(site, 'style.css'),
  });
}
