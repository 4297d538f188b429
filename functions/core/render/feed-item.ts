// One view of an article as the three feed renderers (RSS, Atom, JSON Feed) read it: the defaults and
// the derived values each of them used to work out on its own (the site's default author, the site's
// publisher, the lead image, "no summary", whole-second dates, the item HTML) worked out once here.
// normalize applies the defaults already; this view applies them once more only for articles that did
// not come through it (index records written by older versions, hand-made test articles).
import type { Article, ArticleImage, SiteConfig } from '../model';
import { authorLine, authorsOf } from './authors';
import { rfc3339 } from './dates';
import { feedItemHtml, type ItemForm } from './figure';

export interface FeedItem {
  id: string;
  url: string;
  title: string;
  /** The plain-text summary, or undefined when it is blank. */
  summary: string | undefined;
  /** One name per person, never empty: the site's default author when the article names none. */
  authors: readonly string[];
  /** The authors as the one name an XML author element carries ("A, B and C"). */
  byline: string;
  /** The article's publisher, else the site's (absent when neither names one). */
  publisher: string | undefined;
  tags: readonly string[];
  language: string;
  /** RFC 3339, whole seconds. */
  published: string;
  updated: string;
  images: readonly ArticleImage[];
  /** The first image with a published file (JSON Feed `image`, media:thumbnail). */
  lead: ArticleImage | undefined;
  /** The item's HTML in the form the feed carries it (whole, or the summary and a link when the feed is over budget). */
  contentHtml: string;
}

/** The one function from an Article to what the feed renderers read. */
export function feedItem(site: SiteConfig, article: Article, form: ItemForm): FeedItem {
  const authors = authorsOf(site, article);
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    summary: article.summary.trim() === '' ? undefined : article.summary,
    authors,
    byline: authorLine(authors),
    publisher: article.publisher ?? site.publisher,
    tags: article.tags,
    language: article.language,
    published: rfc3339(article.published),
    updated: rfc3339(article.updated),
    images: article.images,
    lead: leadImage(article),
    contentHtml: feedItemHtml(site, article, form),
  };
}

/** The lead image: the first with a published file. */
export function leadImage(article: Pick<Article, 'images'>): ArticleImage | undefined {
  return article.images.find((image) => image.url !== undefined);
}
