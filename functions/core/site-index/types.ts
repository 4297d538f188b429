// The compact index kept in the site bucket under the private prefix `_feedpub/` (the CDN denies it).
// Every part is small and touched only by the uploads that concern it, so the cost of one upload
// does not grow with the archive.
import type { Article, QuarantineRecord, UploadRejectionCode } from '../model';
import type { EditorNote } from './notes';
import type { TakedownEntry } from './copies';
import type { DeletionRecord } from './deletions';
import type { ScheduledEntry } from './schedule';

/** Content hashes of the outputs a manifest owns: lets the pipeline skip unchanged writes without a GET. */
export type OutputHashes = Record<string, string>;

/** `_feedpub/articles/<sha256(key)>.json`: what the index remembers about one upload key. */
export interface ArticleRecord {
  key: string;
  id: string;
  slug: string;
  month: string;
  published: string;
  updated: string;
  contentHash: string;
  etag?: string;
  /** Upload keys of images this article names (it is registered in their image records). */
  imageKeys: string[];
  /** Site paths of the image copies attached when last published. */
  assetPaths: string[];
  /** Slugs of the tags it was published under (core/site-index/tags.ts); absent: none. */
  tagSlugs?: string[];
  /** The article page as last written. */
  pagePath: string;
  pageHash: string;
  /** sha256 of the body as ingested: the key of its body claim (pipeline/duplicates.ts). */
  bodyHash?: string;
}

/** `_feedpub/bodies/<bodyHash>.json`: the key that published this body first. */
export interface BodyClaim {
  bodyHash: string;
  key: string;
}

/** `_feedpub/months/YYYY-MM.json`: the month's articles as rendered in its archive. */
export interface MonthManifest {
  month: string;
  /** Newest first (newestFirst order). */
  articles: Article[];
  outputs: OutputHashes;
  /** Deletion records of the month's deleted articles (RFC 6721 tombstones), newest first; absent when none. */
  deleted?: DeletionRecord[];
}

export interface MonthCount {
  month: string;
  count: number;
}

/** `_feedpub/head.json`: written last in a batch, the commit point. */
export interface HeadManifest {
  version: 1;
  /** The newest site.feedSize articles, newest first. */
  items: Article[];
  /** Months that have articles, oldest first. */
  months: MonthCount[];
  quarantine: QuarantineRecord[];
  lastPublish: string | null;
  outputs: OutputHashes;
  /** Articles held until their stated date (scheduled publishing), by key; absent when none. Private: never rendered. */
  scheduled?: ScheduledEntry[];
  /**
   * Legacy: heads written before notes had their own records (`_feedpub/notes/`, notes.ts) carried them
   * here. The next batch moves them out; readers still take them for keys without a record.
   */
  notes?: EditorNote[];
  /** Deletion records the head feeds carry (core/site-index/deletions.ts); absent when none. */
  deleted?: DeletionRecord[];
  /** Image copies taken down whose CDN invalidation is not accepted yet (core/site-index/copies.ts); absent when none. */
  takedowns?: TakedownEntry[];
}

/** `_feedpub/slugs/<slug>.json`: the owner of a slug, so two uploads never share a permalink. */
export interface SlugRecord {
  slug: string;
  key: string;
}

/** `_feedpub/images/<sha256(key)>.json`: an image upload, published or awaited, and who shows it. */
export interface ImageRecord {
  key: string;
  /** Set once the image upload has been copied to the site. */
  asset?: { path: string; contentType: string; width?: number; height?: number; sourceEtag?: string };
  /** Upload keys of articles that reference this image. */
  articles: string[];
}

interface PreparedBase {
  version: 1;
  key: string;
  etag?: string;
  size: number;
  /** ingestFingerprint of the site config and code that made it (absent in records of older code: made again). */
  fingerprint?: string;
}

/**
 * `_feedpub/prepared/<sha256(key)>/<sha256(etag)>.json`: what the ingest stage made of one upload
 * version. The publisher reads these and never the upload's text, so no parse runs in the single writer.
 */
export type PreparedRecord =
  | (PreparedBase & { verdict: 'article'; article: Article })
  | (PreparedBase & { verdict: 'image'; asset: { path: string; contentType: string; width?: number; height?: number } })
  | (PreparedBase & { verdict: 'rejected'; code: UploadRejectionCode; reason: string });

export function emptyHead(): HeadManifest {
  return { version: 1, items: [], months: [], quarantine: [], lastPublish: null, outputs: {} };
}

export function emptyMonth(month: string): MonthManifest {
  return { month, articles: [], outputs: {} };
}
