// `feedpub build` on the file system: the pipeline's two stages over the content folder (ingest on all
// cores, then one publish pass of the one publisher), writing the site folder. Writes every rendered
// file and image copy; removes nothing (a stale file in --out from an earlier build stays: build into
// an empty or dedicated folder).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SiteConfig } from '../core/model';
import { parseDate } from '../core/normalize';
import { loadSiteConfigFile, SITE_CONFIG_FILE } from './site-config';
import { preparedRecordKey } from '../core/site-index/paths';
import { defaultCore } from '../pipeline/default-core';
import { publishBatch, type BatchResult } from '../pipeline/publish';
import { BuildSiteStore } from '../store/build-site';
import { ContentFolderStore } from '../store/content-folder';
import type { ObjectHead } from '../store/types';
import type { ContentEntry } from './ingest';
import { ingestFolder, type PoolOptions } from './ingest-pool';
import { countSiteFiles, type BuildCounts } from './summary';

/** Files in the content folder that are settings, not uploads. */
const SETTINGS_FILES = new Set([SITE_CONFIG_FILE, 'dates.json']);

/** A problem with the build's settings or folders (exit 2), as opposed to a bad content file. */
export class BuildSetupError extends Error {}

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  /** site.json to use instead of contentDir/site.json. */
  configFile?: string;
  /** Called as content files are ingested (phase "read") and as outputs are written (phase "write"). */
  onProgress?: (phase: 'read' | 'write', done: number, total: number) => void;
  /** The build's clock (`--now`): which articles are held until their date, which archive months are complete. */
  now?: () => Date;
  /** Stage 1's worker pool (default: one worker per core, in this thread below POOL_MIN_FILES files). */
  ingest?: Pick<PoolOptions, 'workers' | 'minFiles' | 'deadlineMs' | 'parseModule'>;
}

export interface BuildReport extends BuildCounts {
  /** Wall time of each stage, for benchmarks and profiling. */
  phaseMs: { ingest: number; publish: number };
}

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BuildSetupError(`cannot read ${what} ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BuildSetupError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** --config FILE, else DIR/site.json, else the defaults; validated. */
export async function loadSiteConfig(contentDir: string, configFile?: string): Promise<SiteConfig> {
  const site = loadSiteConfigFile(configFile ?? join(contentDir, SITE_CONFIG_FILE), { required: configFile !== undefined });
  if (!site.ok) throw new BuildSetupError(site.error);
  return site.value;
}

/** dates.json: `{"file name": "date"}`, keyed by relative path or base name; values as RFC 3339. */
export async function loadDates(contentDir: string): Promise<Map<string, string>> {
  const path = join(contentDir, 'dates.json');
  const raw = await readJsonFile(path, 'dates file');
  const dates = new Map<string, string>();
  if (raw === undefined) return dates;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new BuildSetupError(`${path} must be a JSON object {"file name": "date"}`);
  }
  for (const [name, value] of Object.entries(raw)) {
    const date = parseDate(value);
    if (date === undefined) throw new BuildSetupError(`${path}: "${name}" has no readable date: ${JSON.stringify(value)}`);
    dates.set(name, date);
  }
  return dates;
}

/**
 * Upload keys of every content file: relative paths with "/", without settings files and dotfiles,
 * and without the output folder when it lies inside the content folder (else a second build would
 * read the first one's site as uploads).
 */
export async function listContentKeys(contentDir: string, outDir?: string): Promise<string[]> {
  const keys: string[] = [];
  const skip = outDir === undefined ? undefined : resolve(outDir);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const key = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        if (resolve(dir, entry.name) !== skip) await walk(join(dir, entry.name), `${key}/`);
      } else if (entry.isFile() && !(prefix === '' && SETTINGS_FILES.has(entry.name))) keys.push(key);
    }
  };
  await walk(contentDir, '');
  return keys.sort();
}

function baseName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const { contentDir, outDir, onProgress } = options;
  const info = await stat(contentDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new BuildSetupError(`content folder ${contentDir} does not exist`);
  const site = await loadSiteConfig(contentDir, options.configFile);
  const dates = await loadDates(contentDir);
  const keys = await listContentKeys(contentDir, outDir);
  const now = (options.now ?? (() => new Date()))().toISOString();

  // The first-seen date dates.json states; the ingest stage takes the file's mtime for the others (ingest.ts).
  const entries = keys.map((key): ContentEntry => {
    const stated = dates.get(key) ?? dates.get(baseName(key));
    return { key, ...(stated !== undefined && { stated }) };
  });

  // Stage 1: the ingest stage on every file (on all cores), giving each upload version's prepared record.
  const ingestStarted = performance.now();
  const ingested = await ingestFolder(contentDir, entries, site, now, { ...options.ingest, onBatch: (done) => onProgress?.('read', done, keys.length) });

  // Stage 2: the pipeline's publisher, once, over all keys: public files into --out, its records in memory.
  const publishStarted = performance.now();
  const heads = new Map<string, ObjectHead>();
  const out = new BuildSiteStore(outDir, (written) => onProgress?.('write', written, Math.max(written, keys.length)));
  for (const file of ingested) {
    if (file.head === undefined) continue;
    heads.set(file.key, file.head);
    if (file.record !== undefined) await out.put(preparedRecordKey(file.key, file.head.etag), file.record);
  }
  ingested.length = 0; // the records now live in the store only
  // Only the ingested versions exist for the publisher, dated as the ingest stage dated them.
  const uploads = new ContentFolderStore(contentDir, new Map([...heads].map(([key, head]) => [key, head.lastModified as string])), heads);
  let result: BatchResult;
  try {
    result = await publishBatch({ uploads, siteStore: out, config: site, core: defaultCore, now: () => new Date(now) }, keys, { lastPublishFromArticles: true, indexDiscarded: true });
  } finally {
    await out.close();
  }
  const failed = result.results.find((r) => r.outcome === 'failed');
  if (failed !== undefined) throw new Error(`cannot publish ${failed.key}: ${failed.reason}`);

  const head = result.head;
  const finished = performance.now();
  return {
    articles: head.months.reduce((n, m) => n + m.count, 0),
    ...countSiteFiles(out.written.map((path) => ({ path }))),
    bytes: out.bytesWritten,
    ms: finished - started,
    rejected: head.quarantine.map(({ key, code, reason, size }) => ({ key, code, reason, size })),
    held: (head.scheduled ?? []).map(({ key, title, at }) => ({ key, title, at })).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    phaseMs: { ingest: publishStarted - ingestStarted, publish: finished - publishStarted },
  };
}
