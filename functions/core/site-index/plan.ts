// Publishing rules of the one publisher (functions/pipeline/publish.ts, which `feedpub build` runs
// too): which image uploads an article is shown with, what a rejection is recorded as, and what the
// status page counts. Pure, so they are tested apart from the store.
import type { Article, QuarantineRecord, SiteStatus, UploadRejectionCode } from '../model';
import { namedImageKeys, sidecarImageKeys } from './imagerefs';

/** The image uploads an article shows: the ones it names, then its same-base-name sidecars. */
export function imageKeysFor(article: Article, articleKey: string): string[] {
  return [...new Set([...namedImageKeys(article), ...sidecarImageKeys(articleKey)])];
}

/** The images of `keys` that exist (by `find`), keyed by upload key, as attachImages takes them. */
export function foundImages<A>(keys: readonly string[], find: (imageKey: string) => A | undefined): Map<string, A> {
  const found = new Map<string, A>();
  for (const key of keys) {
    const asset = find(key);
    if (asset !== undefined) found.set(key, asset);
  }
  return found;
}

export interface Rejection {
  key: string;
  code: UploadRejectionCode;
  reason: string;
  size: number;
  etag?: string;
}

/** The quarantine record of a rejected upload version, dated `time` (the publish, or the file's date in a build). */
export function quarantineRecordFor(rejected: Rejection, time: string): QuarantineRecord {
  return {
    key: rejected.key,
    code: rejected.code,
    reason: rejected.reason,
    time,
    size: rejected.size,
    ...(rejected.etag !== undefined && { etag: rejected.etag }),
  };
}

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** What the status page shows: counts, last publish, and the quarantine in key order. */
export function siteStatusOf(articles: number, lastPublish: string | null, quarantine: Iterable<QuarantineRecord>): SiteStatus {
  return { articles, lastPublish, quarantined: [...quarantine].sort(byKey) };
}
