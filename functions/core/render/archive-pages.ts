// The HTML archive: /archive/ (every month, newest first, with its count) and /archive/<YYYY-MM>/ (that
// month's articles, newest first). The home page lists only the newest articles; these reach every one.
import type { MonthCount } from '../site-index/types';
import type { Article, SiteConfig, SiteFile } from '../model';
import { newestFirst } from '../order';
import { archiveMonthPagePath, FEED_FORMATS, OUTPUTS, outputHeaders } from '../outputs/formats';
import { siteChrome } from './discovery';
import { escapeHtml, htmlDocument, humanMonth, timeHtml } from './html';
import { archiveFeedPath, archiveIndexUrl, archiveMonthUrl } from './urls';
import { siteUrl } from '../site';

function articleCount(n: number): string {
  return n === 1 ? '1 article' : `${n} articles`;
}

export function renderArchiveIndexPage(site: SiteConfig, months: MonthCount[]): SiteFile {
  const chrome = siteChrome(site);
  const newestMonthFirst = months.filter((m) => m.count > 0).sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  const total = newestMonthFirst.reduce((n, m) => n + m.count, 0);
  const rows = newestMonthFirst.map((m) => `<li><a href="${escapeHtml(archiveMonthUrl(site, m.month))}">${humanMonth(m.month)}</a> <span class="count">${articleCount(m.count)}</span></li>`);
  const body = [
    chrome.header,
    '<main>',
    '<h1>Archive</h1>',
    rows.length === 0 ? '<p>No articles yet.</p>' : `<p class="description">${articleCount(total)} in ${rows.length === 1 ? '1 month' : `${rows.length} months`}.</p>\n<ol class="months">\n${rows.join('\n')}\n</ol>`,
    '</main>',
    `<footer>${chrome.feedLinks}</footer>`,
  ].join('\n');
  return {
    path: OUTPUTS.archiveIndexPage.path,
    body: htmlDocument({
      lang: site.language,
      title: `Archive – ${site.title}`,
      head: [`<link rel="canonical" href="${escapeHtml(archiveIndexUrl(site))}">`, ...chrome.alternateLinks],
      body,
      stylesheetHref: chrome.stylesheetHref,
    }),
    ...outputHeaders('archiveIndexPage'),
  };
}

/**
 * One month's page. It links the neighbouring months, so it is re-rendered when a month appears or
 * disappears next to it: exactly when the publisher re-renders the month's archive feeds.
 */
export function renderArchiveMonthPage(site: SiteConfig, month: string, items: Article[], archiveMonths: string[]): SiteFile {
  const chrome = siteChrome(site);
  const months = [...new Set(archiveMonths)].sort();
  const older = months.filter((m) => m < month).at(-1);
  const newer = months.find((m) => m > month);
  const title = humanMonth(month);
  const list = [...items].sort(newestFirst).map(
    (article) =>
      `<li><a href="${escapeHtml(article.url)}">${escapeHtml(article.title)}</a> ${timeHtml(article.published, site.timeZone)}` +
      (article.summary === '' ? '' : `<p>${escapeHtml(article.summary)}</p>`) +
      '</li>',
  );
  const monthLink = (m: string, rel: 'prev' | 'next', text: string) => `<a rel="${rel}" href="${escapeHtml(archiveMonthUrl(site, m))}">${text}</a>`;
  const pager = [
    ...(newer === undefined ? [] : [monthLink(newer, 'next', `← ${humanMonth(newer)}`)]),
    `<a href="${chrome.archiveHref}">All months</a>`,
    ...(older === undefined ? [] : [monthLink(older, 'prev', `${humanMonth(older)} →`)]),
  ].join(' · ');
  const monthFeeds = FEED_FORMATS.map((feed) => `<a href="${escapeHtml(siteUrl(site, archiveFeedPath(month, feed.name)))}">${feed.label}</a>`).join(' · ');
  const body = [
    chrome.header,
    '<main>',
    `<h1>${title}</h1>`,
    `<p class="description">${articleCount(list.length)}, newest first.</p>`,
    list.length === 0 ? '' : `<ol class="articles">\n${list.join('\n')}\n</ol>`,
    `<nav class="pager">${pager}</nav>`,
    '</main>',
    `<footer><p class="feeds">This month as a feed: ${monthFeeds}</p>${chrome.feedLinks}</footer>`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  return {
    path: archiveMonthPagePath(month),
    body: htmlDocument({
      lang: site.language,
      title: `${title} – ${site.title}`,
      head: [`<link rel="canonical" href="${escapeHtml(archiveMonthUrl(site, month))}">`, ...chrome.alternateLinks],
      body,
      stylesheetHref: chrome.stylesheetHref,
    }),
    ...outputHeaders('archiveMonthPage'),
  };
}
