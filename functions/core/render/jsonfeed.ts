// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as plain objects, with the `_feedpub`
// extension carrying structured image credits.
import type { Article, ArticleImage, SiteConfig } from '../model';
import { type FeedItem, feedItem } from './feed-item';
import type { FeedLinks } from './urls';
import { NO_IDS } from './budget';
import { homeUrl } from './urls';
import { MAYBE_XML_INVALID_IN_JSON, stripInvalidXmlChars } from '../escape';
import type { DeletionRecord } from '../site-index/deletions';
import { jsonFeedDeletions, NO_DELETIONS } from './tombstones';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** One image as the `_feedpub` extension carries it: the article's image without its upload-side `src`. */
export type FeedpubImage = Omit<ArticleImage, 'src'>;

export function renderJsonFeed(
  site: SiteConfig,
  items: Article[],
  links: FeedLinks,
  summaryOnly: ReadonlySet<string> = NO_IDS,
  deleted: readonly DeletionRecord[] = NO_DELETIONS,
): string {
  const feed = {
    version: JSON_FEED_VERSION,
    title: site.title,
    home_page_url: links.home ?? homeUrl(site),
    feed_url: links.self,
    description: site.description,
    // Paging goes to older items: the head points at the newest archive, each archive at the month before.
    next_url: links.prevArchive,
    icon: site.icon,
    language: site.language,
    authors: [{ name: site.publisher ?? site.title, url: homeUrl(site) }],
    hubs: site.websubHub === undefined ? undefined : [{ type: 'WebSub', url: site.websubHub }],
    items: items.map((article) => jsonItem(feedItem(site, article, summaryOnly.has(article.id) ? 'summary' : 'full'))),
    // Deletion records (docs/takedown.md): readers that do not know the extension ignore it.
    _feedpub: jsonFeedDeletions(site, deleted),
  };
  return `${stringifyClean(feed)}\n`;
}


/**
 * JSON with 2-space indent and, in every string, what the XML feeds remove removed too (controls, lone
 * surrogates), so all formats agree. The plain stringify is V8's fast path; a replacer call per value
 * cost ~4% of a full render, and the output shows when one is needed.
 */
export function stringifyClean(value: unknown): string {
  const plain = JSON.stringify(value, undefined, 2);
  if (!MAYBE_XML_INVALID_IN_JSON.test(plain)) return plain;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? stripInvalidXmlChars(v) : v), 2);
}

function jsonItem(item: FeedItem) {
  const images: FeedpubImage[] = item.images.map((image) => ({
    url: image.url,
    alt: image.alt,
    caption: image.caption,
    credit: image.credit,
    width: image.width,
    height: image.height,
    type: image.type,
  }));
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    content_html: item.contentHtml,
    summary: item.summary,
    image: item.lead?.url,
    date_published: item.published,
    date_modified: item.updated,
    authors: item.authors.map((name) => ({ name })),
    tags: item.tags.length > 0 ? item.tags : undefined,
    language: item.language,
    _feedpub: { publisher: item.publisher, images },
  };
}
