// The publish stage's share of tags (docs/tags.md): claim each new tag's slug (pinned for good), and per
// tag a batch touches, update its head and the months the batch changed, then render only those. A
// tag's index mirrors the site's: _feedpub/tags/<slug>/head.json and .../months/YYYY-MM.json. Cost per
// upload: its own tags' heads and months, never the archive.
import { isDeepStrictEqual } from 'node:util';
import { mapLimit } from '../core/concurrency';
import { headDeletions, nextDeletions, type DeletionRecord } from '../core/site-index/deletions';
import { monthsForRefill, nextHeadItems, refillHead } from '../core/site-index/head';
import { applyMonthChanges, archivesToRender, monthsCompletedSince, nextMonthCounts } from '../core/site-index/months';
import { planOutputs } from '../core/site-index/outputs';
import {
  emptyTagHead,
  tagChangeMonths,
  tagChangesOf,
  tagHeadKey,
  tagIdentity,
  tagMonthKey,
  tagNameRecordKey,
  tagSlugCandidate,
  tagSlugOfHeadKey,
  tagSlugRecordKey,
  nextTagList,
  TAG_HEADS_PREFIX,
  TAG_LIST_KEY,
  type TagList,
  type TagChange,
  type TaggedChange,
  type TagHead,
  type TagNameRecord,
  type TagSlugRecord,
} from '../core/site-index/tags';
import { emptyMonth, type MonthManifest, type OutputHashes } from '../core/site-index/types';
import type { Article, SiteConfig, SiteFile } from '../core/model';
import { monthOf, oldestMonthOf } from '../core/order';
import { renderTagHead, renderTagIndexPage, renderTagMonth, tagHasArchives } from '../core/render/tags';

/** The batch's store helpers (its JSON cache, its changed-path bookkeeping) and settings. */
export interface TagBatch {
  readJson<T>(key: string): Promise<T | undefined>;
  writeJson(key: string, value: unknown): Promise<void>;
  deleteIndex(key: string): Promise<void>;
  writeFiles(files: SiteFile[], previous: OutputHashes): Promise<void>;
  deleteFile(path: string): Promise<void>;
  /** Keys under a prefix of the site bucket (rebuilding a missing tag list only). */
  list(prefix: string): Promise<string[]>;
  /** A republish batch: the tag list is checked (and rebuilt if missing) even when no tag appeared or went. */
  rerender: boolean;
  config: SiteConfig;
  now: string;
  limit: number;
}

/** The article with `tagSlugs`: each tag's pinned slug, or a new claim (slug record first, then the pin). Call serially. */
export async function claimArticleTags(batch: TagBatch, article: Article): Promise<Article> {
  if (article.tags.length === 0) {
    const { tagSlugs: _none, ...rest } = article;
    return rest;
  }
  const tagSlugs: string[] = [];
  for (const tag of article.tags) tagSlugs.push(await claimTag(batch, tag));
  return { ...article, tagSlugs };
}

async function claimTag(batch: TagBatch, tag: string): Promise<string> {
  const pinned = await batch.readJson<TagNameRecord>(tagNameRecordKey(tag));
  if (pinned !== undefined) return pinned.slug;
  const identity = tagIdentity(tag);
  for (let attempt = 0; ; attempt++) {
    const slug = tagSlugCandidate(tag, attempt);
    const owner = await batch.readJson<TagSlugRecord>(tagSlugRecordKey(slug));
    if (owner !== undefined && owner.identity !== identity) continue;
    // Owner record before the pin: a crash between them leaves a claim the redo finds as its own.
    if (owner === undefined) await batch.writeJson(tagSlugRecordKey(slug), { slug, identity, name: tag } satisfies TagSlugRecord);
    await batch.writeJson(tagNameRecordKey(tag), { identity, slug, name: owner?.name ?? tag } satisfies TagNameRecord);
    return slug;
  }
}

/**
 * Every tag the batch's changes touch; before the site head's commit, so a redo repeats it (each step
 * is idempotent). `deletions`: the site's deletion records of the batch's deleted articles (their
 * `when` as the site's month kept it), which each tag the article was in records too.
 */
export async function publishTagChanges(batch: TagBatch, changes: TaggedChange[], deletions: readonly DeletionRecord[] = []): Promise<void> {
  const deletionById = new Map(deletions.map((r) => [r.id, r]));
  const published = await mapLimit([...tagChangesOf(changes).values()], batch.limit, (change) => publishTag(batch, change, deletionById));
  // The tag list before the tag heads' commits: a batch cut short after it finds the same flips again.
  // A republish sets every tag it touches, so a list that drifted from the tags is put right.
  const flips = batch.rerender ? published : published.filter((t) => t.live !== t.liveBefore);
  if (flips.length > 0) await publishTagList(batch, flips);
  await mapLimit(published, batch.limit, (t) => t.commit());
}

