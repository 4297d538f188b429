// renderSite's files, in renderSite's order, made one month or one page at a time: a 10k-article build
// would otherwise hold ~120 MB of rendered text (~250 MB of heap) before writing the first file.
// Composed from the same public renderers as renderSite; tests/unit/build/stream.test.ts checks that the
// two give identical files, so they cannot drift apart unnoticed.
import type { Article, SiteConfig, SiteFile, SiteStatus } from '../core/model';
import { monthOf, newestFirst } from '../core/order';
import {
  renderArchiveFeeds,
  renderArticlePage,
  renderHeadFeeds,
  renderHomePage,
  renderStaticAssets,
  renderStatus,
} from '../core/render';
import { articlePagePath } from '../core/render/page';

export function* renderSiteLazily(site: SiteConfig, articles: Article[], status?: SiteStatus): Generator<SiteFile> {
  const sorted = [...articles].sort(newestFirst);
  const byMonth = new Map<string, Article[]>();
  for (const article of sorted) {
    const list = byMonth.get(monthOf(article));
    if (list === undefined) byMonth.set(monthOf(article), [article]);
    else list.push(article);
  }
  const archiveMonths = [...byMonth.keys()].sort();
  const latest = sorted.slice(0, site.feedSize);
  yield* renderHeadFeeds(site, latest, archiveMonths);
  for (const month of archiveMonths) yield* renderArchiveFeeds(site, month, byMonth.get(month) ?? [], archiveMonths);
  const byPagePath = sorted.map((article) => ({ article, path: articlePagePath(article) }));
  byPagePath.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { article } of byPagePath) yield renderArticlePage(site, article);
  yield renderHomePage(site, latest);
  yield* renderStaticAssets(site);
  if (status !== undefined) yield* renderStatus(site, status, latest);
}
