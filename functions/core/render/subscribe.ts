// subscribe/index.html: what a person sees who opens feed.xml or atom.xml in a browser. Browsers show a
// feed served as application/rss+xml with nosniff as raw text, and Chromium is removing XSLT, so a
// browser navigation to an RSS/Atom feed (head or archive) is redirected here (CloudFront viewer-request function and the local
// dev server); feed readers, which do not ask for text/html, keep getting the feed itself.
import type { SiteConfig } from '../model';
import { siteUrl } from '../site';
import { feedAlternateLinks, siteChrome } from './discovery';
import { escapeHtml, htmlDocument } from './html';
import { archiveFeedFolder, FEED_FORMATS, feedPath, HEAD_FEED_FOLDER, OUTPUTS, TAG_SLUG_PATTERN, tagFeedFolder } from '../outputs/formats';
import { headFeedPath, homeUrl, stylesheetUrl } from './urls';

/** Where a browser opening an RSS or Atom feed is sent: the subscribe page's folder. */
export const SUBSCRIBE_LOCATION = `/${OUTPUTS.subscribe.path.replace(/index\.html$/, '')}`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * Feeds a browser is redirected away from, as a request-path pattern: every format with
 * browserRedirect (FeedFormatRecord), in the head folder, in every tag's folder, and in the monthly
 * archive folder of either. An archive or a tag feed is no different from the head to a person: a
 * browser shows it as raw text. infra/viewer-request.js and the dev server get this one pattern.
 */
export const BROWSER_REDIRECTED_FEED_PATH = new RegExp(
  `^/(?:${escapeRegExp(tagFeedFolder('SLUG')).replace('SLUG', TAG_SLUG_PATTERN)})?` +
    `(?:${escapeRegExp(archiveFeedFolder('YYYY-MM')).replace('YYYY-MM', '\\d{4}-\\d{2}')})?` +
    `(?:${FEED_FORMATS.filter((f) => f.browserRedirect).map((f) => escapeRegExp(feedPath(HEAD_FEED_FOLDER, f.name))).join('|')})$`,
);

// Web feed readers that take a feed URL in a link; each gets the URL percent-encoded.
const READERS: [name: string, prefix: string][] = [
  ['Feedly', 'https://feedly.com/i/subscription/feed/'],
  ['Inoreader', 'https://www.inoreader.com/?add_feed='],
  ['NewsBlur', 'https://www.newsblur.com/?url='],
  ['The Old Reader', 'https://theoldreader.com/feeds/subscribe?url='],
];

/** An Accept value naming one of our feed types, or RSS 1.0's (RDF), which some readers ask for: a feed reader. */
export const NAMES_A_FEED_TYPE = new RegExp(
  [...FEED_FORMATS.map((f) => f.mediaType), 'application/rdf+xml'].map((type) => type.slice(type.indexOf('/') + 1).replace(/[+.]/g, '\\$&')).join('|'),
);

/**
 * A browser navigation: the request asks for HTML and names no feed type. Feed readers send
 * "application/rss+xml, ..." or "*\/*"; browsers send "text/html,application/xhtml+xml,...".
 * infra/viewer-request.js carries the same rule (CloudFront Functions cannot import); a test runs both on one table.
 */
export function isBrowserNavigation(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const value = accept.toLowerCase();
  return value.includes('text/html') && !NAMES_A_FEED_TYPE.test(value);
}

export function renderSubscribePage(site: SiteConfig): string {
  const rss = siteUrl(site, headFeedPath('rss'));
  const feeds = FEED_FORMATS.map((format) => {
    const url = siteUrl(site, headFeedPath(format.name));
    return `<li><strong>${format.specName}</strong>: <a href="${escapeHtml(url)}"><code>${escapeHtml(url)}</code></a></li>`;
  });
  const readers = READERS.map(([name, prefix]) => `<li><a href="${escapeHtml(prefix + encodeURIComponent(rss))}" rel="nofollow">${escapeHtml(name)}</a></li>`);
  const body = [
    siteChrome(site).header,
    '<main>',
    `<h1>Follow ${escapeHtml(site.title)}</h1>`,
    `<p class="description">${escapeHtml(site.description)}</p>`,
    '<p class="notice">You opened a web feed. A feed reader checks it for new articles, so you do not have to visit. Copy one of these addresses into your reader:</p>',
    `<ul class="feeds">\n${feeds.join('\n')}\n</ul>`,
    '<h2>Subscribe in one click</h2>',
    `<ul>\n${readers.join('\n')}\n</ul>`,
    `<p>Or read the latest articles on the <a href="${escapeHtml(homeUrl(site))}">front page</a>.</p>`,
    '</main>',
  ].join('\n');
  return htmlDocument({
    lang: site.language,
    title: `Subscribe – ${site.title}`,
    head: [`<link rel="canonical" href="${escapeHtml(siteUrl(site, 'subscribe/'))}">`, ...feedAlternateLinks(site)],
    body,
    stylesheetHref: stylesheetUrl(site, 'stylesheet'),
  });
}
