// Scheduled publishing: THE rule for "is this article in the future?", applied by the pipeline's
// publish stage and by `feedpub build` alike (one definition; docs/scheduling.md). An article is held
// while its stated date is strictly more than SCHEDULE_SKEW_MS after the publisher's clock.
import type { Article } from '../model';

/**
 * The clock-skew allowance: two minutes. An article dated up to this far ahead of "now" (inclusive)
 * publishes at once, so an editor's clock a little fast, or a "publish at 09:00" uploaded at 08:59,
 * does not hold a story behind a schedule; one dated further ahead is held until its date.
 */
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
