// What the site validator reports and the per-feed summary its cross-file checks work on.

/** One broken rule in one file of a built site. */
export interface Violation {
  /** Site path, e.g. "archive/2024-10/feed.xml". */
  path: string;
  /** Stable rule name, e.g. "rss-required", "archive-link". */
  rule: string;
  /** What is wrong, in words a person can act on. */
  message: string;
}

export type FeedFormat = 'rss' | 'atom' | 'jsonfeed';

/** A URL found in a feed, with where it was found (for the message). */
export interface FoundUrl {
  where: string;
  url: string;
}

/** What the cross-file checks need from one parsed feed, whatever its format. */
export interface FeedSummary {
  path: string;
  format: FeedFormat;
  /** The feed's own URL (RSS/Atom rel="self", JSON Feed feed_url). */
  selfUrl?: string;
  /** RFC 5005 links (prev-archive, next-archive, current) and JSON Feed next_url (rel "next_url"). */
  archiveLinks: { rel: string; href: string }[];
  items: { id?: string; link?: string }[];
  urls: FoundUrl[];
}

/** The result of one format check: violations found inside the file and its summary (absent when unreadable). */
export interface FeedCheck {
  violations: Violation[];
  summary?: FeedSummary;
}
