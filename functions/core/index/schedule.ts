// Scheduled publishing: the publish stage holds an article whose stated date is still ahead of its
// clock (beyond a small skew, so a newsroom clock a few seconds fast does not hold a story).
import type { Article } from '../model';

/** Two minutes: an article dated within this of "now" publishes at once. */
export const SCHEDULE_SKEW_MS = 2 * 60_000;

/** A held article, as the private head manifest keeps it (never rendered). */
export interface ScheduledEntry {
  key: string;
  title: string;
  /** RFC 3339: when it publishes (its stated date). */
  at: string;
  etag?: string;
}

/**
 * The time to hold the article until, or undefined to publish now. Only a date the upload states can
 * hold it: a date feedpub chose (first-seen time) is never in the future.
 */
export function holdUntil(article: Pick<Article, 'published' | 'publishedStated'>, now: string, skewMs = SCHEDULE_SKEW_MS): string | undefined {
  if (!article.publishedStated) return undefined;
  const at = Date.parse(article.published);
  if (!Number.isFinite(at)) return undefined;
  return at > Date.parse(now) + skewMs ? article.published : undefined;
}
