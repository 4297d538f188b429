// `feedpub build` on the file system: read the content folder, run the pure assembly and renderers,
// write the site folder. Writes every rendered file and image copy; removes nothing (a stale file in
// --out from an earlier build stays: build into an empty or dedicated folder).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_SITE, type SiteConfig } from '../core/model';
import { rfc3339 } from '../core/instant';
import { parseDate } from '../core/normalize';
import { monthOf } from '../core/order';
import { loadSiteConfigFile, SITE_CONFIG_FILE } from './site-config';
import { DirectoryObjectStore } from '../store/directory';
import { FolderWriter } from '../store/folder-writer';
import { assembleSite, type ContentFile } from './assemble';
import { mapLimit } from '../core/concurrency';
import { renderSiteLazily } from '../core/render';
import { countSiteFiles, type BuildCounts } from './summary';

/** Files in the content folder that are settings, not uploads. */
const SETTINGS_FILES = new Set([SITE_CONFIG_FILE, 'dates.json']);
/** Files read at once: enough to keep the disk busy, few enough to stay under the fd limit. */
const IO_CONCURRENCY = 32;

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
}

export interface BuildReport extends BuildCounts {
  /** Wall time of each phase, for benchmarks and profiling. */
  phaseMs: { read: number; ingest: number; renderAndWrite: number };
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

  let done = 0;
  const readStarted = performance.now();
  const files = await mapLimit(keys, IO_CONCURRENCY, async (key): Promise<ContentFile> => {
    const path = join(contentDir, ...key.split('/'));
    const [bytes, fileInfo] = await Promise.all([readFile(path), stat(path)]);
    const fallbackDate = dates.get(key) ?? dates.get(baseName(key)) ?? rfc3339(fileInfo.mtime);
    return { key, bytes, fallbackDate };
  });
  const ingestStarted = performance.now();
  // Progress counts files ingested (reading them is quick next to parsing them).
  const assembled = assembleSite(files, site, () => onProgress?.('read', ++done, keys.length), now);

  files.length = 0; // the uploads' bytes are no longer needed: let them go before rendering

  // Rendering and writing interleave: files are made as the writers ask for them.
  const renderStarted = performance.now();
  const out = new DirectoryObjectStore(outDir);
  const paths: string[] = [];
  let written = 0;
  // For the progress bar only: a page per article, three feeds per month and the head, a few fixed files.
  const months = new Set(assembled.articles.map((a) => monthOf(a))).size;
  const expectedOutputs = assembled.articles.length + 3 * (months + 1) + assembled.assets.length + 5;
  const outputs = function* (): Generator<{ path: string; body: string | Uint8Array }> {
    for (const file of renderSiteLazily(site, assembled.articles, assembled.status, now)) {
      paths.push(file.path);
      yield file;
    }
    for (const asset of assembled.assets) yield { path: asset.path, body: asset.bytes };
  };
  // Rendering stays on this thread; the file system calls run on the writer's (see FolderWriter).
  const writer = new FolderWriter();
  try {
    for (const { path, body } of outputs()) {
      writer.write(out.pathOf(path), body);
      written++;
      onProgress?.('write', written, Math.max(written, expectedOutputs));
      if (writer.backlogged) await writer.drained();
    }
  } finally {
    await writer.close();
  }
  const finished = performance.now();
  return {
    articles: assembled.articles.length,
    ...countSiteFiles(paths.map((path) => ({ path }))),
    bytes: writer.bytesWritten,
    ms: finished - started,
    rejected: assembled.rejected,
    held: assembled.held,
    phaseMs: { read: ingestStarted - readStarted, ingest: renderStarted - ingestStarted, renderAndWrite: finished - renderStarted },
  };
}
