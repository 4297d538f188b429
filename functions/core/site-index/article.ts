import type { Article, SiteConfig } from '../model';
import { monthOf } from '../order';
import { cutAtBlock, utf8Bytes } from '../render/budget';
import { articlePath } from '../site';
import { monthInZone } from '../timezone';
import type { ArticleRecord } from './types';

/**
 * Identity rule for an upload seen again: id, slug and permalink never move; `published` moves only
 * when the upload states a date (an editor correcting the Date: header), never for a date feedpub chose;
 * `updated` moves to `now` only when the content hash changed.
 */
export function reconcileArticle(fresh: Article, record: ArticleRecord | undefined, slug: string, now: string, site: SiteConfig): Article {
  const url = articlePath(record?.slug ?? slug);
  if (!record) return { ...fresh, slug, url, archiveMonth: monthInZone(fresh.published, site.timeZone) };
  const updated = record.contentHash === fresh.contentHash ? record.updated : now;
  const published = fresh.publishedStated ? fresh.published : record.published;
  // published may move back to the record's: the archive month follows it.
  const archiveMonth = monthInZone(published, site.timeZone);
  return { ...fresh, id: record.id, slug: record.slug, url, published, updated, archiveMonth };
}

/**
 * What the index (head.json, month manifests, tag collections) keeps of an article: what feeds and lists
 * read. The plain-text copy of the body and the repair and warning logs stay in the upload's prepared
 * record, and a body over the per-item budget (site.itemContentBytes) is kept only up to the last
 * top-level block that fits, flagged `contentCut`: no feed item carries more than that budget
 * (render/figure.ts cuts a flagged body as it cuts a long one, to the same bytes), so an entry and the
 * index stay bounded whatever is uploaded. The permalink page needs the whole body: it is rendered from
 * the prepared record.
 */
export function indexEntry(article: Article, site: Pick<SiteConfig, 'itemContentBytes'>): Article {
  const entry: Article = { ...article, contentText: '', repairs: [], warnings: [] };
  if (utf8Bytes(article.contentHtml) <= site.itemContentBytes) return entry;
  return { ...entry, contentHtml: cutAtBlock(article.contentHtml, site.itemContentBytes), contentCut: true };
}

export function recordFor(article: Article, imageKeys: string[], assetPaths: string[], page: { path: string; hash: string }, bodyHash?: string): ArticleRecord {
  return {
    key: article.source.key,
    id: article.id,
    slug: article.slug,
    month: monthOf(article),
    published: article.published,
    updated: article.updated,
    contentHash: article.contentHash,
    ...(article.source.etag !== undefined && { etag: article.source.etag }),
    imageKeys,
    assetPaths,
    // Which tag collections to take the article out of when it is edited or deleted.
    ...(article.tagSlugs !== undefined && article.tagSlugs.length > 0 && { tagSlugs: article.tagSlugs }),
    pagePath: page.path,
    pageHash: page.hash,
    ...(bodyHash !== undefined && { bodyHash }),
  };
}
