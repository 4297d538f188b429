// A synthetic archive for the publish-cost benchmarks: article n is n thirtieths of a day before a
// fixed end (no clock), and the index (head + month manifests) is written straight into a store, so
// a case of 100,000 articles is seeded in seconds instead of published one upload at a time.
import { articleIdForKey } from '../../functions/core/ids';
import { monthsForRefill } from '../../functions/core/site-index/head';
import { HEAD_KEY, monthManifestKey } from '../../functions/core/site-index/paths';
import type { HeadManifest, MonthManifest } from '../../functions/core/site-index/types';
import { DEFAULT_SITE, type Article, type SiteConfig } from '../../functions/core/model';
import { monthOf, newestFirst } from '../../functions/core/order';
import type { ObjectStore } from '../../functions/store/types';

/** Mid-month: the current month holds 15 days of articles at every archive size past ~450. */
export const ARCHIVE_END = Date.parse('2026-06-15T12:00:00Z');
export const ARCHIVE_PER_DAY = 30;
export const benchSite: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 50 };

export interface ArchivedArticleOptions {
  /** Paragraphs of body HTML (each ~860 bytes); default 2. */
  paragraphs?: number;
  /** Whether contentText carries the body too (default true); '' keeps manifests lighter. */
  withText?: boolean;
  tags?: string[];
}

const publishedAt = (n: number) => new Date(ARCHIVE_END - n * (86_400_000 / ARCHIVE_PER_DAY)).toISOString();
const paragraphOf = (n: number) => `Paragraph of article ${n}, long enough to weigh like a short news item. `.repeat(12);

/** Archive article n (n >= 1): deterministic, already normalized, as the index stores it. */
export function archivedArticle(n: number, options: ArchivedArticleOptions = {}): Article {
  const { paragraphs = 2, withText = true, tags = ['world'] } = options;
  const published = publishedAt(n);
  const key = `archive/${n}.txt`;
  const paragraph = paragraphOf(n);
  const body = Array.from({ length: paragraphs }, () => paragraph);
  return {
    id: articleIdForKey(key),
    slug: `article-${n}`,
    url: `${benchSite.baseUrl}/articles/article-${n}/`,
    title: `Archived article ${n}`,
    summary: paragraph.slice(0, 200),
    contentHtml: body.map((p) => `<p>${p}</p>`).join(''),
    contentText: withText ? body.join('\n\n') : '',
    authors: ['Staff'],
    published,
    updated: published,
    tags,
    language: 'en',
    readingTimeMinutes: 2,
    images: [],
    repairs: [],
    warnings: [],
    source: { key, size: 2000 },
    contentHash: String(n).padStart(64, '0'),
  };
}

/** Archive article n as the upload an editor sends (title, Date:, Author:, two paragraphs), for benches that publish it. */
export function archivedUpload(n: number): string {
  return `Archived article ${n}\nDate: ${publishedAt(n)}\nAuthor: Staff\n\n${paragraphOf(n)}\n\n${paragraphOf(n)}\n`;
}

/** Articles 1..size. */
export function archivedArticles(size: number, options: ArchivedArticleOptions | ((n: number) => ArchivedArticleOptions) = {}): Article[] {
  return Array.from({ length: size }, (_, i) => archivedArticle(i + 1, typeof options === 'function' ? options(i + 1) : options));
}

/** Writes month manifests for `articles` under monthKey and returns the head's items and months (the site's or one tag's). */
export async function seedCollection(
  store: ObjectStore,
  articles: readonly Article[],
  monthKey: (month: string) => string,
  feedSize = benchSite.feedSize,
): Promise<{ items: Article[]; months: { month: string; count: number }[] }> {
  const byMonth = new Map<string, Article[]>();
  for (const a of articles) {
    const list = byMonth.get(monthOf(a));
    if (list === undefined) byMonth.set(monthOf(a), [a]);
    else list.push(a);
  }
  const months = [...byMonth.keys()].sort().map((month) => ({ month, count: byMonth.get(month)?.length ?? 0 }));
  for (const [month, list] of byMonth) {
    await store.put(monthKey(month), JSON.stringify({ month, articles: list.sort(newestFirst), outputs: {} } satisfies MonthManifest));
  }
  const newest = monthsForRefill(months, feedSize).flatMap((m) => byMonth.get(m) ?? []);
  return { items: newest.sort(newestFirst).slice(0, feedSize), months };
}

/** The site index over `articles`: month manifests and the head, last published at ARCHIVE_END. */
export async function seedSiteIndex(store: ObjectStore, articles: readonly Article[], feedSize = benchSite.feedSize): Promise<void> {
  const head = await seedCollection(store, articles, monthManifestKey, feedSize);
  await store.put(HEAD_KEY, JSON.stringify({ version: 1, ...head, quarantine: [], lastPublish: new Date(ARCHIVE_END).toISOString(), outputs: {} } satisfies HeadManifest));
}
