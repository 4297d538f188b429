// A tag's outputs: tags/<slug>/feed.xml|atom.xml|feed.json (+ feed-continued.json), its RFC 5005 month
// archives tags/<slug>/archive/YYYY-MM/, and the HTML pages tags/<slug>/ and tags/<slug>/archive/YYYY-MM/.
// The feeds are the site's renderers over the tag's articles in the tag's feed folder.
import type { DeletionRecord } from '../site-index/deletions';
import type { Article, SiteConfig, SiteFile } from '../model';
import { monthOf, newestFirst } from '../order';
import { FEED_FORMATS, folderArchiveFeedFolder, OUTPUTS, tagFeedFolder } from '../outputs/formats';
import { siteUrl } from '../site';
import { siteChrome } from './discovery';
import { escapeHtml, htmlDocument, timeHtml } from './html';
import { renderArchiveFeeds, renderHeadFeeds, type FeedFolderView } from './index';
import { headFeedPath } from './urls';
import { allWithAbsoluteUrls } from './resolve';

export interface TagRef {
  slug: string;
  /** The spelling shown as the tag's name. */
  name: string;
}

const PAGE_FILE = 'index.html';

/**
 * A tag gets RFC 5005 month archives (and month pages) only once it has more articles than its head
 * feed holds; until then the head carries all of them and there is nothing to page to.
 */
export function tagHasArchives(site: SiteConfig, articleCount: number): boolean {
  return articleCount > site.feedSize;
}

export function tagPageUrl(site: SiteConfig, slug: string): string {
  return siteUrl(site, tagFeedFolder(slug));
}

/** /tags/: the folder of the tag index page. */
export function tagIndexUrl(site: SiteConfig): string {
  return siteUrl(site, OUTPUTS.tagIndexPage.path.replace(/index\.html$/, ''));
}

function tagMonthPageUrl(site: SiteConfig, slug: string, month: string): string {
  return siteUrl(site, folderArchiveFeedFolder(tagFeedFolder(slug), month));
}

function tagView(site: SiteConfig, slug: string): FeedFolderView {
  const folder = tagFeedFolder(slug);
  return {
    folder,
    home: tagPageUrl(site, slug),
    feedId: siteUrl(site, headFeedPath('atom', folder)),
    outputs: { head: OUTPUTS.tagHeadFeed, continued: OUTPUTS.tagJsonContinued, openArchive: OUTPUTS.tagOpenArchiveFeed, pastArchive: OUTPUTS.tagPastArchiveFeed },
    archiveItems: 'summary',
  };
}

/** The site config as a tag's feeds see it: titled "<site>: <tag>". */
function tagSite(site: SiteConfig, tag: TagRef): SiteConfig {
  return { ...site, title: `${site.title}: ${tag.name}`, description: `Articles tagged “${tag.name}” on ${site.title}` };
}

function tagFeedAlternates(site: SiteConfig, tag: TagRef): string[] {
  const folder = tagFeedFolder(tag.slug);
  return FEED_FORMATS.map(
    (feed) =>
      `<link rel="${feed.rel}" type="${feed.mediaType}" title="${escapeHtml(`${site.title}: ${tag.name} (${feed.label})`)}" href="${escapeHtml(siteUrl(site, headFeedPath(feed.name, folder)))}">`,
  );
}

function tagFeedLinks(site: SiteConfig, tag: TagRef): string {
  const folder = tagFeedFolder(tag.slug);
  const links = FEED_FORMATS.map((feed) => `<a href="${escapeHtml(siteUrl(site, headFeedPath(feed.name, folder)))}">${feed.label}</a>`);
  return `<p class="feeds">Feeds for this tag: ${links.join(' · ')}</p>`;
}

function articleList(site: SiteConfig, articles: Article[]): string {
  if (articles.length === 0) return '<p>No articles.</p>';
  const items = articles.map(
    (article) =>
      `<li><a href="${escapeHtml(article.url)}">${escapeHtml(article.title)}</a> ${timeHtml(article.published, site.timeZone)}` +
      (article.summary === '' ? '' : `<p>${escapeHtml(article.summary)}</p>`) +
      '</li>',
  );
  return `<ol class="articles">\n${items.join('\n')}\n</ol>`;
}

