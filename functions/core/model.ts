// The shared contract of feedpub: one upload in, one normalized Article out, rendered to bytes.
// Everything here is plain data (JSON-serializable), so it can be stored in the index as is.

/** Structured image credit, as a photo desk would record it. */
export interface Credit {
  /** Rendered in the site's house style, e.g. "Maher Abou Taleb/Reuters". */
  display: string;
  photographer?: string;
  /** Canonical agency name: "Reuters", "AP", "AFP", "Getty Images", "NurPhoto"... */
  agency?: string;
  /** Who supplied a handout or pool picture: "ISPR", "White House"... */
  provider?: string;
  /** Distributor after "via": "Reuters", "Getty Images"... */
  via?: string;
  handout: boolean;
  pool: boolean;
  /** The credit line exactly as uploaded. */
  raw: string;
}

export interface ArticleImage {
  /** Once published: the site path of its copy (`images/<hash>.<ext>`), or the absolute URL an upload named; absent when the upload only described the image. */
  url?: string;
  /** Where the image came from in the upload: a file name next to the article or a URL. */
  src?: string;
  alt: string;
  caption: string;
  credit?: Credit;
  width?: number;
  height?: number;
  /** MIME type, e.g. "image/jpeg". */
  type?: string;
}

/** One automatic text change, so an editor can review and undo it. */
export interface Repair {
  rule: string;
  before: string;
  after: string;
  reason: string;
}

export interface SourceRef {
  /** The upload key (S3 key, or path relative to the content folder). */
  key: string;
  etag?: string;
  size: number;
}

export interface Article {
  /** Stable id from the upload key: survives title edits and re-uploads. */
  id: string;
  slug: string;
  /**
   * Permalink as a site path, `articles/<slug>/`: the index stores no base URL, so a domain move needs
   * no rewrite; renderers resolve it against site.baseUrl (render/resolve.ts). Older indexes held the
   * absolute URL (migrated on read, site-index/migrate.ts).
   */
  url: string;
  title: string;
  summary: string;
  /** Sanitized body HTML, without the lead figure (renderers add figures). */
  contentHtml: string;
  /**
   * Set on an index entry whose body HTML was cut to the per-item budget (site-index/article.ts
   * `indexEntry`): feeds cut it the same way, and the permalink page is rendered from the prepared record.
   */
  contentCut?: true;
  contentText: string;
  authors: string[];
  publisher?: string;
  /**
   * RFC 3339 UTC. A date feedpub chose (first-seen time) never moves once published; a date the upload
   * states (Date: header, front matter, x-amz-meta-date, a date line or dateline) moves when the editor changes it.
   */
  published: string;
  /** Present (true) when `published` is a date the upload states, not one feedpub chose. */
  publishedStated?: true;
  /** RFC 3339 UTC; moves when the content hash changes. */
  updated: string;
  /** "YYYY-MM" of `published` in the site's time zone: the archive month (absent in older records: UTC). */
  archiveMonth?: string;
  tags: string[];
  /** The URL slug of each tag (same order as `tags`), set when the article is published (core/site-index/tags.ts). */
  tagSlugs?: string[];
  /** BCP 47, e.g. "en". */
  language: string;
  readingTimeMinutes: number;
  images: ArticleImage[];
  repairs: Repair[];
  warnings: string[];
  source: SourceRef;
  /** sha256 hex of the normalized content (title, body, images, authors, tags, summary). */
  contentHash: string;
}

/** What a parser extracts from one file, before normalization. Text is decoded, not yet cleaned. */
export interface RawArticle {
  format: 'txt' | 'md';
  /** Detected source encoding, e.g. "utf-8", "utf-8-bom", "utf-16le", "windows-1252". */
  encoding: string;
  title: string;
  /** Header lines / front matter, lower-cased keys: title, author, date, tags, slug, image, credit, summary... */
  meta: Record<string, unknown>;
  /** Body paragraphs as plain text (txt), in order, boilerplate removed. */
  paragraphs: string[];
  /** Markdown body (md only); paragraphs is then empty. */
  markdown?: string;
  images: RawImage[];
  publisher?: string;
  /** False when the decoder proved the text has no letter of U+00C0-U+017F (fused-word repair skips its Latin pattern). */
  latinLetters?: false;
  /** Month and day of a wire dateline ("LISBON, March 3 (Reuters) -"): the date when nothing else states one. */
  datelineDate?: { month: number; day: number };
  warnings: string[];
}

export interface RawImage {
  src?: string;
  caption: string;
  alt?: string;
  /** The credit line as found, unparsed. */
  credit?: string;
}

