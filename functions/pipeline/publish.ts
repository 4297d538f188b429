// The publish stage, the single writer: one batch of upload keys -> the site bucket. For each key it
// reads the upload's current version (a HEAD) and the ingest stage's prepared record of that version,
// never the upload's text, then makes ONE index update and ONE render. A key whose current version
// has no prepared record yet is left alone ("pending"): its ingest sends the key again. Write order (the crash-safety argument, see docs/decisions.md):
//   1. image copies, slug claims, quarantine records, article pages
//   2. archive outputs (feeds, month sitemaps, month pages), then month manifests
//   3. takedowns: copy reference records, unreferenced copies deleted, CDN invalidation (takedown.ts)
//   4. head outputs (feeds, home, archive index, sitemap index, news sitemap...), then _feedpub/head.json   <- commit point
//   5. edited bodies' claims released, emptied copy records, image records, article records (upserts),
//      then deleted pages, slugs, body claims and article records (record last)
// Every "did this change?" decision is made against the structure being written, and the per-key
// article record (the fast "unchanged" path) is written only after the commit, so a batch cut short
// anywhere is redone, never skipped, by the next event for a key or a re-run.
import { isDeepStrictEqual } from 'node:util';
import { mapLimit } from '../core/concurrency';
import { OUTPUTS, outputHeaders } from '../core/outputs/formats';
import { articleIdForKey } from '../core/ids';
import { indexEntry, recordFor, reconcileArticle } from '../core/site-index/article';
import { deletionRecordFor, headDeletions, nextDeletions, type DeletionRecord } from '../core/site-index/deletions';
import { monthsForRefill, nextHeadItems, refillHead } from '../core/site-index/head';
import { articleRef, copyRecordKey, imageRef, type CopyRecord, type RefChange } from '../core/site-index/copies';
import { namedImageKeys, sidecarArticleKeys, sidecarImageKeys } from '../core/site-index/imagerefs';
import { foundImages, imageKeysFor, quarantineRecordFor, siteStatusOf } from '../core/site-index/plan';
import { applyMonthChanges, archivesToRender, monthsCompletedSince, newsSitemapClock, newsWindowMonths, nextMonthCounts } from '../core/site-index/months';
import { hashBody, planOutputs, UNHASHED } from '../core/site-index/outputs';
import { migrateIndexPart } from '../core/site-index/migrate';
import {
  HEAD_KEY,
  articleRecordKey,
  imageRecordKey,
  monthManifestKey,
  preparedRecordKey,
  quarantinePath,
  slugRecordKey,
} from '../core/site-index/paths';
import {
  emptyHead,
  emptyMonth,
  type ArticleRecord,
  type HeadManifest,
  type ImageRecord,
  type MonthCount,
  type MonthManifest,
  type OutputHashes,
  type PreparedRecord,
  type SlugRecord,
} from '../core/site-index/types';
import type { Article, QuarantineRecord, SiteConfig, SiteFile } from '../core/model';
import { monthOf, oldestMonthOf } from '../core/order';
import { articlePath } from '../core/site';
import { holdUntil, type ScheduledEntry } from '../core/site-index/schedule';
import { notesOfBatch, type EditorNote } from '../core/site-index/notes';
import { moveHeadNotes, writeBatchNotes } from './editor-notes';
import { bodyHashOf, claimBody, releaseBody, type ClaimStore } from './duplicates';
import { createIfAbsent, type ObjectStore } from '../store/types';
import type { ImageAssetLike, PublishCore } from './core';
import type { CdnInvalidator } from './invalidation';
import type { PublishScheduler } from './scheduler';
import { sweepUnrecordedCopies } from './copy-sweep';
import { takeDownUnreferencedCopies, type TakedownResult } from './takedown';
import { UploadListing } from './upload-listing';
import { claimArticleTags, publishTagChanges, type TagBatch } from './tags';

/** `pending`: the ingest stage has not yet prepared the upload's current version (it re-sends the key when it has). */
/** `scheduled`: held until its stated date (see docs/scheduling.md). */
export type UploadOutcome = 'published' | 'updated' | 'unchanged' | 'deleted' | 'quarantined' | 'scheduled' | 'pending' | 'failed';

export interface KeyResult {
  key: string;
  outcome: UploadOutcome;
  ms: number;
  bytesWritten: number;
  reason?: string;
}

export interface BatchResult {
  results: KeyResult[];
  /** Public site paths written or deleted. */
  changedPaths: string[];
  /**
   * Paths a CDN may serve stale for longer than a feed's freshness bound: outputs that replaced an
   * earlier version with a longer max-age (edited pages, past-month archives), and deletions.
   * New paths never need it, and CloudFront bills invalidations per path.
   */
  stalePaths: string[];
  /** True when a head feed's bytes changed (WebSub ping). */
  feedsChanged: boolean;
  /** Site paths of the head feeds (the URLs a WebSub hub is told about). */
  feedPaths: string[];
  bytesWritten: number;
  /** Image copies this batch took down, those still awaiting the CDN, and the invalidation it made. */
  takedowns: Pick<TakedownResult, 'takenDown' | 'pending' | 'invalidation'>;
  /** The head manifest as this batch committed it (counts, quarantine, holds). */
  head: HeadManifest;
}

export interface PublishDeps {
  uploads: ObjectStore;
  siteStore: ObjectStore;
  config: SiteConfig;
  core: PublishCore;
  now?: () => Date;
  /** Re-sends a held article's key at its time (EventBridge Scheduler in AWS, a timer locally). */
  scheduler?: PublishScheduler;
  /** An article dated further ahead than this is held (default SCHEDULE_SKEW_MS). */
  scheduleSkewMs?: number;
  /** Parallel reads/writes within one phase. */
  concurrency?: number;
  /** Invalidates taken-down image copies on the CDN (docs/takedown.md); without it none are. */
  cdn?: CdnInvalidator;
}

