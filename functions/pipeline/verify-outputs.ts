// "No output is left stale": every public output rendered again from the index, as the publisher
// would render it now, compared with the bytes stored. Used after a republish (tests, `--verify`).
import { HEAD_KEY, monthManifestKey } from '../core/index/paths';
import { migrateHead, migrateMonth } from '../core/index/migrate';
import { siteStatusOf } from '../core/index/plan';
import type { HeadManifest, MonthManifest } from '../core/index/types';
import type { Article, SiteConfig, SiteFile } from '../core/model';
import { oldestMonthOf } from '../core/order';
import type { ObjectStore } from '../store/types';
import type { PublishCore } from './core';

export interface OutputMismatch {
  path: string;
  problem: 'missing' | 'different';
}

export interface OutputCheck {
  checked: number;
  mismatches: OutputMismatch[];
}

async function readJson<T>(store: ObjectStore, key: string): Promise<T | undefined> {
  const found = await store.get(key);
  return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as T) : undefined;
}

/**
 * Renders head feeds, home, status and assets from head.json, each month's archives and article
 * pages from its manifest (one month in memory at a time), and compares bytes. `now`: the clock of
 * the last publish (an archive's completeness depends on it).
 */
export async function checkOutputsAgainstIndex(site: ObjectStore, config: SiteConfig, core: PublishCore, now: string): Promise<OutputCheck> {
  const head = migrateHead((await readJson<HeadManifest>(site, HEAD_KEY)) ?? { version: 1, items: [], months: [], quarantine: [], lastPublish: null, outputs: {} });
  const archiveMonths = head.months.map((m) => m.month);
  const mismatches: OutputMismatch[] = [];
  let checked = 0;
  const compare = async (file: SiteFile) => {
    checked++;
    const stored = await site.get(file.path);
    if (!stored) mismatches.push({ path: file.path, problem: 'missing' });
    else if (!Buffer.from(stored.bytes).equals(Buffer.from(typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body))) {
      mismatches.push({ path: file.path, problem: 'different' });
    }
  };
  const pagingMonth = oldestMonthOf(head.items);
  let pagingItems: Article[] = [];
  for (const month of archiveMonths) {
    const manifest = migrateMonth((await readJson<MonthManifest>(site, monthManifestKey(month))) ?? { month, articles: [], outputs: {} });
    if (month === pagingMonth) pagingItems = manifest.articles;
    for (const file of core.renderArchiveFeeds(config, month, manifest.articles, archiveMonths, now, manifest.deleted ?? [])) await compare(file);
    for (const article of manifest.articles) await compare(core.renderArticlePage(config, article));
  }
  const total = head.months.reduce((n, m) => n + m.count, 0);
  for (const file of [
    ...core.renderHeadFeeds(config, head.items, archiveMonths, pagingItems, head.deleted ?? []),
    core.renderHomePage(config, head.items),
    ...core.renderStatus(config, {
      ...siteStatusOf(total, head.lastPublish, head.quarantine),
      ...((head.takedowns ?? []).length > 0 && { takedownsPending: (head.takedowns ?? []).map((entry) => entry.path) }),
    }),
    ...core.renderStaticAssets(config),
  ]) {
    await compare(file);
  }
  return { checked, mismatches };
}
