// Feed autodiscovery links (`<link rel="alternate">`) and visible feed links, for every HTML page.
import type { SiteConfig } from '../model';
import { siteUrl } from '../site';
import { ATOM_CONTENT_TYPE } from './atom';
import { escapeHtml } from './html';
import { JSON_FEED_CONTENT_TYPE } from './jsonfeed';
import { RSS_CONTENT_TYPE } from './rss';
import { type FeedFormat, headFeedPath, homeUrl, stylesheetUrl } from './urls';

const FEEDS: { format: FeedFormat; type: string; label: string }[] = [
  { format: 'rss', type: RSS_CONTENT_TYPE, label: 'RSS' },
  { format: 'atom', type: ATOM_CONTENT_TYPE, label: 'Atom' },
  { format: 'json', type: JSON_FEED_CONTENT_TYPE, label: 'JSON Feed' },
];

export function feedAlternateLinks(site: SiteConfig): string[] {
  return FEEDS.map(
    (feed) =>
      `<link rel="alternate" type="${feed.type}" title="${escapeHtml(`${site.title} (${feed.label})`)}" href="${escapeHtml(siteUrl(site, headFeedPath(feed.format)))}">`,
  );
}

export function feedLinksHtml(site: SiteConfig): string {
  const links = FEEDS.map((feed) => `<a href="${escapeHtml(siteUrl(site, headFeedPath(feed.format)))}">${feed.label}</a>`);
  return `<p class="feeds">Feeds: ${links.join(' · ')}</p>`;
}

/** The parts of every page that depend on the site only, already HTML. */
export interface SiteChrome {
  alternateLinks: string[];
  feedLinks: string;
  /** `<header>` with the site name linking home. */
  header: string;
  homeHref: string;
  stylesheetHref: string;
}

// Built once per site config object (configs are not mutated after parsing): a 10k-page build
// otherwise spends ~0.1 s re-deriving the same links.
const chromeBySite = new WeakMap<SiteConfig, SiteChrome>();

export function siteChrome(site: SiteConfig): SiteChrome {
  let chrome = chromeBySite.get(site);
  if (chrome === undefined) {
    const homeHref = escapeHtml(homeUrl(site));
    chrome = {
      alternateLinks: feedAlternateLinks(site),
      feedLinks: feedLinksHtml(site),
      header: `<header class="site"><a href="${homeHref}">${escapeHtml(site.title)}</a></header>`,
      homeHref,
      stylesheetHref: stylesheetUrl(site, 'style.css'),
    };
    chromeBySite.set(site, chrome);
  }
  return chrome;
}
