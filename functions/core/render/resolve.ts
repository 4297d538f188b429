// The index keeps site-relative paths ("articles/x/", "images/<hash>.jpg"): the base URL is the
// site's, not the article's, so a domain move needs no index rewrite. Renderers see absolute URLs.
import type { Article, ArticleImage, SiteConfig } from '../model';
import { siteUrl } from '../site';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** True for "https://..." (an image the upload names by URL), false for a site path. */
export function isAbsoluteUrl(value: string): boolean {
  return SCHEME.test(value);
}

/** A site path against site.baseUrl; an absolute URL stays as it is. */
export function absoluteUrl(site: SiteConfig, urlOrPath: string): string {
  return isAbsoluteUrl(urlOrPath) ? urlOrPath : siteUrl(site, urlOrPath);
}

function absoluteImage(site: SiteConfig, image: ArticleImage): ArticleImage {
  return image.url === undefined || isAbsoluteUrl(image.url) ? image : { ...image, url: siteUrl(site, image.url) };
}

/** The article as renderers read it: permalink and image URLs absolute under this site's base URL. */
export function withAbsoluteUrls(site: SiteConfig, article: Article): Article {
  const relativeImage = article.images.some((i) => i.url !== undefined && !isAbsoluteUrl(i.url));
  if (isAbsoluteUrl(article.url) && !relativeImage) return article;
  return {
    ...article,
    url: absoluteUrl(site, article.url),
    ...(relativeImage && { images: article.images.map((i) => absoluteImage(site, i)) }),
  };
}

export function allWithAbsoluteUrls(site: SiteConfig, articles: readonly Article[]): Article[] {
  return articles.map((a) => withAbsoluteUrls(site, a));
}