/** House style for image credits. */
export interface CreditStyle {
  /** Template with {photographer} {agency} {provider} {via}; default "{photographer}/{agency}". */
  format: string;
  /** Prefix shown before the credit in HTML, e.g. "Photo: ". Empty by default. */
  prefix: string;
}

export interface SiteConfig {
  title: string;
  /** Absolute, no trailing slash: "https://news.example.com". */
  baseUrl: string;
  description: string;
  /** BCP 47 default language. */
  language: string;
  /** Used when an article names no author. */
  defaultAuthor: string;
  /** Optional: used when an article names no publisher. */
  publisher?: string;
  /** Items in the head feeds. */
  feedSize: number;
  creditStyle: CreditStyle;
  /** Switch for fused-word repair ("Netanyahureportedly" -> "Netanyahu reportedly"). */
  repairFusedWords: boolean;
  /** Reject article uploads larger than this. */
  maxUploadBytes: number;
  /** Feed items carry an article's HTML up to this many UTF-8 bytes, then cut at a block boundary with a link to the page. */
  itemContentBytes: number;
  /** Each head feed stays under this many bytes: its oldest items go summary-only first. */
  headFeedBytes: number;
  /** Reject image uploads larger than this (checked from the object's size before it is read). */
  maxImageBytes: number;
  /** Absolute URL of the feed icon (optional). */
  icon?: string;
  /** WebSub hub URL (optional): feeds carry rel="hub" and the hub is pinged after a publish. */
  websubHub?: string;
  /** Copyright line for the feeds (optional). */
  copyright?: string;
  /** The newsroom's IANA time zone ("Australia/Sydney"): dates without a time, archive months and "today". */
  timeZone: string;
}

export const DEFAULT_SITE: SiteConfig = {
  title: 'feedpub',
  baseUrl: 'http://localhost:8787',
  description: 'News feeds published by feedpub',
  language: 'en',
  defaultAuthor: 'Staff',
  feedSize: 50,
  creditStyle: { format: '{photographer}/{agency}', prefix: '' },
  repairFusedWords: true,
  maxUploadBytes: 2 * 1024 * 1024,
  itemContentBytes: 256 * 1024,
  headFeedBytes: 2 * 1024 * 1024,
  timeZone: 'UTC',
  maxImageBytes: 25 * 1024 * 1024,
};

/** One uploaded file as the core sees it: bytes plus what the store knows about it. */
export interface UploadInput {
  key: string;
  bytes: Uint8Array;
  etag?: string;
  /** S3 user metadata (x-amz-meta-*), keys without the prefix, lower-cased. */
  metadata?: Record<string, string>;
  /** Used for `published` when nothing else names a date (first-seen time, or file mtime). */
  fallbackDate: string;
  /** RFC 3339 "now" (the injected clock) for plausibility checks on stated dates; defaults to fallbackDate. */
  now?: string;
}

export type UploadRejectionCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'no-title'
  | 'unsupported-type'
  | 'bad-front-matter'
  | 'bad-encoding'
  /** Over a deterministic cap on structure (nesting depth, lines, markup): see parse/markdownLimits.ts. */
  | 'too-complex'
  /** The parser threw (e.g. a stack overflow): a verdict on the file, not an infrastructure fault. */
  | 'parse-failed'
  /** Parsing did not finish within the ingest time budget (the backstop behind the parser's caps). */
  | 'parse-timeout';

/** A typed, human-readable reason an upload cannot be published. Errors are values. */
export interface UploadRejected {
  code: UploadRejectionCode;
  /** e.g. "binary content (JPEG) in a .txt upload" */
  reason: string;
  key: string;
  size: number;
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** One file of the published site: path relative to the site root, bytes and HTTP headers. */
export interface SiteFile {
  path: string;
  body: string | Uint8Array;
  contentType: string;
  cacheControl: string;
}

/** A quarantined upload, as shown on the status page and stored at errors/<key>.json. */
export interface QuarantineRecord {
  key: string;
  code: UploadRejectionCode;
  reason: string;
  /** RFC 3339 time of the failed attempt. */
  time: string;
  size: number;
  etag?: string;
}

export interface SiteStatus {
  articles: number;
  /** RFC 3339 time of the last publish that changed anything, or null. */
  lastPublish: string | null;
  quarantined: QuarantineRecord[];
  /** Paths of image copies taken down whose CDN invalidation is still pending (docs/takedown.md); absent when none. */
  takedownsPending?: string[];
}
