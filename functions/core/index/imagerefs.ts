// Which image uploads an article shows, and which articles an image upload concerns. An article
// may arrive before or after its images, so both directions are needed.
import type { Article } from '../model';

export const SIDECAR_IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif'];
export const ARTICLE_EXTENSIONS = ['txt', 'md'];

function splitKey(key: string): { dir: string; base: string } {
  const slash = key.lastIndexOf('/');
  const dir = slash < 0 ? '' : key.slice(0, slash + 1);
  const name = key.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return { dir, base: dot <= 0 ? name : name.slice(0, dot) };
}

/** "news/a.txt" -> "news/a.jpg", "news/a.png"...: images with the same base name. */
export function sidecarImageKeys(articleKey: string): string[] {
  const { dir, base } = splitKey(articleKey);
  return SIDECAR_IMAGE_EXTENSIONS.map((ext) => `${dir}${base}.${ext}`);
}

/** "news/a.jpg" -> "news/a.txt", "news/a.md": the articles it is a sidecar of. */
export function sidecarArticleKeys(imageKey: string): string[] {
  const { dir, base } = splitKey(imageKey);
  return ARTICLE_EXTENSIONS.map((ext) => `${dir}${base}.${ext}`);
}

/** Resolves "img/a.jpg" or "../a.jpg" against the article's folder; undefined when it leaves the bucket root. */
export function resolveUploadKey(articleKey: string, src: string): string | undefined {
  const parts = src.startsWith('/') ? [] : articleKey.split('/').slice(0, -1);
  for (const segment of src.replace(/^\/+/, '').split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}

/** Upload keys of the images an article names by file (not by URL). */
export function namedImageKeys(article: Pick<Article, 'images' | 'source'>): string[] {
  const keys = new Set<string>();
  for (const image of article.images) {
    if (!image.src || /^[a-z][a-z0-9+.-]*:/i.test(image.src)) continue;
    const key = resolveUploadKey(article.source.key, image.src);
    if (key !== undefined) keys.add(key);
  }
  return [...keys].sort();
}
