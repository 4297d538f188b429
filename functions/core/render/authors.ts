// Who an item is by, in the shape each feed format's readers show whole. Python feedparser (rss2email)
// and newsboat keep only the LAST of several author elements as the item's author, in RSS and in Atom,
// so the XML feeds carry ONE author element naming everyone ("A, B and C"), as a printed byline does.
// JSON Feed and the article page keep one entry per person: their readers list an array whole.

import type { Article, SiteConfig } from '../model';

/** The article's authors, one name per person; the site's default author when it names none. */
export function authorsOf(site: SiteConfig, article: Article): string[] {
  return article.authors.length > 0 ? article.authors : [site.defaultAuthor];
}

/** "A", "A and B", "A, B and C": the one author name RSS dc:creator and Atom author carry. */
export function authorLine(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
