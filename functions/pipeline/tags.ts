// The publish stage's share of tags (docs/tags.md): claim each new tag's slug (pinned for good), and per
// tag a batch touches, update its head and the months the batch changed, then render only those. A
// tag's index mirrors the site's: _feedpub/tags/<slug>/head.json and .../months/YYYY-MM.json. Cost per
// upload: its own tags' heads and months, never the archive.
import { isDeepStrictEqual } from 'node:util';
import { mapLimit } from '../core/concurrency';
import { monthsForRefill, nextHeadItems, refillHead } from '../core/index/head';
import { applyMonthChanges, archivesToRender, monthsCompletedSince, nextMonthCounts } from '../core/index/months';
import { planOutputs } from '../core/index/outputs';
import {
  emptyTagHead,
  tagChangeMonths,
  tagChangesOf,
  tagHeadKey,
  tagIdentity,
  tagMonthKey,
  tagNameRecordKey,
  tagSlugCandidate,
  tagSlugRecordKey,
  type TagChange,
  type TaggedChange,
  type TagHead,
  type TagNameRecord,
  type TagSlugRecord,
} from '../core/index/tags';
import { emptyMonth, type MonthManifest, type OutputHashes } from '../core/index/types';
import type { Article, SiteConfig, SiteFile } from '../core/model';
import { monthOf, oldestMonthOf } from '../core/order';
import { renderTagHead, renderTagMonth, tagHasArchives } from '../core/render/tags';

/** The batch's store helpers (its JSON cache, its changed-path bookkeeping) and settings. */
export interface TagBatch {
  readJson<T>(key: string): Promise<T | undefined>;
  writeJson(key: string, value: unknown): Promise<void>;
  deleteIndex(key: string): Promise<void>;
  writeFiles(files: SiteFile[], previous: OutputHashes): Promise<void>;
  deleteFile(path: string): Promise<void>;
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

/** Every tag the batch's changes touch; before the site head's commit, so a redo repeats it (each step is idempotent). */
export async function publishTagChanges(batch: TagBatch, changes: TaggedChange[]): Promise<void> {
  await mapLimit([...tagChangesOf(changes).values()], batch.limit, (change) => publishTag(batch, change));
}

async function readMonth(batch: TagBatch, slug: string, month: string): Promise<MonthManifest> {
  return (await batch.readJson<MonthManifest>(tagMonthKey(slug, month))) ?? emptyMonth(month);
}

async function publishTag(batch: TagBatch, change: TagChange): Promise<void> {
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
    const removed = new Set(change.removed.filter((r) => r.month === month).map((r) => r.id));
    const next = applyMonthChanges(manifest.articles, removed, upsertsByMonth.get(month) ?? []);
    if (!isDeepStrictEqual(next, manifest.articles)) {
      changedMonths.add(month);
      manifests.set(month, { ...manifest, articles: next });
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
    const files = toRender.includes(month) ? renderTagMonth(config, { slug, name }, month, manifest.articles, monthNames, now) : [];
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
  if (total === 0) {
    await mapLimit(Object.keys(head.outputs), limit, (p) => batch.deleteFile(p));
    if (stored !== undefined) await batch.deleteIndex(tagHeadKey(slug));
    return;
  }
  const pagingMonth = archived ? oldestMonthOf(items) : undefined;
  const pagingItems = pagingMonth === undefined ? [] : (manifests.get(pagingMonth) ?? (await readMonth(batch, slug, pagingMonth))).articles;
  const headPlan = planOutputs(renderTagHead(config, { slug, name }, items, archived ? months : [], pagingItems), head.outputs);
  await batch.writeFiles(headPlan.write, head.outputs);
  await mapLimit(headPlan.stale, limit, (p) => batch.deleteFile(p));
  const changed = changedMonths.size > 0 || !isDeepStrictEqual(items, head.items);
  const next: TagHead = { slug, name, items, months, lastPublish: changed ? now : head.lastPublish, outputs: headPlan.hashes };
  if (!isDeepStrictEqual(next, stored)) await batch.writeJson(tagHeadKey(slug), next);
}