function tagPageDocument(site: SiteConfig, tag: TagRef, title: string, canonical: string, main: string[]): string {
  const chrome = siteChrome(site);
  return htmlDocument({
    lang: site.language,
    title: `${title} – ${site.title}`,
    head: [`<link rel="canonical" href="${escapeHtml(canonical)}">`, ...tagFeedAlternates(site, tag), ...chrome.alternateLinks],
    body: [
      chrome.header,
      '<main>',
      ...main,
      '</main>',
      `<footer><p><a href="${chrome.homeHref}">All articles</a> · <a href="${escapeHtml(tagIndexUrl(site))}">All tags</a></p>${chrome.feedLinks}</footer>`,
    ].join('\n'),
    stylesheetHref: chrome.stylesheetHref,
  });
}

/** tags/<slug>/index.html: the tag's newest articles and a link to each month of it, newest first. */
export function renderTagPage(site: SiteConfig, tag: TagRef, items: Article[], months: { month: string; count: number }[]): string {
  const monthLinks = [...months]
    .sort((a, b) => (a.month < b.month ? 1 : -1))
    .map((m) => `<li><a href="${escapeHtml(tagMonthPageUrl(site, tag.slug, m.month))}">${m.month}</a> (${m.count})</li>`);
  return tagPageDocument(site, tag, `Tagged “${tag.name}”`, tagPageUrl(site, tag.slug), [
    `<h1>Tagged “${escapeHtml(tag.name)}”</h1>`,
    tagFeedLinks(site, tag),
    articleList(site, items),
    ...(monthLinks.length === 0 ? [] : ['<h2>By month</h2>', `<ul class="months">\n${monthLinks.join('\n')}\n</ul>`]),
  ]);
}

/** tags/<slug>/archive/YYYY-MM/index.html: every article of the tag in that month, with the months before and after. */
export function renderTagMonthPage(site: SiteConfig, tag: TagRef, month: string, items: Article[], months: string[]): string {
  const sorted = [...new Set(months)].sort();
  const older = sorted.filter((m) => m < month).at(-1);
  const newer = sorted.find((m) => m > month);
  const nav = [
    ...(newer === undefined ? [] : [`<a href="${escapeHtml(tagMonthPageUrl(site, tag.slug, newer))}">Newer: ${newer}</a>`]),
    ...(older === undefined ? [] : [`<a href="${escapeHtml(tagMonthPageUrl(site, tag.slug, older))}">Older: ${older}</a>`]),
  ];
  return tagPageDocument(site, tag, `Tagged “${tag.name}”, ${month}`, tagMonthPageUrl(site, tag.slug, month), [
    `<h1>Tagged “<a href="${escapeHtml(tagPageUrl(site, tag.slug))}">${escapeHtml(tag.name)}</a>”, ${month}</h1>`,
    articleList(site, items),
    ...(nav.length === 0 ? [] : [`<p class="nav">${nav.join(' · ')}</p>`]),
  ]);
}

/**
 * tags/index.html: every tag that has articles, by slug, each linked to its page. No counts: the page
 * then changes only when a tag appears or goes, never with an upload into an existing tag (docs/tags.md).
 */
export function renderTagIndexPage(site: SiteConfig, tags: readonly TagRef[]): SiteFile {
  const chrome = siteChrome(site);
  const items = tags.map((tag) => `<li><a href="${escapeHtml(tagPageUrl(site, tag.slug))}">${escapeHtml(tag.name)}</a></li>`);
  return {
    path: OUTPUTS.tagIndexPage.path,
    body: htmlDocument({
      lang: site.language,
      title: `Tags – ${site.title}`,
      head: [`<link rel="canonical" href="${escapeHtml(tagIndexUrl(site))}">`, ...chrome.alternateLinks],
      body: [
        chrome.header,
        '<main>',
        '<h1>Tags</h1>',
        tags.length === 0 ? '<p>No tags.</p>' : `<ul class="tags">\n${items.join('\n')}\n</ul>`,
        '</main>',
        `<footer><p><a href="${chrome.homeHref}">All articles</a></p>${chrome.feedLinks}</footer>`,
      ].join('\n'),
      stylesheetHref: chrome.stylesheetHref,
    }),
    contentType: OUTPUTS.tagIndexPage.contentType,
    cacheControl: OUTPUTS.tagIndexPage.cacheControl,
  };
}

