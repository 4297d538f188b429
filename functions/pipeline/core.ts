// The pure functions the pipeline calls, gathered in one object so the batch logic can be read
// (and exercised) apart from the parsers and renderers it drives.
import type { DeletionRecord } from '../core/site-index/deletions';
import type { MonthCount } from '../core/site-index/types';
import type { Article, Result, SiteConfig, SiteFile, SiteStatus, UploadInput, UploadRejected } from '../core/model';

export interface ImageAssetLike {
  path: string;
  contentType: string;
  width?: number;
  height?: number;
  bytes: Uint8Array;
}

export interface PublishCore<Asset extends ImageAssetLike = ImageAssetLike> {
  ingestUpload(input: UploadInput, site: SiteConfig): Result<Article, UploadRejected>;
  isImageKey(key: string): boolean;
  describeImage(key: string, bytes: Uint8Array): Result<Asset, UploadRejected>;
  attachImages(article: Article, assets: Map<string, Asset>, site: SiteConfig): Article;
  uniqueSlug(desired: string, key: string, taken: (slug: string) => string | undefined): string;
  renderHeadFeeds(site: SiteConfig, items: Article[], archiveMonths: string[], oldestMonthItems?: Article[], deleted?: readonly DeletionRecord[]): SiteFile[];
  renderArchiveFeeds(site: SiteConfig, month: string, items: Article[], archiveMonths: string[], now?: string, deleted?: readonly DeletionRecord[]): SiteFile[];
  /** A month's child sitemap(s) and HTML archive page (owned by its manifest, like its feeds). */
  renderArchiveMonth(site: SiteConfig, month: string, items: Article[], archiveMonths: string[]): SiteFile[];
  /** Archive index page, sitemap index, news sitemap, robots.txt (owned by the head manifest). */
  renderSiteIndexes(site: SiteConfig, months: MonthCount[], recent: Article[], now: string): SiteFile[];
  renderArticlePage(site: SiteConfig, article: Article): SiteFile;
  renderHomePage(site: SiteConfig, latest: Article[]): SiteFile;
  renderStatus(site: SiteConfig, status: SiteStatus): SiteFile[];
  renderStaticAssets(site: SiteConfig): SiteFile[];
}
