import { createHash } from 'node:crypto';
import type { Article } from '../../model';

/**
 * sha256 hex over a canonical JSON of what a reader sees: not dates, not the source, so a re-upload
 * with the same text keeps `updated` still, and an edit (or a newly attached image) moves it.
 */
export function contentHashOf(a: Pick<Article, 'title' | 'summary' | 'contentHtml' | 'authors' | 'tags' | 'images' | 'language' | 'publisher'>): string {
  const images = a.images.map((i) => [i.url ?? null, i.src ?? null, i.alt, i.caption, i.credit?.display ?? null, i.width ?? null, i.height ?? null, i.type ?? null]);
  const canonical = JSON.stringify([a.title, a.summary, a.contentHtml, a.authors, a.tags, images, a.language, a.publisher ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}