/** The tag's head: feeds (newest site.feedSize, JSON paging as the site's, the tag's deletion records) and its page. */
export function renderTagHead(
  site: SiteConfig,
  tag: TagRef,
  items: Article[],
  months: { month: string; count: number }[],
  oldestMonthItems: Article[] = [],
  deleted: readonly DeletionRecord[] = [],
): SiteFile[] {
  const view = tagView(site, tag.slug);
  const head = allWithAbsoluteUrls(site, items).sort(newestFirst).slice(0, site.feedSize);
  return [
    ...renderHeadFeeds(tagSite(site, tag), items, months.map((m) => m.month), oldestMonthItems, deleted, view),
    {
      path: `${view.folder}${PAGE_FILE}`,
      body: renderTagPage(site, tag, head, months),
      contentType: OUTPUTS.tagPage.contentType,
      cacheControl: OUTPUTS.tagPage.cacheControl,
    },
  ];
}

/** One month of the tag: its RFC 5005 archive feeds (with the month's deletion records) and its HTML page. */
export function renderTagMonth(
  site: SiteConfig,
  tag: TagRef,
  month: string,
  items: Article[],
  months: string[],
  now?: string,
  deleted: readonly DeletionRecord[] = [],
): SiteFile[] {
  const view = tagView(site, tag.slug);
  const feeds = renderArchiveFeeds(tagSite(site, tag), month, items, months, now, deleted, view);
  const sorted = allWithAbsoluteUrls(site, items).sort(newestFirst);
  return [
    ...feeds,
    {
      path: `${folderArchiveFeedFolder(view.folder, month)}${PAGE_FILE}`,
      body: renderTagMonthPage(site, tag, month, sorted, months),
      contentType: OUTPUTS.tagArchivePage.contentType,
      cacheControl: OUTPUTS.tagArchivePage.cacheControl,
    },
  ];
}

/**
 * Every tag's outputs for a whole-site render, tags in slug order: what the pipeline's per-batch tag
 * updates converge to. `sorted`: newest first; `now`: as renderArchiveFeeds takes it.
 */
export function* renderAllTags(site: SiteConfig, sorted: Article[], now?: string): Generator<SiteFile> {
  const byTag = new Map<string, { tag: TagRef; articles: Article[] }>();
  // Oldest first, so the name is the first spelling published (the pipeline pins the first claim).
  for (const article of [...sorted].reverse()) {
    (article.tagSlugs ?? []).forEach((slug, i) => {
      let entry = byTag.get(slug);
      if (entry === undefined) byTag.set(slug, (entry = { tag: { slug, name: article.tags[i] ?? slug }, articles: [] }));
      entry.articles.push(article);
    });
  }
  for (const slug of [...byTag.keys()].sort()) {
    const { tag, articles } = byTag.get(slug)!;
    articles.sort(newestFirst);
    const byMonth = new Map<string, Article[]>();
    for (const article of articles) {
      const month = monthOf(article);
      const list = byMonth.get(month);
      if (list === undefined) byMonth.set(month, [article]);
      else list.push(article);
    }
    const months = tagHasArchives(site, articles.length) ? [...byMonth.keys()].sort().map((month) => ({ month, count: byMonth.get(month)!.length })) : [];
    const head = articles.slice(0, site.feedSize);
    const oldest = head.at(-1);
    yield* renderTagHead(site, tag, head, months, months.length === 0 || oldest === undefined ? [] : (byMonth.get(monthOf(oldest)) ?? []));
    for (const { month } of months) yield* renderTagMonth(site, tag, month, byMonth.get(month)!, months.map((m) => m.month), now);
  }
  if (byTag.size > 0) yield renderTagIndexPage(site, [...byTag.keys()].sort().map((slug) => byTag.get(slug)!.tag));
}
