// index.html: the newest articles, with feed links and autodiscovery.
import type { Article, SiteConfig } from '../model';
import { feedAlternateLinks, feedLinksHtml, siteChrome } from './discovery';
import { escapeHtml, htmlDocument, timeHtml } from './html';
import { homeUrl, stylesheetUrl } from './urls';

export function renderHome(site: SiteConfig, latest: Article[]): string {
  const items = latest.map(
    (article) =>
      `<li><a href="${escapeHtml(article.url)}">${escapeHtml(article.title)}</a> ${timeHtml(article.published, site.timeZone)}` +
      (article.summary === '' ? '' : `<p>${escapeHtml(article.summary)}</p>`) +
      '</li>',
  );
  const body = [
    siteChrome(site).header,
    '<main>',
    `<h1>${escapeHtml(site.title)}</h1>`,
    `<p class="description">${escapeHtml(site.description)}</p>`,
    feedLinksHtml(site),
    items.length === 0 ? '<p>No articles yet.</p>' : `<ol class="articles">\n${items.join('\n')}\n</ol>`,
    `<p class="more"><a href="${siteChrome(site).archiveHref}">All articles, by month</a></p>`,
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
    stylesheetHref: stylesheetUrl(site, 'stylesheet'),
  });
}

/** 404.html: the page CloudFront (and the local site server) shows for a path that does not exist. */
export function renderNotFound(site: SiteConfig): string {
  const body = [
    siteChrome(site).header,
    '<main>',
    '<h1>Page not found</h1>',
    `<p>This page does not exist, or the article was taken down. The <a href="${escapeHtml(homeUrl(site))}">front page</a> lists the latest articles.</p>`,
    feedLinksHtml(site),
    '</main>',
  ].join('\n');
  return htmlDocument({
    lang: site.language,
    title: `Page not found – ${site.title}`,
    head: ['<meta name="robots" content="noindex">'],
    body,
    stylesheetHref: stylesheetUrl(site, 'stylesheet'),
  });
}
