import type { Article } from './model';

/** Feed order: newest published first; ties broken by id so the order is total and deterministic. */
export function newestFirst(a: Pick<Article, 'published' | 'id'>, b: Pick<Article, 'published' | 'id'>): number {
  if (a.published !== b.published) return a.published < b.published ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Archive month ("YYYY-MM") an article belongs to: its published date in the site's zone (set by normalize), else UTC. */
export function monthOf(article: Pick<Article, 'published' | 'archiveMonth'>): string {
  return article.archiveMonth ?? article.published.slice(0, 7);
}

/** Archive month of the oldest of the items (the head's boundary month), or undefined for none. */
export function oldestMonthOf(items: Pick<Article, 'published' | 'id' | 'archiveMonth'>[]): string | undefined {
  const oldest = [...items].sort(newestFirst).at(-1);
  return oldest === undefined ? undefined : monthOf(oldest);
}
