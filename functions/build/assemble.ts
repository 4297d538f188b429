// The pure half of `feedpub build`: content files in, published articles, image assets and rejections out.
// The same core the pipeline runs (ingestUpload, describeImage, attachImages, uniqueSlug), without a store.
import { attachImages, describeImage, type ImageAsset } from '../core/images';
import { isImageKey } from '../core/upload-keys';
import { foundImages, imageKeysFor, quarantineRecordFor, siteStatusOf } from '../core/index/plan';
import { holdUntil, type ScheduledEntry } from '../core/index/schedule';
import { ingestUpload, rejectingParseFaults } from '../core/ingest';
import { tooLargeReason } from '../core/parse/reject';
import type { Article, QuarantineRecord, Result, SiteConfig, SiteStatus, UploadRejected } from '../core/model';
import { uniqueSlug } from '../core/normalize';
import { assignTagSlugs } from '../core/index/tags';
import { newestFirst } from '../core/order';
import { articlePath } from '../core/site';

/** One file of the content folder. */
export interface ContentFile {
  /** Path relative to the content folder, "/" separators: the upload key. */
  key: string;
  bytes: Uint8Array;
  /** RFC 3339: dates.json entry or file mtime, used when the article names no date. */
  fallbackDate: string;
}

export interface AssembledSite {
  /** Newest first, slugs unique. */
  articles: Article[];
  /** Every readable image, once per published path, sorted by path. */
  assets: ImageAsset[];
  /** Files that could not be published (bad articles, bad images, unsupported types), sorted by key. */
  rejected: UploadRejected[];
  /** For the status page: the rejections as quarantine records, dated like their file. */
  status: SiteStatus;
  /** Articles dated after the build's clock (the pipeline's hold rule): in no output, soonest first. */
  held: ScheduledEntry[];
}

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** As the pipeline's ingest stage: a parser exception rejects the file instead of aborting the build. */
const ingestCaught = rejectingParseFaults(ingestUpload);

/** `now`: the build's clock (RFC 3339); an article it would hold (core/index/schedule.ts) is left out, as the publish stage does. */
export function assembleSite(files: readonly ContentFile[], site: SiteConfig, onFile?: () => void, now?: string): AssembledSite {
  const sorted = [...files].sort(byKey);
  const rejected: UploadRejected[] = [];
  const quarantined: QuarantineRecord[] = [];
  const reject = (file: ContentFile, error: UploadRejected): void => {
    rejected.push(error);
    quarantined.push(quarantineRecordFor(error, file.fallbackDate));
  };

  const assets = new Map<string, ImageAsset>();
  for (const file of sorted) {
    if (!isImageKey(file.key)) continue;
    const size = file.bytes.byteLength;
    // The same limit the ingest stage applies from the object's size.
    const described: Result<ImageAsset, UploadRejected> =
      size > site.maxImageBytes
        ? { ok: false, error: { code: 'too-large', reason: tooLargeReason(size, site.maxImageBytes), key: file.key, size } }
        : describeImage(file.key, file.bytes);
    if (described.ok) assets.set(file.key, described.value);
    else reject(file, described.error);
    onFile?.();
  }

  // Slugs are claimed in key order, so the same folder always gives the same slugs.
  const slugOwners = new Map<string, string>();
  const articles: Article[] = [];
  const held: ScheduledEntry[] = [];
  for (const file of sorted) {
    if (isImageKey(file.key)) continue;
    const ingested = ingestCaught({ key: file.key, bytes: file.bytes, fallbackDate: file.fallbackDate }, site);
    onFile?.();
    if (!ingested.ok) {
      reject(file, ingested.error);
      continue;
    }
    // Before its slug claim, as in the publish stage: a held article takes no slug from a published one.
    const at = now === undefined ? undefined : holdUntil(ingested.value, now);
    if (at !== undefined) {
      held.push({ key: file.key, title: ingested.value.title, at });
      continue;
    }
    const mine = foundImages(imageKeysFor(ingested.value, file.key), (k) => assets.get(k));
    const article = mine.size > 0 ? attachImages(ingested.value, mine, site) : ingested.value;
    const slug = uniqueSlug(article.slug, file.key, (s) => slugOwners.get(s));
    slugOwners.set(slug, file.key);
    articles.push({ ...article, slug, url: articlePath(slug) });
  }

  // Tag slugs too are claimed in key order (the pipeline: in order of arrival, then pinned).
  const tagged = assignTagSlugs(articles);
  articles.splice(0, articles.length, ...tagged);
  articles.sort(newestFirst);
  rejected.sort(byKey);
  const uniqueAssets = new Map([...assets.values()].map((a) => [a.path, a]));
  return {
    articles,
    assets: [...uniqueAssets.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    rejected,
    // No "now": the last publish of a folder build is its newest article update.
    status: siteStatusOf(
      articles.length,
      articles.reduce<string | null>((max, a) => (max === null || a.updated > max ? a.updated : max), null),
      quarantined,
    ),
    held: held.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : byKey(a, b))),
  };
}
