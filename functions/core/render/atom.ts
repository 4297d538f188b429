// Atom 1.0 (RFC 4287) with Media RSS, enclosure links for images, WebSub hub and RFC 5005 archive links.
import type { Article, SiteConfig } from '../model';
import { feedFormat } from '../outputs/formats';
import { newestUpdated } from './dates';
import { type FeedItem, feedItem } from './feed-item';
import { escapeHtmlText } from './html';
import { MEDIA_NS, mediaElements } from './media';
import { looksLikeHtml } from './plaintext';
import type { FeedLinks } from './urls';
import { NO_IDS } from './budget';
import { siteUrl } from '../site';
import { headFeedPath, homeUrl, stylesheetUrl } from './urls';
import { type XmlNode, writeXml } from './xml';
import type { DeletionRecord } from '../site-index/deletions';
import { deletedEntryNodes, NO_DELETIONS } from './tombstones';

const ATOM_MEDIA_TYPE = feedFormat('atom').mediaType;

// An empty feed still needs atom:updated; a fixed instant keeps the bytes deterministic.
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00Z';

/**
 * Feed id: the head feed's URL, the same for the head and every archive document, because
 * RFC 5005 archives are pages of one logical feed. Entry ids are the articles' urn:uuid ids.
 */
export function atomFeedId(site: SiteConfig): string {
  return siteUrl(site, headFeedPath('atom'));
}

export function renderAtom(
  site: SiteConfig,
  items: Article[],
  links: FeedLinks,
  summaryOnly: ReadonlySet<string> = NO_IDS,
  deleted: readonly DeletionRecord[] = NO_DELETIONS,
): string {
  const tombstones = deletedEntryNodes(deleted);
  const feed: XmlNode = {
    '@_xmlns': 'http://www.w3.org/2005/Atom',
    '@_xmlns:media': MEDIA_NS,
    '@_xmlns:fh': 'http://purl.org/syndication/history/1.0',
    ...tombstones.namespace,
    '@_xml:lang': site.language,
    id: links.feedId ?? atomFeedId(site),
    title: atomText(site.title),
    subtitle: atomText(site.description),
    updated: newestUpdated(items) ?? EMPTY_FEED_UPDATED,
    link: feedLinks(site, links),
    author: { name: site.publisher ?? site.title, uri: homeUrl(site) },
    rights: site.copyright,
    generator: 'feedpub',
    icon: site.icon,
    ...(links.archive && { 'fh:archive': '' }),
    entry: items.map((article) => atomEntry(site, feedItem(site, article, summaryOnly.has(article.id) ? 'summary' : 'full'))),
    ...tombstones.elements,
  };
  return writeXml({ feed }, { stylesheetHref: stylesheetUrl(site, 'feedXsl') });
}

function feedLinks(site: SiteConfig, links: FeedLinks): XmlNode[] {
  const link = (rel: string, href: string, type = ATOM_MEDIA_TYPE): XmlNode => ({ '@_rel': rel, '@_type': type, '@_href': href });
  return [
    link('self', links.self),
    link('alternate', links.home ?? homeUrl(site), 'text/html'),
    ...(site.websubHub === undefined ? [] : [{ '@_rel': 'hub', '@_href': site.websubHub }]),
    ...(links.current === undefined ? [] : [link('current', links.current)]),
    ...(links.prevArchive === undefined ? [] : [link('prev-archive', links.prevArchive)]),
    ...(links.nextArchive === undefined ? [] : [link('next-archive', links.nextArchive)]),
  ];
}

function atomEntry(site: SiteConfig, item: FeedItem): XmlNode {
  const enclosures = item.images
    .filter((image) => image.url !== undefined)
    .map((image) => ({ '@_rel': 'enclosure', ...(image.type !== undefined && { '@_type': image.type }), '@_href': image.url as string }));
  return {
    ...(item.language !== site.language && { '@_xml:lang': item.language }),
    id: item.id,
    title: atomText(item.title),
    link: [{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.url }, ...enclosures],
    published: item.published,
    updated: item.updated,
    // One author naming everyone: feedparser's entry.author (rss2email's sender) is the last of several.
    author: { name: item.byline },
    category: item.tags.map((term) => ({ '@_term': term })),
    summary: item.summary === undefined ? undefined : atomText(item.summary),
    content: { '@_type': 'html', '#text': item.contentHtml },
    ...mediaElements(item),
  };
}

/** A text construct: type="text", or type="html" with escaped text when it would pass for HTML. */
function atomText(text: string): XmlNode {
  return looksLikeHtml(text) ? { '@_type': 'html', '#text': escapeHtmlText(text) } : { '@_type': 'text', '#text': text };
}
