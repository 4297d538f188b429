// Feed autodiscovery links (`<link rel="alternate">`) and visible feed links, for every HTML page.
import type { SiteConfig } from '../model';
import { siteUrl } from '../site';
import { FEED_FORMATS } from '../outputs/formats';
import { escapeHtml } from './html';
import { archiveIndexUrl, headFeedPath, homeUrl, stylesheetUrl } from './urls';

export function feedAlternateLinks(site: SiteConfig): string[] {
  return FEED_FORMATS.map(
    (feed) =>
      `<link rel="${feed.rel}" type="${feed.mediaType}" title="${escapeHtml(`${site.title} (${feed.label})`)}" href="${escapeHtml(siteUrl(site, headFeedPath(feed.name)))}">`,
  );
}

export function feedLinksHtml(site: SiteConfig): string {
  const links = FEED_FORMATS.map((feed) => `<a href="${escapeHtml(siteUrl(site, headFeedPath(feed.name)))}">${feed.label}</a>`);
  return `<p class="feeds">Feeds: ${links.join(' · ')}</p>`;
}

/** The parts of every page that depend on the site only, already HTML. */
export interface SiteChrome {
  alternateLinks: string[];
  feedLinks: string;
  /** `<header>` with the site name linking home, and the site nav (home, archive). */
  header: string;
  homeHref: string;
  /** The HTML archive (/archive/): every article by month. */
  archiveHref: string;
  stylesheetHref: string;
}

// Built once per site config object (configs are not mutated after parsing): a 10k-page build
// otherwise spends ~0.1 s re-deriving the same links.
const chromeBySite = new WeakMap<SiteConfig, SiteChrome>();

export function siteChrome(site: SiteConfig): SiteChrome {
  let chrome = chromeBySite.get(site);
  if (chrome === undefined) {
    const homeHref = escapeHtml(homeUrl(site));
    const archiveHref = escapeHtml(archiveIndexUrl(site));
    chrome = {
      alternateLinks: feedAlternateLinks(site),
      feedLinks: feedLinksHtml(site),
      header: `<header class="site"><a href="${homeHref}">${escapeHtml(site.title)}</a><nav><a href="${homeHref}">Latest</a> · <a href="${archiveHref}">Archive</a></nav></header>`,
      homeHref,
      archiveHref,
      stylesheetHref: stylesheetUrl(site, 'stylesheet'),
    };
    chromeBySite.set(site, chrome);
  }
  return chrome;
}
