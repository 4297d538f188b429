// Which image uploads an article shows, and which articles an image upload concerns. An article
// may arrive before or after its images, so both directions are needed.
import type { Article } from '../model';
import { ARTICLE_EXTENSIONS, extensionSpellings, IMAGE_EXTENSIONS } from '../upload-keys';

function splitKey(key: string): { dir: string; base: string } {
  const slash = key.lastIndexOf('/');
  const dir = slash < 0 ? '' : key.slice(0, slash + 1);
  const name = key.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  return { dir, base: dot <= 0 ? name : name.slice(0, dot) };
}

// Cameras and Windows tools write "IMG_1.JPG"; S3 keys are case-sensitive, so each spelling the case
// rule allows (core/upload-keys.ts: lower and upper, no mix) is a candidate, each costing a record read.
function sameBaseKeys(key: string, extensions: readonly string[]): string[] {
  const { dir, base } = splitKey(key);
  return extensions.flatMap((ext) => extensionSpellings(ext).map((spelling) => `${dir}${base}.${spelling}`));
}

/**
 * The longest prefix a key shares with all its same-base keys: "news/a.txt" -> "news/a." (a key
 * without extension is its own prefix). One listing of it finds the key and its sidecars at once.
 */
export function sameBasePrefix(key: string): string {
  const { dir, base } = splitKey(key);
  const stem = `${dir}${base}`;
  return stem.length < key.length ? `${stem}.` : stem;
}

/** "news/a.txt" -> "news/a.jpg", "news/a.JPG", "news/a.png"...: images with the same base name. */
export function sidecarImageKeys(articleKey: string): string[] {
  return sameBaseKeys(articleKey, IMAGE_EXTENSIONS);
}

/** "news/a.JPG" -> "news/a.txt", "news/a.TXT", "news/a.md"...: the articles it is a sidecar of. */
export function sidecarArticleKeys(imageKey: string): string[] {
  return sameBaseKeys(imageKey, ARTICLE_EXTENSIONS);
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
