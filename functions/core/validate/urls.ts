// Feed readers resolve nothing relative reliably: every link, URL and image in a feed must be absolute http(s).
import type { FeedSummary, Violation } from './types';

export function isAbsoluteHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, host } = new URL(value);
  return (protocol === 'http:' || protocol === 'https:') && host !== '';
}

export function checkAbsoluteUrls(feed: FeedSummary): Violation[] {
  return feed.urls
    .filter((found) => !isAbsoluteHttpUrl(found.url))
    .map((found) => ({ path: feed.path, rule: 'absolute-url', message: `${found.where} is not an absolute http(s) URL: "${found.url}"` }));
}