/**
 * `_feedpub/tag-list.json` and tags/index.html, with the tags that appeared or went. A site whose tags
 * predate the list (or lost it) gets it rebuilt from the stored tag heads once: a LIST and one GET per tag.
 */
async function publishTagList(batch: TagBatch, flips: { slug: string; name: string; live: boolean }[]): Promise<void> {
  let stored = await batch.readJson<TagList>(TAG_LIST_KEY);
  let previous = stored?.tags;
  if (previous === undefined) {
    const slugs = (await batch.list(TAG_HEADS_PREFIX)).flatMap((key) => tagSlugOfHeadKey(key) ?? []).sort();
    const heads = await mapLimit(slugs, batch.limit, (slug) => batch.readJson<TagHead>(tagHeadKey(slug)));
    previous = heads.flatMap((h) => (h !== undefined && h.months.some((m) => m.count > 0) ? [{ slug: h.slug, name: h.name }] : []));
    stored = { tags: previous, outputs: {} };
  }
  const tags = nextTagList(previous, flips);
  const plan = planOutputs(tags.length === 0 ? [] : [renderTagIndexPage(batch.config, tags)], stored?.outputs ?? {});
  await batch.writeFiles(plan.write, stored?.outputs ?? {});
  await mapLimit(plan.stale, batch.limit, (p) => batch.deleteFile(p));
  const next: TagList = { tags, outputs: plan.hashes };
  if (tags.length === 0) {
    if (stored !== undefined) await batch.deleteIndex(TAG_LIST_KEY);
  } else if (!isDeepStrictEqual(next, stored)) await batch.writeJson(TAG_LIST_KEY, next);
}

/** One tag's outputs written; `commit` writes (or deletes) its head record, after the tag list. */
interface PublishedTag {
  slug: string;
  name: string;
  live: boolean;
  liveBefore: boolean;
  commit(): Promise<void>;
}

async function readMonth(batch: TagBatch, slug: string, month: string): Promise<MonthManifest> {
  return (await batch.readJson<MonthManifest>(tagMonthKey(slug, month))) ?? emptyMonth(month);
}

