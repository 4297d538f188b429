// Links between files of the site: the head feeds exist and name themselves, archive links (RFC 5005 and
// JSON Feed next_url) reach files that exist, and every item links to its permalink page.
// A URL maps to a site path by stripping the site's base URL, read from the head RSS feed's rel="self" link.
import { FEED_FORMATS, feedPath, HEAD_FEED_FOLDER, HEAD_FEED_PATHS } from '../outputs/formats';
import { isAbsoluteHttpUrl } from './urls';
import type { FeedSummary, Violation } from './types';

export const HEAD_FEEDS = HEAD_FEED_PATHS;
const SELF_NAMES: Record<string, string> = Object.fromEntries(FEED_FORMATS.map((f) => [feedPath(HEAD_FEED_FOLDER, f.name), f.validatorName]));
const HEAD_RSS = feedPath(HEAD_FEED_FOLDER, 'rss');
const HEAD_JSON = feedPath(HEAD_FEED_FOLDER, 'json');
const ARTICLE_PAGE = /^articles\/[^/]+\/index\.html$/;

/** "https://site/feed.xml" -> "https://site" (the head feed's self link, minus the file name). */
export function baseUrlOf(feeds: FeedSummary[]): string | undefined {
  for (const name of HEAD_FEEDS) {
    const self = feeds.find((f) => f.path === name)?.selfUrl;
    if (self?.endsWith(`/${name}`) && isAbsoluteHttpUrl(self)) return self.slice(0, -name.length - 1);
  }
  return undefined;
}

/** Site path a URL names, or undefined when it is outside the site. "https://site/a/" -> "a/index.html". */
export function sitePathOf(url: string, baseUrl: string): string | undefined {
  if (!url.startsWith(`${baseUrl}/`)) return undefined;
  let path = url.slice(baseUrl.length + 1).replace(/[?#].*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

export function checkSiteLinks(feeds: FeedSummary[], exists: (path: string) => boolean): Violation[] {
  const violations: Violation[] = [];
  for (const name of HEAD_FEEDS) {
    // An unreadable head feed is already reported by its own check; here only absent or of another format.
    const format = feeds.find((f) => f.path === name)?.format;
    if (!exists(name)) violations.push({ path: name, rule: 'head-feed', message: `the site has no head feed ${name}` });
    else if (format !== undefined && format !== SELF_NAMES[name]) {
      violations.push({ path: name, rule: 'head-feed', message: `${name} is ${format}, expected ${SELF_NAMES[name]}` });
    }
  }
  const baseUrl = baseUrlOf(feeds);
  if (baseUrl === undefined) {
    violations.push({ path: HEAD_RSS, rule: 'head-feed', message: 'no head feed names itself (rel="self" / feed_url), so links cannot be resolved' });
    return violations;
  }

  violations.push(...checkJsonPaging(feeds, baseUrl));
  for (const feed of feeds) {
    const report = (rule: string, message: string): void => {
      violations.push({ path: feed.path, rule, message });
    };
    if (feed.selfUrl !== undefined && isAbsoluteHttpUrl(feed.selfUrl) && sitePathOf(feed.selfUrl, baseUrl) !== feed.path) {
      report('self-link', `self link ${feed.selfUrl} does not name this file (expected ${baseUrl}/${feed.path})`);
    }
    for (const { rel, href } of feed.archiveLinks) {
      if (!isAbsoluteHttpUrl(href)) continue; // reported by absolute-url
      const target = sitePathOf(href, baseUrl);
      if (target === undefined) report('archive-link', `${rel} link ${href} is outside the site ${baseUrl}`);
      else if (!exists(target)) report('archive-link', `${rel} link ${href} names ${target}, which does not exist`);
    }
    feed.items.forEach((item, index) => {
      const where = `item ${index + 1}`;
      if (item.link === undefined) {
        // Atom reports a missing alternate link under atom-required.
        if (feed.format !== 'atom') report('item-link', `${where} has no link to its page`);
        return;
      }
      if (!isAbsoluteHttpUrl(item.link)) return; // reported by absolute-url
      const target = sitePathOf(item.link, baseUrl);
      if (target === undefined || !ARTICLE_PAGE.test(target)) {
        report('item-link', `${where} link ${item.link} is not an article permalink (${baseUrl}/articles/<slug>/)`);
      } else if (!exists(target)) {
        report('item-link', `${where} link ${item.link} names ${target}, which does not exist`);
      }
    });
  }
  return violations;
}

/**
 * JSON Feed paging: a poller that follows next_url from feed.json meets every item of every JSON Feed
 * on the site exactly once (pages that repeat items make it stop early or see duplicates).
 */
function checkJsonPaging(feeds: FeedSummary[], baseUrl: string): Violation[] {
  const byPath = new Map(feeds.filter((f) => f.format === 'jsonfeed').map((f) => [f.path, f]));
  if (!byPath.has(HEAD_JSON)) return [];
  const violations: Violation[] = [];
  const seen = new Map<string, string>();
  const visited = new Set<string>();
  for (let path: string | undefined = HEAD_JSON; path !== undefined && !visited.has(path); ) {
    visited.add(path);
    const page = byPath.get(path);
    if (page === undefined) break; // a missing target is reported by archive-link
    for (const { id } of page.items) {
      if (id === undefined) continue;
      const first = seen.get(id);
      // A repeat within one page is unique-id's finding.
      if (first !== undefined && first !== path) violations.push({ path, rule: 'json-paging', message: `item ${id} is also on ${first}: following next_url from ${HEAD_JSON} repeats it` });
      else if (first === undefined) seen.set(id, path);
    }
    const next = page.archiveLinks.find((l) => l.rel === 'next_url')?.href;
    path = next === undefined ? undefined : sitePathOf(next, baseUrl);
  }
  const missed = new Set<string>();
  for (const feed of byPath.values()) for (const { id } of feed.items) if (id !== undefined && !seen.has(id)) missed.add(id);
  if (missed.size > 0) {
    violations.push({ path: HEAD_JSON, rule: 'json-paging', message: `${missed.size} item(s) are not reached by following next_url from ${HEAD_JSON}, e.g. ${[...missed][0]}` });
  }
  return violations;
}
