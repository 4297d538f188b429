// RSS 2.0 (https://www.rssboard.org/rss-specification) with content:encoded, dc:creator, Media RSS,
// atom:link self/hub and RFC 5005 archive links.
import type { Article, SiteConfig } from '../model';
import { feedFormat } from '../outputs/formats';
import { newestUpdated, rfc822 } from './dates';
import { type FeedItem, feedItem } from './feed-item';
import { escapeHtmlText } from './html';
import { MEDIA_NS, mediaElements } from './media';
import { looksLikeHtml } from './plaintext';
import type { FeedLinks } from './urls';
import { NO_IDS } from './budget';
import { homeUrl, stylesheetUrl } from './urls';
import { type XmlNode, writeXml } from './xml';
import type { DeletionRecord } from '../site-index/deletions';
import { deletedEntryNodes, NO_DELETIONS } from './tombstones';

const RSS_MEDIA_TYPE = feedFormat('rss').mediaType;

// The elements that carry (escaped) HTML; every other text element is plain text (RSS Profile).
const HTML_ELEMENTS: ReadonlySet<string> = new Set(['description', 'content:encoded']);

export function renderRss(
  site: SiteConfig,
  items: Article[],
  links: FeedLinks,
  summaryOnly: ReadonlySet<string> = NO_IDS,
  deleted: readonly DeletionRecord[] = NO_DELETIONS,
): string {
  const lastUpdated = newestUpdated(items);
  const tombstones = deletedEntryNodes(deleted);
  const channel: XmlNode = {
    title: rssTitle(site.title),
    link: links.home ?? homeUrl(site),
    description: site.description,
    language: site.language,
    copyright: site.copyright,
    generator: 'feedpub',
    lastBuildDate: lastUpdated === undefined ? undefined : rfc822(lastUpdated),
    image: site.icon === undefined ? undefined : { url: site.icon, title: site.title, link: homeUrl(site) },
    'atom:link': atomLinks(site, links),
    ...(links.archive && { 'fh:archive': '' }),
    item: items.map((article) => rssItem(feedItem(site, article, summaryOnly.has(article.id) ? 'summary' : 'full'))),
    ...tombstones.elements,
  };
  const rss: XmlNode = {
    '@_version': '2.0',
    '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
    '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    '@_xmlns:media': MEDIA_NS,
    '@_xmlns:fh': 'http://purl.org/syndication/history/1.0',
    ...tombstones.namespace,
    channel,
  };
  return writeXml({ rss }, { stylesheetHref: stylesheetUrl(site, 'feedXsl'), hexPlainText: { htmlElements: HTML_ELEMENTS } });
}

function atomLinks(site: SiteConfig, links: FeedLinks): XmlNode[] {
  const link = (rel: string, href: string): XmlNode => ({ '@_rel': rel, '@_type': RSS_MEDIA_TYPE, '@_href': href });
  return [
    link('self', links.self),
    ...(site.websubHub === undefined ? [] : [{ '@_rel': 'hub', '@_href': site.websubHub }]),
    ...(links.current === undefined ? [] : [link('current', links.current)]),
    ...(links.prevArchive === undefined ? [] : [link('prev-archive', links.prevArchive)]),
    ...(links.nextArchive === undefined ? [] : [link('next-archive', links.nextArchive)]),
  ];
}

function rssItem(item: FeedItem): XmlNode {
  return {
    title: rssTitle(item.title),
    link: item.url,
    // The id is a urn:uuid, not a URL: readers must not open it.
    guid: { '@_isPermaLink': 'false', '#text': item.id },
    pubDate: rfc822(item.published),
    // RSS has no modified date; atom:updated is the one the W3C validator accepts and feedparser reads.
    'atom:updated': item.updated,
    // One dc:creator naming everyone: newsboat and feedparser's entry.author keep only the last of several.
    'dc:creator': item.byline,
    category: [...item.tags],
    // RSS readers render description as HTML: the plain-text summary is HTML-escaped, then XML-escaped.
    description: escapeHtmlText(item.summary ?? ''),
    'content:encoded': item.contentHtml,
    ...mediaElements(item),
  };
}

/** RSS <title> has no type: readers guess HTML from an end tag or entity, so such a title goes out as escaped HTML. */
function rssTitle(title: string): string {
  return looksLikeHtml(title) ? escapeHtmlText(title) : title;
}
