// The permalink page of one article: articles/<slug>/index.html.
import type { Article, SiteConfig } from '../model';
import { articlePath, siteUrl } from '../site';
import { tagFeedFolder } from '../outputs/formats';
import { siteChrome } from './discovery';
import { figureHtml } from './figure';
import { escapeHtml, htmlDocument, timeHtml } from './html';
import { stripInvalidXmlChars } from '../escape';
import { authorsOf } from './authors';
import { leadImage } from './feed-item';

export function articlePagePath(article: Article): string {
  return `${articlePath(article.slug)}index.html`;
}

/** A tag on the page links to its tag page once it has a slug (published through the pipeline or a build). */
function tagLinkHtml(site: SiteConfig, tag: string, slug: string | undefined): string {
  return slug === undefined ? escapeHtml(tag) : `<a rel="tag" href="${escapeHtml(siteUrl(site, tagFeedFolder(slug)))}">${escapeHtml(tag)}</a>`;
}

export function renderPage(site: SiteConfig, article: Article): string {
  const authors = authorsOf(site, article);
  const publisher = article.publisher ?? site.publisher;
  const lead = leadImage(article);
  // Escaped once each: the title, summary and URL appear several times.
  const title = escapeHtml(article.title);
  const summary = escapeHtml(article.summary);
  const url = escapeHtml(article.url);
  const siteTitle = escapeHtml(site.title);
  const chrome = siteChrome(site);
  const meta = (property: string, content: string) => `<meta property="${property}" content="${escapeHtml(content)}">`;
  const escapedMeta = (property: string, escaped: string) => `<meta property="${property}" content="${escaped}">`;
  const head = [
    `<meta name="description" content="${summary}">`,
    `<link rel="canonical" href="${url}">`,
    ...chrome.alternateLinks,
    escapedMeta('og:type', 'article'),
    escapedMeta('og:title', title),
    escapedMeta('og:description', summary),
    escapedMeta('og:url', url),
    escapedMeta('og:site_name', siteTitle),
    ...(lead?.url === undefined ? [] : [meta('og:image', lead.url)]),
    ...(lead?.url !== undefined && lead.alt !== '' ? [meta('og:image:alt', lead.alt)] : []),
    meta('article:published_time', article.published),
    meta('article:modified_time', article.updated),
  ];
  const byline = [
    `By ${authors.map((name) => `<span class="author">${escapeHtml(name)}</span>`).join(', ')}`,
    ...(publisher === undefined ? [] : [`<span class="publisher">${escapeHtml(publisher)}</span>`]),
    timeHtml(article.published, site.timeZone),
    ...(article.updated !== article.published ? [`updated ${timeHtml(article.updated, site.timeZone)}`] : []),
  ].join(' · ');
  const tags =
    article.tags.length === 0
      ? ''
      : `<ul class="tags">${article.tags.map((tag, i) => `<li>${tagLinkHtml(site, tag, article.tagSlugs?.[i])}</li>`).join('')}</ul>`;
  const body = [
    chrome.header,
    '<main>',
    `<article lang="${escapeHtml(article.language)}">`,
    `<h1>${title}</h1>`,
    `<p class="byline">${byline}</p>`,
    ...article.images.map((image) => figureHtml(site, image)).filter((figure) => figure !== ''),
    // The body is sanitized upstream; characters HTML cannot carry are still dropped here.
    `<div class="body">\n${stripInvalidXmlChars(article.contentHtml)}\n</div>`,
    tags,
    '</article>',
    '</main>',
    `<footer><p><a href="${chrome.archiveHref}">All articles</a></p>${chrome.feedLinks}</footer>`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  return htmlDocument({
    lang: article.language,
    title: `${article.title} – ${site.title}`,
    head,
    body,
    stylesheetHref: chrome.stylesheetHref,
  });
}
