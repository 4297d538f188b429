// At local start: the uploads whose last change the site has not taken in (events still queued
// when the previous run stopped, or changed while it was down). The handler reconciles each key
// from S3, so an extra key costs a little work and never does harm; a missed one would stay
// unpublished until touched again.
import { mapLimit } from '../core/concurrency';
import { HEAD_KEY, articleRecordKey, imageRecordKey } from '../core/site-index/paths';
import { PRIVATE_PREFIX } from '../core/outputs/formats';
import type { ArticleRecord, HeadManifest, ImageRecord } from '../core/site-index/types';
import type { S3ObjectStore } from '../store/s3';
import { type ObjectStore, readJson } from '../store/types';

const ARTICLE_RECORDS = `${PRIVATE_PREFIX}articles/`;
const IMAGE_RECORDS = `${PRIVATE_PREFIX}images/`;

export interface UnpublishedUploads {
  /** Uploads with no record of their current version (ETag) and no quarantine of it. */
  changed: string[];
  /** Keys whose record says published (or quarantined), whose upload is gone. */
  removed: string[];
}

/** One listing of each bucket, the head, one record read per upload, and a read per orphaned record. */
export async function findUnpublishedUploads(
  uploads: S3ObjectStore,
  siteStore: ObjectStore,
  isImageKey: (key: string) => boolean,
  concurrency = 16,
): Promise<UnpublishedUploads> {
  const [entries, head, articleRecords, imageRecords] = await Promise.all([
    uploads.listObjects(''),
    readJson<HeadManifest>(siteStore, HEAD_KEY),
    siteStore.list(ARTICLE_RECORDS),
    siteStore.list(IMAGE_RECORDS),
  ]);
  const quarantined = new Map((head?.quarantine ?? []).map((q) => [q.key, q.etag]));
  const recordKeyOf = (key: string) => (isImageKey(key) ? imageRecordKey(key) : articleRecordKey(key));

  const changed = await mapLimit(entries, concurrency, async ({ key, etag }) => {
    if (etag !== undefined && quarantined.get(key) === etag) return undefined;
    if (!isImageKey(key)) {
      const record = await readJson<ArticleRecord>(siteStore, articleRecordKey(key));
      return record?.etag !== undefined && record.etag === etag ? undefined : key;
    }
    const record = await readJson<ImageRecord>(siteStore, imageRecordKey(key));
    return record?.asset?.sourceEtag !== undefined && record.asset.sourceEtag === etag ? undefined : key;
  });

  const present = new Set(entries.map((e) => recordKeyOf(e.key)));
  const orphans = [...articleRecords, ...imageRecords].filter((k) => !present.has(k));
  const removed = await mapLimit(orphans, concurrency, async (recordKey) => {
    if (recordKey.startsWith(ARTICLE_RECORDS)) return (await readJson<ArticleRecord>(siteStore, recordKey))?.key;
    // An image record without a copy only remembers articles waiting for it: nothing to unpublish.
    const record = await readJson<ImageRecord>(siteStore, recordKey);
    return record?.asset ? record.key : undefined;
  });

  // A quarantined upload deleted while its event was lost (a crash, a stop) has no index record:
  // only the head's quarantine list remembers it, and it would stay on the status page.
  const uploaded = new Set(entries.map((e) => e.key));
  const quarantinedGone = [...quarantined.keys()].filter((key) => !uploaded.has(key));

  const keys = (list: Array<string | undefined>) => [...new Set(list.filter((k): k is string => k !== undefined))].sort();
  return { changed: keys(changed), removed: keys([...removed, ...quarantinedGone]) };
}