async function publishTag(batch: TagBatch, change: TagChange, deletionById: ReadonlyMap<string, DeletionRecord>): Promise<PublishedTag> {
  const { config, now, limit } = batch;
  const { slug } = change;
  const stored = await batch.readJson<TagHead>(tagHeadKey(slug));
  const name = stored?.name ?? (await batch.readJson<TagSlugRecord>(tagSlugRecordKey(slug)))?.name ?? change.name;
  const head = stored ?? emptyTagHead(slug, name);

  const manifests = new Map<string, MonthManifest>();
  await mapLimit(tagChangeMonths(change), limit, async (m) => manifests.set(m, await readMonth(batch, slug, m)));
  const changedMonths = new Set<string>();
  const counts = new Map<string, number>();
  const upsertsByMonth = new Map<string, Article[]>();
  for (const a of change.upserts) {
    const list = upsertsByMonth.get(monthOf(a));
    if (list === undefined) upsertsByMonth.set(monthOf(a), [a]);
    else list.push(a);
  }
  for (const [month, manifest] of manifests) {
    const leaving = change.removed.filter((r) => r.month === month);
    const upserts = upsertsByMonth.get(month) ?? [];
    const next = applyMonthChanges(manifest.articles, new Set(leaving.map((r) => r.id)), upserts);
    // The site's rule for a month's records (core/site-index/deletions.ts); only a deleted article leaves one,
    // not one that merely lost the tag or moved month (it lives on, as a moved article does in the site's).
    const gone = leaving.flatMap((r) => deletionById.get(r.id) ?? []);
    const deleted = nextDeletions(manifest.deleted ?? [], gone, new Set(upserts.map((a) => a.id)));
    if (!isDeepStrictEqual(next, manifest.articles) || !isDeepStrictEqual(deleted, manifest.deleted ?? [])) {
      changedMonths.add(month);
      const { deleted: _previous, ...rest } = manifest;
      manifests.set(month, { ...rest, articles: next, ...(deleted.length > 0 && { deleted }) });
    }
    counts.set(month, next.length);
  }
  const months = nextMonthCounts(head.months, counts);
  const monthNames = months.map((m) => m.month);
  const totalBefore = head.months.reduce((n, m) => n + m.count, 0);
  const total = months.reduce((n, m) => n + m.count, 0);
  const archivedBefore = tagHasArchives(config, totalBefore);
  const archived = tagHasArchives(config, total);

  // Months whose outputs to (re)render: none while the head holds the whole tag; all of them when it
  // first outgrows its head (at most feedSize + 1 articles' months), else the site's rule.
  let toRender: string[] = [];
  if (archived) {
    toRender = archivedBefore
      ? archivesToRender(head.months.map((m) => m.month), monthNames, changedMonths, monthsCompletedSince(head.lastPublish, now, monthNames, config.timeZone))
      : monthNames;
  }
  // Back within its head: every month's outputs go (again at most feedSize months).
  const unrender = archivedBefore && !archived ? monthNames : [];
  await mapLimit(
    [...toRender, ...unrender].filter((m) => !manifests.has(m)),
    limit,
    async (m) => manifests.set(m, await readMonth(batch, slug, m)),
  );

  const manifestWrites: MonthManifest[] = [];
  for (const month of new Set([...toRender, ...unrender, ...changedMonths])) {
    const manifest = manifests.get(month) as MonthManifest;
    if (manifest.articles.length === 0) continue;
    const files = toRender.includes(month) ? renderTagMonth(config, { slug, name }, month, manifest.articles, monthNames, now, manifest.deleted ?? []) : [];
    const plan = planOutputs(files, manifest.outputs);
    await batch.writeFiles(plan.write, manifest.outputs);
    await mapLimit(plan.stale, limit, (p) => batch.deleteFile(p));
    const next = { ...manifest, outputs: plan.hashes };
    manifests.set(month, next);
    if (changedMonths.has(month) || plan.write.length > 0 || plan.stale.length > 0) manifestWrites.push(next);
  }
  const emptied = [...manifests.values()].filter((m) => m.articles.length === 0 && counts.has(m.month) && !months.some((c) => c.month === m.month));
  for (const manifest of emptied) await mapLimit(Object.keys(manifest.outputs), limit, (p) => batch.deleteFile(p));
  await mapLimit(manifestWrites, limit, (m) => batch.writeJson(tagMonthKey(slug, m.month), m));
  await mapLimit(emptied, limit, (m) => batch.deleteIndex(tagMonthKey(slug, m.month)));

  // The tag's head, as the site's (nextHeadItems, refilled from the newest months when removals leave a gap).
  const touchedIds = new Set([...change.removed.map((r) => r.id), ...change.upserts.map((a) => a.id)]);
  let { items, needsRefill } = nextHeadItems(head.items, config.feedSize, touchedIds, change.upserts, total);
  if (needsRefill) {
    const monthArticles = await mapLimit(monthsForRefill(months, config.feedSize), limit, async (m) => (manifests.get(m) ?? (await readMonth(batch, slug, m))).articles);
    items = refillHead(monthArticles, config.feedSize);
  }
  // The head's records, as the site head's: HEAD_DELETION_DAYS at most, a returning article drops its own.
  const deleted = headDeletions(
    nextDeletions(head.deleted ?? [], change.removed.flatMap((r) => deletionById.get(r.id) ?? []), new Set(change.upserts.map((a) => a.id))),
    now,
  );
  // A tag left with no article keeps its head feeds while they carry a record: a reader of the tag
  // feed learns of the deletion there (docs/tags.md); with neither, the tag's outputs go.
  const published = { slug, name, live: total > 0, liveBefore: totalBefore > 0 };
  if (total === 0 && deleted.length === 0) {
    await mapLimit(Object.keys(head.outputs), limit, (p) => batch.deleteFile(p));
    return { ...published, commit: async () => (stored === undefined ? undefined : batch.deleteIndex(tagHeadKey(slug))) };
  }
  const pagingMonth = archived ? oldestMonthOf(items) : undefined;
  const pagingItems = pagingMonth === undefined ? [] : (manifests.get(pagingMonth) ?? (await readMonth(batch, slug, pagingMonth))).articles;
  const headPlan = planOutputs(renderTagHead(config, { slug, name }, items, archived ? months : [], pagingItems, deleted), head.outputs);
  await batch.writeFiles(headPlan.write, head.outputs);
  await mapLimit(headPlan.stale, limit, (p) => batch.deleteFile(p));
  const changed = changedMonths.size > 0 || !isDeepStrictEqual(items, head.items) || !isDeepStrictEqual(deleted, head.deleted ?? []);
  const next: TagHead = {
    slug,
    name,
    items,
    months,
    lastPublish: changed ? now : head.lastPublish,
    outputs: headPlan.hashes,
    ...(deleted.length > 0 && { deleted }),
  };
  return { ...published, commit: async () => (isDeepStrictEqual(next, stored) ? undefined : batch.writeJson(tagHeadKey(slug), next)) };
}
