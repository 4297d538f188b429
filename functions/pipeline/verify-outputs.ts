// "No output is left stale": every public output rendered again from the index, as the publisher
// would render it now, compared with the bytes stored. Used after a republish (tests, `--verify`).
// Covers every kind of file in the output table (core/outputs/formats.ts) but image copies (bytes of
// the upload, content-addressed) and private records: head feeds, home, status and assets, the site
// indexes (archive index, sitemap index, news sitemap, robots.txt), each month's feeds, sitemaps, page
// and article pages, each tag's feeds and pages, and the tag index.
import { HEAD_KEY, monthManifestKey, preparedRecordKey } from '../core/site-index/paths';
import { migrateHead, migrateMonth } from '../core/site-index/migrate';
import { newsSitemapClock, newsWindowMonths } from '../core/site-index/months';
import { siteStatusOf } from '../core/site-index/plan';
import { TAG_HEADS_PREFIX, TAG_LIST_KEY, tagHeadKey, tagMonthKey, tagSlugOfHeadKey, type TagHead, type TagList } from '../core/site-index/tags';
import type { HeadManifest, MonthManifest, PreparedRecord } from '../core/site-index/types';
import type { Article, SiteConfig, SiteFile } from '../core/model';
import { oldestMonthOf } from '../core/order';
import { renderTagHead, renderTagIndexPage, renderTagMonth, tagHasArchives } from '../core/render/tags';
import { type ObjectStore, readJson } from '../store/types';
import type { PublishCore } from './core';

export interface OutputMismatch {
  path: string;
  problem: 'missing' | 'different';
}

export interface OutputCheck {
  checked: number;
  mismatches: OutputMismatch[];
  /** Every path compared, sorted: a caller can tell a stored public file no check covered. */
  paths: string[];
}

/**
 * Renders the head's outputs from head.json, each month's from its manifest and each tag's from its
 * head and months (one month in memory at a time), and compares bytes. `now`: the clock of the last
 * publish (an archive's completeness depends on it); the news sitemap's window ends at head.json's
 * lastPublish, as the publisher's does (newsSitemapClock).
 */
export async function checkOutputsAgainstIndex(siteStore: ObjectStore, config: SiteConfig, core: PublishCore, now: string): Promise<OutputCheck> {
  const head = migrateHead((await readJson<HeadManifest>(siteStore, HEAD_KEY)) ?? { version: 1, items: [], months: [], quarantine: [], lastPublish: null, outputs: {} });
  const archiveMonths = head.months.map((m) => m.month);
  const mismatches: OutputMismatch[] = [];
  const paths: string[] = [];
  const compare = async (file: SiteFile) => {
    paths.push(file.path);
    const stored = await siteStore.get(file.path);
    if (!stored) mismatches.push({ path: file.path, problem: 'missing' });
    else if (!Buffer.from(stored.bytes).equals(Buffer.from(typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body))) {
      mismatches.push({ path: file.path, problem: 'different' });
    }
  };
  const newsAsOf = newsSitemapClock(head.lastPublish, now);
  const newsMonths = new Set(newsWindowMonths(newsAsOf, config.timeZone));
  const recent: Article[] = [];
  const pagingMonth = oldestMonthOf(head.items);
  let pagingItems: Article[] = [];
  for (const month of archiveMonths) {
    const manifest = migrateMonth((await readJson<MonthManifest>(siteStore, monthManifestKey(month))) ?? { month, articles: [], outputs: {} });
    if (month === pagingMonth) pagingItems = manifest.articles;
    if (newsMonths.has(month)) recent.push(...manifest.articles);
    for (const file of core.renderArchiveFeeds(config, month, manifest.articles, archiveMonths, now, manifest.deleted ?? [])) await compare(file);
    for (const file of core.renderArchiveMonth(config, month, manifest.articles, archiveMonths)) await compare(file);
    for (const article of manifest.articles) await compare(core.renderArticlePage(config, await pageArticle(siteStore, article)));
  }
  const total = head.months.reduce((n, m) => n + m.count, 0);
  for (const file of [
    ...core.renderHeadFeeds(config, head.items, archiveMonths, pagingItems, head.deleted ?? []),
    core.renderHomePage(config, head.items),
    ...core.renderSiteIndexes(config, head.months, recent, newsAsOf),
    ...core.renderStatus(config, {
      ...siteStatusOf(total, head.lastPublish, head.quarantine),
      ...((head.takedowns ?? []).length > 0 && { takedownsPending: (head.takedowns ?? []).map((entry) => entry.path) }),
    }),
    ...core.renderStaticAssets(config),
  ]) {
    await compare(file);
  }
  await checkTags(siteStore, config, now, compare);
  paths.sort();
  return { checked: paths.length, mismatches, paths };
}

/** Each stored tag head's feeds and page, its months' feeds and pages (while it has archives), and tags/index.html. */
async function checkTags(siteStore: ObjectStore, config: SiteConfig, now: string, compare: (file: SiteFile) => Promise<void>): Promise<void> {
  const slugs = (await siteStore.list(TAG_HEADS_PREFIX)).flatMap((key) => tagSlugOfHeadKey(key) ?? []).sort();
  for (const slug of slugs) {
    const head = await readJson<TagHead>(siteStore, tagHeadKey(slug));
    if (head === undefined) continue;
    const tag = { slug, name: head.name };
    const total = head.months.reduce((n, m) => n + m.count, 0);
    const archived = tagHasArchives(config, total);
    const monthNames = head.months.map((m) => m.month);
    const pagingMonth = archived ? oldestMonthOf(head.items) : undefined;
    let pagingItems: Article[] = [];
    if (archived) {
      for (const month of monthNames) {
        const manifest = (await readJson<MonthManifest>(siteStore, tagMonthKey(slug, month))) ?? { month, articles: [], outputs: {} };
        if (month === pagingMonth) pagingItems = manifest.articles;
        for (const file of renderTagMonth(config, tag, month, manifest.articles, monthNames, now, manifest.deleted ?? [])) await compare(file);
      }
    }
    for (const file of renderTagHead(config, tag, head.items, archived ? head.months : [], pagingItems, head.deleted ?? [])) await compare(file);
  }
  const list = await readJson<TagList>(siteStore, TAG_LIST_KEY);
  if (list !== undefined && list.tags.length > 0) await compare(renderTagIndexPage(config, list.tags));
}

/** The article as its permalink page shows it: an entry cut to the item budget gets its whole body back from its prepared record. */
async function pageArticle(siteStore: ObjectStore, entry: Article): Promise<Article> {
  if (entry.contentCut !== true) return entry;
  const prepared = await readJson<PreparedRecord>(siteStore, preparedRecordKey(entry.source.key, entry.source.etag));
  if (prepared?.verdict !== 'article') return entry; // the page then shows as different: reported, not hidden
  const { contentCut: _cut, ...whole } = { ...entry, contentHtml: prepared.article.contentHtml };
  return whole;
}