const PRIVATE_JSON = outputHeaders('privateRecord');
/** Head feeds are cached this long at most: a CDN copy of a replaced file that lives no longer is left to expire. */
const FEED_FRESHNESS_SECONDS = maxAgeSeconds(OUTPUTS.headFeed.cacheControl);

function maxAgeSeconds(cacheControl: string): number {
  const match = /(?:^|[,\s])(?:s-)?max-age=(\d+)/.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

interface ArticlePlan {
  key: string;
  started: number;
  /** The article to publish (its index entry), or undefined when the key is being removed or left as is. */
  article?: Article;
  /** The whole body HTML when the entry's was cut to the item budget (the permalink page shows it all). */
  pageHtml?: string;
  removal?: ArticleRecord;
  record?: ArticleRecord;
  assetPaths: string[];
  namedImages: string[];
  outcome: UploadOutcome;
  reason?: string;
  bytesWritten: number;
  /** For the editor note: the version, the article as ingested (warnings, repairs), its body claim, its hold. */
  etag?: string;
  ingested?: Article;
  bodyHash?: string;
  duplicateOf?: string;
  holdAt?: string;
  /** The upload is gone (deleted): its editor note goes too. */
  gone?: boolean;
  /** A republish renders again a version that is already fully published: nothing happened to the upload, so no editor note. */
  alreadyPublished?: boolean;
}

interface ArchiveChanges {
  months: MonthCount[];
  archiveMonths: string[];
  changedMonths: Set<string>;
  /** Deletion records of this batch's deleted articles, as their months keep them. */
  deletions: DeletionRecord[];
}

/** How a republish chunk differs from a live batch (see functions/pipeline/republish-chunk.ts). */
export interface PublishOptions {
  /** Every article key is planned again, and its page rendered (written only where the bytes changed). */
  rerender?: boolean;
  /** Months whose archives are rendered again (written only where the bytes changed). */
  rerenderMonths?: readonly string[];
  /** Default true: an image key also reconciles the articles that show it (a republish sends those by month). */
  followImageDependents?: boolean;
  /** Copies without a reference record get one, or are taken down if nobody shows them (copy-sweep.ts; a republish's last chunk). */
  sweepCopies?: boolean;
  /**
   * `feedpub build` (a batch from empty): the status page's last publish is the newest article's
   * update, not the clock, so the same folder builds the same bytes at any time.
   */
  lastPublishFromArticles?: boolean;
  /**
   * `feedpub build`: a batch into an empty site whose private records (the index) nobody reads after
   * it. They stay in this batch's memory, never serialized or stored, and outputs are not hashed (a
   * hash only lets a later batch skip an unchanged rewrite). Serializing month manifests (which hold
   * every article) and hashing every output were ~15% of a 10k build (docs/performance.md).
   */
  indexDiscarded?: boolean;
}

/** Publishes a batch. Throws on an infrastructure fault after the per-key reads (nothing committed is lost). */
export async function publishBatch(deps: PublishDeps, keys: readonly string[], options: PublishOptions = {}): Promise<BatchResult> {
  const run = new BatchRun(deps, options);
  return run.publish(keys);
}

class BatchRun {
  private readonly now: string;
  private readonly limit: number;
  private readonly changedPaths = new Set<string>();
  private readonly stalePaths = new Set<string>();
  private bytesWritten = 0;
  private readonly jsonCache = new Map<string, unknown>();
  private readonly migrated = new Set<string>();
  /** Upload versions and sidecars, one listing per same-base prefix (upload-listing.ts). */
  private readonly listing: UploadListing;

  constructor(
    private readonly deps: PublishDeps,
    private readonly options: PublishOptions = {},
  ) {
    this.now = (deps.now ?? (() => new Date()))().toISOString();
    this.limit = deps.concurrency ?? 16;
    this.listing = new UploadListing(deps.uploads);
  }

  // ---- store helpers -------------------------------------------------------------------------

  private async readJson<T>(key: string): Promise<T | undefined> {
    if (this.jsonCache.has(key)) return this.jsonCache.get(key) as T | undefined;
    const found = await this.deps.siteStore.get(key);
    const stored: unknown = found ? JSON.parse(Buffer.from(found.bytes).toString('utf8')) : undefined;
    const value = migrateIndexPart(key, stored) as T | undefined;
    // Written back by this batch even when nothing else changed it (site-index/migrate.ts).
    if (value !== stored) this.migrated.add(key);
    this.jsonCache.set(key, value);
    return value;
  }

  private async writeJson(key: string, value: unknown): Promise<void> {
    if (this.options.indexDiscarded) {
      this.jsonCache.set(key, value);
      return;
    }
    const body = JSON.stringify(value);
    await this.deps.siteStore.put(key, body, PRIVATE_JSON);
    this.bytesWritten += Buffer.byteLength(body);
    this.jsonCache.set(key, value);
  }

  /**
   * A claim (slug, body) in one request: created only when the key is new (S3 If-None-Match: *).
   * False when it exists, or when this batch already read or changed it: the caller reads it then.
   */
  private async createJson(key: string, value: unknown): Promise<boolean> {
    if (this.jsonCache.has(key)) return false;
    if (this.options.indexDiscarded) {
      // An empty site whose index is discarded (writeJson): nothing exists to find, nothing is stored.
      this.jsonCache.set(key, value);
      return true;
    }
    const body = JSON.stringify(value);
    if (!(await createIfAbsent(this.deps.siteStore, key, body, PRIVATE_JSON))) return false;
    this.bytesWritten += Buffer.byteLength(body);
    this.jsonCache.set(key, value);
    return true;
  }

  private async deleteIndex(key: string): Promise<void> {
    if (!this.options.indexDiscarded) await this.deps.siteStore.delete(key);
    this.jsonCache.set(key, undefined);
  }

  private readonly claimStore: ClaimStore = {
    readJson: (key) => this.readJson(key),
    writeJson: (key, value) => this.writeJson(key, value),
    createJson: (key, value) => this.createJson(key, value),
    deleteIndex: (key) => this.deleteIndex(key),
  };

  /** `replaces`: an earlier version of the path was published (and may sit in a CDN cache). */
  private async writeFile(file: SiteFile, replaces = false): Promise<number> {
    await this.deps.siteStore.put(file.path, file.body, { contentType: file.contentType, cacheControl: file.cacheControl });
    this.changedPaths.add(file.path);
    if (replaces && maxAgeSeconds(file.cacheControl) > FEED_FRESHNESS_SECONDS) this.stalePaths.add(file.path);
    const size = typeof file.body === 'string' ? Buffer.byteLength(file.body) : file.body.byteLength;
    this.bytesWritten += size;
    return size;
  }

  private async deleteFile(path: string): Promise<void> {
    await this.deps.siteStore.delete(path);
    this.changedPaths.add(path);
    this.stalePaths.add(path);
  }

  private async writeFiles(files: SiteFile[], previous: OutputHashes): Promise<void> {
    await mapLimit(files, this.limit, (f) => this.writeFile(f, f.path in previous));
  }

  /** What the tag stage (./tags.ts) may do through this batch. */
  private get tagBatch(): TagBatch {
    return {
      readJson: (key) => this.readJson(key),
      writeJson: (key, value) => this.writeJson(key, value),
      deleteIndex: (key) => this.deleteIndex(key),
      writeFiles: (files, previous) => this.writeFiles(files, previous),
      deleteFile: (path) => this.deleteFile(path),
      list: (prefix) => this.deps.siteStore.list(prefix),
      rerender: this.options.rerender ?? false,
      hashOutputs: !this.options.indexDiscarded,
      config: this.deps.config,
      now: this.now,
      limit: this.limit,
    };
  }

  // ---- the batch -----------------------------------------------------------------------------

  async publish(keys: readonly string[]): Promise<BatchResult> {
    const stored = await this.readJson<HeadManifest>(HEAD_KEY);
    // Its outputs would not be compared, nor its records kept: only a site from empty may discard them.
    if (stored !== undefined && this.options.indexDiscarded) throw new Error('indexDiscarded publishes into an empty site only');
    const head = stored ?? emptyHead();
    const quarantine = new Map(head.quarantine.map((q) => [q.key, q]));
    this.scheduled = new Map((head.scheduled ?? []).map((e) => [e.key, e]));
    const unique = [...new Set(keys)].sort();
    const imageKeys = unique.filter((k) => this.deps.core.isImageKey(k));
    const articleKeys = new Set(unique.filter((k) => !this.deps.core.isImageKey(k)));

    const imageResults = await this.publishImages(imageKeys, articleKeys, quarantine);
    const plans = await this.planArticles([...articleKeys].sort(), quarantine);
    const live = plans.filter((p) => p.outcome !== 'failed');
    await this.registerNamedImages(live.filter((p) => p.article));
    await this.writeQuarantine();
    const manifests = await this.readTouchedManifests(live);
    this.keepPublishedVersions(live, manifests);
    const pages = await this.writeArticlePages(live);
    const archive = await this.writeArchives(head, live, manifests);
    await publishTagChanges(this.tagBatch, live.filter((p) => p.article || p.removal).map((p) => ({ article: p.article, before: p.removal ?? p.record })), archive.deletions);
    // Schedules before the commit: a hold committed without its schedule would never publish, while a
    // schedule whose commit failed only fires a re-check.
    await this.createSchedules();
    const takedowns = await this.takeDownCopies(head, live);
    const commit = await this.commitHead(head, live, quarantine, archive, manifests, pages, takedowns);
    const firstPublished = new Set(live.filter((p) => p.article && !p.record).map((p) => p.key));
    await writeBatchNotes(this.claimStore, commit.notes.fresh, commit.notes.removed, this.limit, firstPublished);
    await this.finishRecords(live, commit.records, takedowns);
    await this.cancelSchedules();

    const results = [...imageResults];
    for (const p of plans) {
      results.push({
        key: p.key,
        outcome: p.outcome,
        ms: Date.now() - p.started,
        bytesWritten: p.bytesWritten,
        ...(p.reason !== undefined && { reason: p.reason }),
      });
    }
    return {
      results,
      changedPaths: [...this.changedPaths].sort(),
      stalePaths: [...this.stalePaths].sort(),
      feedsChanged: commit.feedsChanged,
      feedPaths: commit.feedPaths,
      bytesWritten: this.bytesWritten,
      takedowns: { takenDown: takedowns.takenDown, pending: takedowns.pending, ...(takedowns.invalidation && { invalidation: takedowns.invalidation }) },
      head: commit.head,
    };
  }

  // ---- the phases, in write order ------------------------------------------------------------

  /** Images first, so articles in this batch see them. An image event also reconciles the articles that show it. */
  private async publishImages(imageKeys: string[], articleKeys: Set<string>, quarantine: Map<string, QuarantineRecord>): Promise<KeyResult[]> {
    const imageResults = await mapLimit(imageKeys, this.limit, (key) => this.publishImage(key, quarantine));
    const follow = this.options.followImageDependents ?? true;
    for (const r of imageResults) if (follow && r.result.outcome !== 'failed') for (const k of r.dependents) articleKeys.add(k);
    return imageResults.map((r) => r.result);
  }

  /** Reads every article key's prepared record (parallel), then claims slugs (serial, so two new uploads in one batch cannot take the same one). */
  private async planArticles(keys: string[], quarantine: Map<string, QuarantineRecord>): Promise<ArticlePlan[]> {
    const plans = await mapLimit(keys, this.limit, (key) => this.planArticle(key, quarantine));
    const bodies = new Map<string, string>();
    for (const plan of plans) {
      if (plan.article && !plan.record) plan.article = await this.claimSlug(plan.article);
      if (plan.article && plan.bodyHash) {
        const owner = await claimBody(this.claimStore, plan.key, plan.bodyHash, bodies, plan.record?.bodyHash === plan.bodyHash);
        if (owner !== undefined) plan.duplicateOf = owner;
      }
      if (plan.article) plan.article = await claimArticleTags(this.tagBatch, plan.article);
    }
    return plans;
  }

  /** Months touched by this batch, with the manifests as they are now. */
  private async readTouchedManifests(live: ArticlePlan[]): Promise<Map<string, MonthManifest>> {
    const touchedMonths = new Set<string>();
    for (const p of live) {
      if (p.article) touchedMonths.add(monthOf(p.article));
      if (p.removal) touchedMonths.add(p.removal.month);
      // A stated date that changed month: the article leaves its old month's manifest.
      if (p.article && p.record) touchedMonths.add(p.record.month);
    }
    const manifests = new Map<string, MonthManifest>();
    await mapLimit([...touchedMonths], this.limit, async (m) => {
      manifests.set(m, (await this.readJson<MonthManifest>(monthManifestKey(m))) ?? emptyMonth(m));
    });
    return manifests;
  }

  /** Against the manifest entry: a version already published keeps its `updated` (crash redo). */
  private keepPublishedVersions(live: ArticlePlan[], manifests: Map<string, MonthManifest>): void {
    for (const p of live) {
      if (!p.article) continue;
      const entry = manifests.get(monthOf(p.article))?.articles.find((a) => a.id === p.article?.id);
      if (entry && entry.contentHash === p.article.contentHash) {
        p.article = { ...p.article, published: entry.published, updated: entry.updated };
      }
      if (entry && isDeepStrictEqual(entry, p.article)) {
        if (p.outcome === 'published' || p.outcome === 'updated') p.outcome = 'unchanged';
      } else if (entry && p.outcome === 'published') p.outcome = 'updated';
    }
  }

  private async writeArticlePages(live: ArticlePlan[]): Promise<Map<string, { path: string; hash: string }>> {
    const { core, config } = this.deps;
    const pages = new Map<string, { path: string; hash: string }>();
    await mapLimit(
      live.filter((p) => p.article),
      this.limit,
      async (p) => {
        const entry = p.article as Article;
        const page = core.renderArticlePage(config, p.pageHtml === undefined ? entry : { ...entry, contentHtml: p.pageHtml, contentCut: undefined });
        const hash = this.options.indexDiscarded ? UNHASHED : hashBody(page.body);
        pages.set(p.key, { path: page.path, hash });
        if (p.record?.pageHash !== hash || p.record.pagePath !== page.path) p.bytesWritten += await this.writeFile(page, p.record?.pagePath === page.path);
      },
    );
    return pages;
  }

  /** Month manifests and their archives: outputs first, then the manifests that own them. */
  private async writeArchives(head: HeadManifest, live: ArticlePlan[], manifests: Map<string, MonthManifest>): Promise<ArchiveChanges> {
    const { core, config } = this.deps;
    const changedMonths = new Set<string>();
    const counts = new Map<string, number>();
    const deletions: DeletionRecord[] = [];
    // Grouped by month once: a build's one batch of 10,000 keys touches every month.
    const byMonth = groupByMonth(live);
    for (const [month, manifest] of manifests) {
      const inMonth = byMonth.get(month) ?? { removals: [], movedOut: [], upserts: [] };
      const removed = new Set(inMonth.removals.map((p) => p.removal?.id as string));
      for (const p of inMonth.movedOut) removed.add((p.record as ArticleRecord).id);
      const upserts = inMonth.upserts.map((p) => p.article as Article);
      const next = applyMonthChanges(manifest.articles, removed, upserts);
      const gone = inMonth.removals.filter((p) => p.outcome === 'deleted').map((p) => this.deletionOf(p.removal as ArticleRecord));
      const deleted = nextDeletions(manifest.deleted ?? [], gone, new Set(upserts.map((a) => a.id)));
      for (const record of gone) deletions.push(deleted.find((r) => r.id === record.id) ?? record);
      if (!isDeepStrictEqual(next, manifest.articles) || !isDeepStrictEqual(deleted, manifest.deleted ?? [])) {
        changedMonths.add(month);
        const { deleted: _previous, ...rest } = manifest;
        manifests.set(month, { ...rest, articles: next, ...(deleted.length > 0 && { deleted }) });
      }
      counts.set(month, next.length);
    }
    const monthsBefore = head.months.map((m) => m.month);
    const months = nextMonthCounts(head.months, counts);
    const archiveMonths = months.map((m) => m.month);
    const toRender = archivesToRender(monthsBefore, archiveMonths, changedMonths, [
      ...monthsCompletedSince(head.lastPublish, this.now, archiveMonths, config.timeZone),
      ...(this.options.rerenderMonths ?? []),
    ]);
    await mapLimit(
      toRender.filter((m) => !manifests.has(m)),
      this.limit,
      async (m) => {
        manifests.set(m, (await this.readJson<MonthManifest>(monthManifestKey(m))) ?? emptyMonth(m));
      },
    );
    const manifestWrites: MonthManifest[] = [];
    const emptied: MonthManifest[] = [];
    for (const month of new Set([...toRender, ...changedMonths])) {
      const manifest = manifests.get(month) as MonthManifest;
      if (manifest.articles.length === 0) {
        emptied.push(manifest);
        continue;
      }
      const monthFiles = [
        ...core.renderArchiveFeeds(config, month, manifest.articles, archiveMonths, this.now, manifest.deleted ?? []),
        ...core.renderArchiveMonth(config, month, manifest.articles, archiveMonths),
      ];
      const plan = planOutputs(monthFiles, manifest.outputs, !this.options.indexDiscarded);
      await this.writeFiles(plan.write, manifest.outputs);
      await mapLimit(plan.stale, this.limit, (p) => this.deleteFile(p));
      const next = { ...manifest, outputs: plan.hashes };
      manifests.set(month, next);
      if (changedMonths.has(month) || plan.write.length > 0 || plan.stale.length > 0 || this.migrated.has(monthManifestKey(month))) manifestWrites.push(next);
    }
    for (const manifest of emptied) {
      await mapLimit(Object.keys(manifest.outputs), this.limit, (p) => this.deleteFile(p));
    }
    await mapLimit(manifestWrites, this.limit, (m) => this.writeJson(monthManifestKey(m.month), m));
    await mapLimit(emptied, this.limit, (m) => this.deleteIndex(monthManifestKey(m.month)));
    return { months, archiveMonths, changedMonths, deletions };
  }

  /** The deletion record of a deleted article, dated by this batch's clock. */
  private deletionOf(removal: ArticleRecord): DeletionRecord {
    return deletionRecordFor({ id: removal.id, url: articlePath(removal.slug) }, removal.month, this.now);
  }

  /** Head outputs, then the head manifest: the commit point. Returns the article records to write after it. */
  private async commitHead(
    head: HeadManifest,
    live: ArticlePlan[],
    quarantine: Map<string, QuarantineRecord>,
    { months, archiveMonths, changedMonths, deletions }: ArchiveChanges,
    manifests: Map<string, MonthManifest>,
    pages: Map<string, { path: string; hash: string }>,
    takedowns: TakedownResult,
  ): Promise<{ records: Map<string, ArticleRecord>; feedsChanged: boolean; feedPaths: string[]; notes: { fresh: EditorNote[]; removed: string[] }; head: HeadManifest }> {
    const { core, config } = this.deps;
    const total = months.reduce((n, m) => n + m.count, 0);
    const touchedIds = new Set<string>();
    const upserts: Article[] = [];
    for (const p of live) {
      if (p.removal) touchedIds.add(p.removal.id);
      if (p.article) {
        touchedIds.add(p.article.id);
        upserts.push(p.article);
      }
    }
    let { items, needsRefill } = nextHeadItems(head.items, config.feedSize, touchedIds, upserts, total);
    if (needsRefill) {
      const refillMonths = monthsForRefill(months, config.feedSize);
      const monthArticles = await mapLimit(refillMonths, this.limit, async (m) => {
        const manifest = manifests.get(m) ?? (await this.readJson<MonthManifest>(monthManifestKey(m)));
        return manifest?.articles ?? [];
      });
      items = refillHead(monthArticles, config.feedSize);
    }
    const { quarantined } = siteStatusOf(total, null, quarantine.values());
    // Records to write after the commit. One that differs from the stored record (or a removal still
    // pending) means this key's change is not fully published yet: content changed, even when a crashed
    // earlier run already wrote the month manifests (so a redo dates the publish as a clean run would).
    const records = new Map<string, ArticleRecord>();
    for (const p of live) {
      if (!p.article) continue;
      const record = recordFor(p.article, p.namedImages, p.assetPaths, pages.get(p.key) as { path: string; hash: string }, p.bodyHash);
      if (!isDeepStrictEqual(record, p.record)) records.set(p.key, record);
    }
    const deleted = headDeletions(nextDeletions(head.deleted ?? [], deletions, new Set(upserts.map((a) => a.id))), this.now);
    const contentChanged =
      !isDeepStrictEqual(deleted, head.deleted ?? []) ||
      changedMonths.size > 0 ||
      records.size > 0 ||
      live.some((p) => p.removal) ||
      !isDeepStrictEqual(quarantined, head.quarantine) ||
      !isDeepStrictEqual(items, head.items);
    const lastPublish = this.options.lastPublishFromArticles ? newestUpdate(live) : contentChanged ? this.now : head.lastPublish;
    // JSON Feed paging continues with the head's oldest month minus the head (one manifest read at most).
    const pagingMonth = oldestMonthOf(items);
    const pagingManifest = pagingMonth === undefined ? undefined : (manifests.get(pagingMonth) ?? (await this.readJson<MonthManifest>(monthManifestKey(pagingMonth))));
    const headFeeds = core.renderHeadFeeds(config, items, archiveMonths, pagingManifest?.articles ?? [], deleted);
    // The news window ends at the last real change, not at this batch's clock: a publish that changes
    // nothing (a republish of an unchanged site) then rewrites nothing (docs/outputs.md, "Sitemaps").
    const newsAsOf = newsSitemapClock(lastPublish, this.now);
    const headFiles = [
      ...headFeeds,
      core.renderHomePage(config, items),
      // The news sitemap's window reaches two or three months: their manifests, never the archive.
      ...core.renderSiteIndexes(config, months, await this.articlesOf(newsWindowMonths(newsAsOf, config.timeZone).filter((m) => archiveMonths.includes(m)), manifests), newsAsOf),
      ...core.renderStatus(config, { ...siteStatusOf(total, lastPublish, quarantined), ...pendingTakedownsOf(takedowns) }),
      ...core.renderStaticAssets(config),
    ];
    const headPlan = planOutputs(headFiles, head.outputs, !this.options.indexDiscarded);
    const feedPaths = new Set(headFeeds.map((f) => f.path));
    const feedsChanged = headPlan.write.some((f) => feedPaths.has(f.path));
    await this.writeFiles(headPlan.write, head.outputs);
    await mapLimit(headPlan.stale, this.limit, (p) => this.deleteFile(p));
    const scheduled = [...this.scheduled.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // A version already published (a republish re-rendering it) gets no note: nothing happened to the upload.
    const noted = live.filter((p) => !p.alreadyPublished);
    const notes = { fresh: notesOfBatch(noted, this.now), removed: live.filter((p) => p.gone).map((p) => p.key) };
    await moveHeadNotes(this.claimStore, head, new Set([...notes.fresh.map((n) => n.key), ...notes.removed]), this.limit);
    const nextHead: HeadManifest = {
      version: 1,
      items,
      months,
      quarantine: quarantined,
      lastPublish,
      outputs: headPlan.hashes,
      ...(scheduled.length > 0 && { scheduled }),
      ...(deleted.length > 0 && { deleted }),
      ...(takedowns.pending.length > 0 && { takedowns: takedowns.pending }),
    };
    if (!isDeepStrictEqual(nextHead, head) || this.migrated.has(HEAD_KEY)) await this.writeJson(HEAD_KEY, nextHead);
    return { records, feedsChanged, feedPaths: [...feedPaths].sort(), notes, head: nextHead };
  }

  /** The articles of these months, from the batch's manifests or the store. */
  private async articlesOf(months: string[], manifests: Map<string, MonthManifest>): Promise<Article[]> {
    const lists = await mapLimit(months, this.limit, async (m) => (manifests.get(m) ?? (await this.readJson<MonthManifest>(monthManifestKey(m))))?.articles ?? []);
    return lists.flat();
  }

  /**
   * After the commit: records of published versions, then removals (record last). Prepared records
   * are never deleted here: a re-upload of identical bytes has the same ETag, and its ingest may have
   * found the record already there ("already prepared") just before a delete, leaving the key pending
   * for ever (seen in the 200-upload race test).
   */
  private async finishRecords(live: ArticlePlan[], records: Map<string, ArticleRecord>, takedowns: TakedownResult): Promise<void> {
    // A body an edited key no longer has is free for the next key. Before the records: a redo finds the
    // old record and releases again, where after them it would take the fast path and leave the claim.
    await mapLimit(
      live.filter((p) => !p.removal && p.bodyHash !== undefined && p.record?.bodyHash !== undefined && p.record.bodyHash !== p.bodyHash),
      this.limit,
      (p) => releaseBody(this.claimStore, p.key, p.record?.bodyHash),
    );
    // Emptied copy records first: once the image records below are written, a redo no longer sees the
    // change that emptied them (and a copy with no record is never taken down again).
    await mapLimit(takedowns.emptiedRecords, this.limit, (key) => this.deleteIndex(key));
    await this.writeStagedImageRecords();
    await mapLimit([...records], this.limit, ([key, record]) => this.writeJson(articleRecordKey(key), record));
    await mapLimit(
      live.filter((p) => p.removal),
      this.limit,
      async (p) => {
        const gone = p.removal as ArticleRecord;
        await this.deleteFile(gone.pagePath);
        const owner = await this.readJson<SlugRecord>(slugRecordKey(gone.slug));
        if (owner?.key === p.key) await this.deleteIndex(slugRecordKey(gone.slug));
        await releaseBody(this.claimStore, p.key, gone.bodyHash);
        await this.deleteIndex(articleRecordKey(p.key));
      },
    );
  }

  // ---- image copies: who shows them, and takedowns (see takedown.ts) -----------------------

  private readonly refChanges: RefChange[] = [];
  /**
   * Image records are written after the commit, like article records: a batch redone after a crash
   * then sees the same before/after copies again and repeats the same reference changes.
   */
  private readonly stagedImageRecords = new Map<string, ImageRecord | undefined>();

  private stageImageRecord(key: string, record: ImageRecord | undefined): void {
    this.jsonCache.set(imageRecordKey(key), record);
    this.stagedImageRecords.set(key, record);
  }

  private async writeStagedImageRecords(): Promise<void> {
    await mapLimit([...this.stagedImageRecords], this.limit, ([key, record]) =>
      record === undefined ? this.deleteIndex(imageRecordKey(key)) : this.writeJson(imageRecordKey(key), record),
    );
  }

  private async takeDownCopies(head: HeadManifest, live: ArticlePlan[]): Promise<TakedownResult> {
    const changes = [...this.refChanges];
    for (const p of live) {
      if (p.article) changes.push({ ref: articleRef(p.key), before: p.record?.assetPaths ?? [], after: p.assetPaths });
      else if (p.removal) changes.push({ ref: articleRef(p.key), before: p.removal.assetPaths, after: [] });
    }
    const sweep = this.options.sweepCopies
      ? await sweepUnrecordedCopies({ list: (prefix) => this.deps.siteStore.list(prefix), readJson: (key) => this.readJson(key), limit: this.limit }, changes)
      : { changes: [], orphans: [] };
    return takeDownUnreferencedCopies(
      {
        readJson: (key) => this.readJson(key),
        writeJson: (key, value) => this.writeJson(key, value),
        deleteIndex: (key) => this.deleteIndex(key),
        deleteFile: (path) => this.deleteFile(path),
        limit: this.limit,
        now: this.now,
        ...(this.deps.cdn && { cdn: this.deps.cdn }),
      },
      [...changes, ...sweep.changes],
      head.takedowns ?? [],
      sweep.orphans,
    );
  }

  // ---- per key -------------------------------------------------------------------------------

  private async publishImage(
    key: string,
    quarantine: Map<string, QuarantineRecord>,
  ): Promise<{ result: KeyResult; dependents: string[] }> {
    const started = Date.now();
    let bytesWritten = 0;
    const finish = (outcome: UploadOutcome, dependents: string[], reason?: string) => ({
      result: { key, outcome, ms: Date.now() - started, bytesWritten, ...(reason !== undefined && { reason }) },
      dependents,
    });
    try {
      const [object, record, sidecarArticles] = await Promise.all([
        this.listing.head(key),
        this.readJson<ImageRecord>(imageRecordKey(key)),
        this.listing.existing(key, sidecarArticleKeys(key)),
      ]);
      // A sidecar article not uploaded (or deleted, its own event pending) has nothing to show the image in.
      const dependents = [...(record?.articles ?? []), ...sidecarArticles];
      if (!object) {
        let outcome: UploadOutcome = 'unchanged';
        if (record?.asset) {
          const { asset: gone, ...rest } = record;
          this.refChanges.push({ ref: imageRef(key), before: [gone.path], after: [] });
          this.stageImageRecord(key, rest.articles.length > 0 ? rest : undefined);
          outcome = 'deleted';
        }
        this.clearQuarantine(key, quarantine);
        return finish(outcome, dependents);
      }
      const prepared = await this.readPrepared(key, object.etag);
      if (!prepared) return finish('pending', []);
      if (prepared.verdict === 'rejected') {
        this.quarantineUpload(prepared, quarantine);
        return finish('quarantined', dependents, prepared.reason);
      }
      if (prepared.verdict !== 'image') throw new Error(`prepared record of ${key} is not an image`);
      const next: ImageRecord = {
        key,
        asset: { ...prepared.asset, ...(object.etag !== undefined && { sourceEtag: object.etag }) },
        articles: record?.articles ?? [],
      };
      // The copy's name is its content hash: same path means same bytes already there, unless it was
      // taken down since (its reference record, not this image record, says whether it is up).
      const copy = await this.readJson<CopyRecord>(copyRecordKey(prepared.asset.path));
      if (record?.asset?.path !== prepared.asset.path || !copy?.refs.includes(imageRef(key))) {
        const bytes = await this.deps.uploads.get(key);
        // Replaced since the HEAD: the newer version's own ingest sends this key again.
        if (!bytes || bytes.etag !== object.etag) return finish('pending', []);
        bytesWritten += await this.writeFile({ path: prepared.asset.path, body: bytes.bytes, contentType: prepared.asset.contentType, cacheControl: OUTPUTS.image.cacheControl });
      }
      this.refChanges.push({ ref: imageRef(key), before: record?.asset ? [record.asset.path] : [], after: [prepared.asset.path] });
      let outcome: UploadOutcome = 'unchanged';
      if (!isDeepStrictEqual(next, record)) {
        this.stageImageRecord(key, next);
        outcome = record?.asset ? 'updated' : 'published';
      }
      this.clearQuarantine(key, quarantine);
      return finish(outcome, dependents);
    } catch (error) {
      return { result: { key, outcome: 'failed', ms: Date.now() - started, bytesWritten, reason: describeFault(error) }, dependents: [] };
    }
  }

  private async planArticle(key: string, quarantine: Map<string, QuarantineRecord>): Promise<ArticlePlan> {
    const started = Date.now();
    const plan: ArticlePlan = { key, started, assetPaths: [], namedImages: [], outcome: 'unchanged', bytesWritten: 0 };
    const { core, config } = this.deps;
    try {
      const [object, record, sidecarImages] = await Promise.all([
        this.listing.head(key),
        this.readJson<ArticleRecord>(articleRecordKey(key)),
        this.listing.existing(key, sidecarImageKeys(key)),
      ]);
      if (record) plan.record = record;
      if (object?.etag !== undefined) plan.etag = object.etag;
      if (!object) {
        plan.gone = true;
        this.clearQuarantine(key, quarantine);
        this.clearHold(key);
        if (record) {
          plan.removal = record;
          plan.outcome = 'deleted';
        }
        return plan;
      }
      const prepared = await this.readPrepared(key, object.etag);
      if (!prepared) {
        // The ingest stage has not given its verdict on this version yet; it sends the key again when it has.
        plan.outcome = 'pending';
        return plan;
      }
      if (prepared.verdict === 'rejected') {
        // A bad re-upload does not take the published version down; the status page shows why.
        this.quarantineUpload(prepared, quarantine);
        this.clearHold(key);
        plan.outcome = 'quarantined';
        plan.reason = prepared.reason;
        return plan;
      }
      if (prepared.verdict !== 'article') throw new Error(`prepared record of ${key} is not an article`);
      this.clearQuarantine(key, quarantine);
      const fresh = prepared.article;
      plan.ingested = fresh;
      // Re-checked on every event for the key, so a stale timer for an earlier date only re-holds.
      const at = holdUntil(fresh, this.now, this.deps.scheduleSkewMs);
      if (at !== undefined) {
        this.hold({ key, title: fresh.title, at, ...(object.etag !== undefined && { etag: object.etag }) });
        // Re-dated into the future after publishing: it leaves the site until its new time.
        if (record) plan.removal = record;
        plan.holdAt = at;
        plan.outcome = 'scheduled';
        return plan;
      }
      this.clearHold(key);
      plan.namedImages = namedImageKeys(fresh);
      // Named images are looked up wherever they are; sidecars only when the listing has them (a
      // deleted one's record loses its asset when its own delete event is published).
      const present = new Set([...plan.namedImages, ...sidecarImages]);
      const candidates = imageKeysFor(fresh, key).filter((k) => present.has(k));
      const imageRecords = new Map(await Promise.all(candidates.map(async (k) => [k, await this.readJson<ImageRecord>(imageRecordKey(k))] as const)));
      const assets = foundImages<ImageAssetLike>(candidates, (k) => {
        const asset = imageRecords.get(k)?.asset;
        return asset && { ...asset, bytes: new Uint8Array() };
      });
      plan.assetPaths = [...assets.values()].map((a) => a.path).sort();
      const withImages = assets.size > 0 ? core.attachImages(fresh, assets, config) : fresh;
      const article = reconcileArticle({ ...withImages, id: record?.id ?? articleIdForKey(key) }, record, record?.slug ?? fresh.slug, this.now, config);
      // The record is written only after a commit: this version is fully published.
      plan.alreadyPublished =
        record !== undefined &&
        record.contentHash === article.contentHash &&
        record.etag === object.etag &&
        isDeepStrictEqual(record.assetPaths, plan.assetPaths) &&
        isDeepStrictEqual(record.imageKeys, plan.namedImages);
      if (plan.alreadyPublished && !this.options.rerender) return plan;
      plan.article = indexEntry(article, config);
      if (plan.article.contentCut) plan.pageHtml = article.contentHtml;
      plan.bodyHash = bodyHashOf(fresh);
      plan.outcome = record ? 'updated' : 'published';
      return plan;
    } catch (error) {
      plan.outcome = 'failed';
      plan.reason = describeFault(error);
      return plan;
    }
  }

  /** The ingest stage's verdict on this version of the upload (never cached: each version is its own record). */
  private async readPrepared(key: string, etag: string | undefined): Promise<PreparedRecord | undefined> {
    const found = await this.deps.siteStore.get(preparedRecordKey(key, etag));
    return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as PreparedRecord) : undefined;
  }

  private async claimSlug(article: Article): Promise<Article> {
    const key = article.source.key;
    const owners = new Map<string, string | undefined>();
    for (;;) {
      let missing: string | undefined;
      const slug = this.deps.core.uniqueSlug(article.slug, key, (s) => {
        if (owners.has(s)) return owners.get(s);
        missing ??= s;
        return undefined;
      });
      if (missing === undefined) {
        if (owners.get(slug) !== key) await this.writeJson(slugRecordKey(slug), { slug, key } satisfies SlugRecord);
        return reconcileArticle(article, undefined, slug, this.now, this.deps.config);
      }
      // A free slug is the one uniqueSlug picks next: claim it outright; read the claim only if it exists.
      const claimed = await this.createJson(slugRecordKey(missing), { slug: missing, key } satisfies SlugRecord);
      owners.set(missing, claimed ? key : (await this.readJson<SlugRecord>(slugRecordKey(missing)))?.key);
    }
  }

  // One read-merge-write per image record: two articles of a batch naming one image must both land.
  private async registerNamedImages(plans: ArticlePlan[]): Promise<void> {
    const wanted = new Map<string, Set<string>>();
    for (const p of plans) for (const imageKey of p.namedImages) wanted.set(imageKey, (wanted.get(imageKey) ?? new Set()).add(p.key));
    await mapLimit([...wanted], this.limit, async ([imageKey, articles]) => {
      const record = (await this.readJson<ImageRecord>(imageRecordKey(imageKey))) ?? { key: imageKey, articles: [] };
      const merged = [...new Set([...record.articles, ...articles])].sort();
      if (merged.length !== record.articles.length) this.stageImageRecord(imageKey, { ...record, articles: merged });
    });
  }

  private scheduled = new Map<string, ScheduledEntry>();
  private readonly scheduleWrites = new Map<string, string>();
  private readonly scheduleCancels = new Set<string>();

  private hold(entry: ScheduledEntry): void {
    const previous = this.scheduled.get(entry.key);
    this.scheduled.set(entry.key, entry);
    this.scheduleCancels.delete(entry.key);
    if (previous?.at !== entry.at) this.scheduleWrites.set(entry.key, entry.at);
  }

  private clearHold(key: string): void {
    if (this.scheduled.delete(key)) {
      this.scheduleWrites.delete(key);
      this.scheduleCancels.add(key);
    }
  }

  private async createSchedules(): Promise<void> {
    const scheduler = this.deps.scheduler;
    if (!scheduler) return;
    await mapLimit([...this.scheduleWrites], this.limit, ([key, at]) => scheduler.schedule(key, at));
  }

  /** After the commit; a schedule left behind by a failure here fires a harmless re-check. */
  private async cancelSchedules(): Promise<void> {
    const scheduler = this.deps.scheduler;
    if (!scheduler) return;
    await mapLimit([...this.scheduleCancels], this.limit, (key) => scheduler.cancel(key));
  }

  private readonly quarantineWrites = new Map<string, QuarantineRecord>();
  private readonly quarantineClears = new Set<string>();

  private quarantineUpload(verdict: PreparedRecord & { verdict: 'rejected' }, quarantine: Map<string, QuarantineRecord>): void {
    const previous = quarantine.get(verdict.key);
    if (previous && previous.code === verdict.code && previous.reason === verdict.reason && previous.etag === verdict.etag) return;
    const record = quarantineRecordFor(verdict, this.now);
    quarantine.set(verdict.key, record);
    this.quarantineWrites.set(verdict.key, record);
  }

  private clearQuarantine(key: string, quarantine: Map<string, QuarantineRecord>): void {
    if (quarantine.delete(key)) this.quarantineClears.add(key);
  }

  private async writeQuarantine(): Promise<void> {
    // Private records (_feedpub/): a rejected upload's key and reason never reach the public site.
    await mapLimit([...this.quarantineWrites.values()], this.limit, (record) => this.writeJson(quarantinePath(record.key), record));
    await mapLimit([...this.quarantineClears], this.limit, (key) => this.deleteIndex(quarantinePath(key)));
  }
}

interface MonthPlans {
  removals: ArticlePlan[];
  /** Published articles whose stated date moved them out of this month. */
  movedOut: ArticlePlan[];
  upserts: ArticlePlan[];
}

function groupByMonth(live: ArticlePlan[]): Map<string, MonthPlans> {
  const months = new Map<string, MonthPlans>();
  const of = (month: string): MonthPlans => {
    let found = months.get(month);
    if (found === undefined) months.set(month, (found = { removals: [], movedOut: [], upserts: [] }));
    return found;
  };
  for (const p of live) {
    if (p.removal) of(p.removal.month).removals.push(p);
    if (!p.article) continue;
    const month = monthOf(p.article);
    of(month).upserts.push(p);
    if (p.record && p.record.month !== month) of(p.record.month).movedOut.push(p);
  }
  return months;
}

function newestUpdate(live: ArticlePlan[]): string | null {
  let newest: string | null = null;
  for (const p of live) if (p.article && (newest === null || p.article.updated > newest)) newest = p.article.updated;
  return newest;
}

function pendingTakedownsOf(takedowns: TakedownResult): { takedownsPending?: string[] } {
  return takedowns.pending.length > 0 ? { takedownsPending: takedowns.pending.map((e) => e.path) } : {};
}

function describeFault(error: unknown): string {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e?.$metadata?.httpStatusCode;
  return `${e?.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${e?.message ?? String(error)}`;
}
