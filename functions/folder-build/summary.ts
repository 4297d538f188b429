// The one line `feedpub build` prints at the end, and one line per file it could not publish.
import type { ScheduledEntry } from '../core/site-index/schedule';
import type { SiteFile, UploadRejected } from '../core/model';
import { FEED_FORMATS } from '../core/outputs/formats';

export interface BuildCounts {
  articles: number;
  headFeeds: number;
  archiveFeeds: number;
  pages: number;
  /** Bytes written: site files and image copies. */
  bytes: number;
  ms: number;
  rejected: UploadRejected[];
  /** Future-dated articles left out until their date (the pipeline's hold rule), soonest first. */
  held: ScheduledEntry[];
}

const FEED_FILE_NAMES: ReadonlySet<string> = new Set(FEED_FORMATS.map((f) => f.fileName));
const ARTICLE_PAGE = /^articles\/[^/]+\/index\.html$/;

/** Head feeds, archive feeds and article pages among the rendered files. */
export function countSiteFiles(files: readonly Pick<SiteFile, 'path'>[]): Pick<BuildCounts, 'headFeeds' | 'archiveFeeds' | 'pages'> {
  let headFeeds = 0;
  let archiveFeeds = 0;
  let pages = 0;
  for (const { path } of files) {
    if (ARTICLE_PAGE.test(path)) pages++;
    else if (FEED_FILE_NAMES.has(path.slice(path.lastIndexOf('/') + 1))) {
      if (path.startsWith('archive/')) archiveFeeds++;
      else if (!path.includes('/')) headFeeds++;
    }
  }
  return { headFeeds, archiveFeeds, pages };
}

/** 950 -> "950 B", 12_300 -> "12.3 kB", 1_234_567 -> "1.2 MB" (SI units, as file managers show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "built 9 articles, 3 feeds + 12 archive feeds, 9 pages, 1.2 MB in 85 ms; 1 held; 1 quarantined", then
 * each held article with its time (the editor's terminal: titles are fine here) and each bad file.
 */
export function formatSummary(counts: BuildCounts): string[] {
  const ms = counts.ms < 10_000 ? `${Math.round(counts.ms)} ms` : `${(counts.ms / 1000).toFixed(1)} s`;
  let line =
    `built ${plural(counts.articles, 'article')}, ${plural(counts.headFeeds, 'feed')} + ${plural(counts.archiveFeeds, 'archive feed')}, ` +
    `${plural(counts.pages, 'page')}, ${formatBytes(counts.bytes)} in ${ms}`;
  if (counts.held.length > 0) line += `; ${counts.held.length} held until ${counts.held.length === 1 ? 'its date' : 'their dates'}`;
  if (counts.rejected.length > 0) line += `; ${counts.rejected.length} quarantined`;
  return [
    line,
    ...counts.held.map((h) => `  ${h.key}: held until ${h.at} ${JSON.stringify(h.title)} [scheduled]`),
    ...counts.rejected.map((r) => `  ${r.key}: ${r.reason} [${r.code}]`),
  ];
}
