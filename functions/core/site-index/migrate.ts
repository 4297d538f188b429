// Indexes written before site-relative paths kept absolute URLs in every entry (`url`, published
// image URLs, deletion records' `url`). They are rewritten as they are read, so an old index publishes under the current
// base URL at once and is stored in the new form by the next write of each part.
import type { Article, ArticleImage } from '../model';
import type { DeletionRecord } from './deletions';
import { contentHashOf } from '../normalize/rules/hash';
import { isAbsoluteUrl } from '../render/resolve';
import { articlePath } from '../site';
import { HEAD_KEY, MONTHS_PREFIX } from './paths';
import type { HeadManifest, MonthManifest } from './types';

// A published copy's path: content-addressed (images.ts describeImage), whatever the old base URL was.
const IMAGE_COPY_PATH = /(?:^|\/)(images\/[0-9a-f]{16}\.[a-z0-9]+)$/;

function migrateImage(image: ArticleImage): ArticleImage {
  // An image the upload names by URL keeps it: only copies the pipeline published carry the base URL.
  if (image.url === undefined || !isAbsoluteUrl(image.url) || (image.src !== undefined && isAbsoluteUrl(image.src))) return image;
  const path = IMAGE_COPY_PATH.exec(new URL(image.url).pathname)?.[1];
  return path === undefined ? image : { ...image, url: path };
}

/** An index entry in the current form; the same object when it already is. */
export function migrateArticle(article: Article): Article {
  const images = article.images.map(migrateImage);
  const imagesMoved = images.some((image, i) => image !== article.images[i]);
  if (!isAbsoluteUrl(article.url) && !imagesMoved) return article;
  const migrated = { ...article, url: articlePath(article.slug), images };
  // The hash covers image URLs: without rehashing, every pictured article would look edited.
  return imagesMoved ? { ...migrated, contentHash: contentHashOf(migrated) } : migrated;
}

// A permalink's path under any base URL (a base may have a path of its own: cut at the last articles/).
const ARTICLE_PATH = /(?:^|\/)(articles\/[^/]+\/)$/;

/** A deletion record in the current form (a site path); the same object when it already is. */
export function migrateDeletion(record: DeletionRecord): DeletionRecord {
  if (!isAbsoluteUrl(record.url)) return record;
  const path = ARTICLE_PATH.exec(new URL(record.url).pathname)?.[1];
  return path === undefined ? record : { ...record, url: path };
}

function migrateDeletions(records: DeletionRecord[] | undefined): DeletionRecord[] | undefined {
  if (records === undefined) return undefined;
  const migrated = records.map(migrateDeletion);
  return migrated.some((r, i) => r !== records[i]) ? migrated : records;
}

/** The list migrated, or the same array when no entry needed it (so a caller can tell). */
function migrateAll(articles: Article[]): Article[] {
  const migrated = articles.map(migrateArticle);
  return migrated.some((a, i) => a !== articles[i]) ? migrated : articles;
}

export function migrateHead(head: HeadManifest): HeadManifest {
  const items = migrateAll(head.items);
  const deleted = migrateDeletions(head.deleted);
  return items === head.items && deleted === head.deleted ? head : { ...head, items, ...(deleted !== undefined && { deleted }) };
}

export function migrateMonth(manifest: MonthManifest): MonthManifest {
  const articles = migrateAll(manifest.articles);
  const deleted = migrateDeletions(manifest.deleted);
  return articles === manifest.articles && deleted === manifest.deleted ? manifest : { ...manifest, articles, ...(deleted !== undefined && { deleted }) };
}

/** A stored index part as the publisher reads it: head and month manifests migrated (a new object), others as they are. */
export function migrateIndexPart(key: string, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (key === HEAD_KEY) return migrateHead(value as HeadManifest);
  if (key.startsWith(MONTHS_PREFIX)) return migrateMonth(value as MonthManifest);
  return value;
}
