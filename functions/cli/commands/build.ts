import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { SCHEDULE_SKEW_MS } from '../../core/site-index/schedule';

/** Below this many files a build is over before a bar would be worth drawing. */
const PROGRESS_MIN_FILES = 200;

interface BuildFlags {
  content: string;
  out: string;
  config?: string;
  strict?: boolean;
  quiet?: boolean;
  now?: string;
}

// An instant with its offset: a clock without a zone would mean a different moment on every machine.
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i;

/** --now: the build's clock, for a reproducible build or to preview a scheduled day. */
function parseNow(value: string | undefined): Date | undefined | Error {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!INSTANT.test(value) || !Number.isFinite(ms)) return new Error(`--now must be an RFC 3339 time with an offset (e.g. 2026-12-01T09:00:00Z), got "${value}"`);
  return new Date(ms);
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build the whole site (feeds, archives, pages) from a content folder into an output folder')
    .requiredOption('--content <dir>', 'folder of article files (.txt, .md, .markdown), images, site.json, dates.json')
    .requiredOption('--out <dir>', 'folder to write the site into (created if missing; nothing in it is removed)')
    .option('--config <file>', 'site.json to use instead of <content>/site.json')
    .option('--strict', 'exit 1 when any file could not be published')
    .option('--quiet', 'no progress bar')
    .option('--now <time>', `the build's clock, RFC 3339 (default: the system time): articles dated more than ${SCHEDULE_SKEW_MS / 60_000} minutes after it are held; months before it are complete`)
    .action(async (flags: BuildFlags) => {
      // Loaded here, not at the top: `feedpub --help` registers every command and should not load the builder.
      const now = parseNow(flags.now);
      if (now instanceof Error) {
        process.stderr.write(`feedpub build: ${now.message}\n`);
        process.exitCode = 2;
        return;
      }
      const [{ BuildSetupError, buildSite }, { formatSummary }] = await Promise.all([import('../../folder-build'), import('../../folder-build/summary')]);
      // A bar only on a terminal, and only for a content folder of more than PROGRESS_MIN_FILES files.
      let showProgress = process.stderr.isTTY === true && !flags.quiet;
      let bar: SingleBar | undefined;
      const onProgress = (phase: 'read' | 'write', done: number, total: number): void => {
        if (!showProgress) return;
        if (bar === undefined) {
          showProgress = phase === 'read' && total > PROGRESS_MIN_FILES;
          if (!showProgress) return;
          bar = new SingleBar({ stream: process.stderr, format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true });
          bar.start(total, done, { phase });
          return;
        }
        if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(done, { phase });
      };
      try {
        const report = await buildSite({
          contentDir: flags.content,
          outDir: flags.out,
          ...(flags.config !== undefined && { configFile: flags.config }),
          ...(now !== undefined && { now: () => now }),
          onProgress,
        });
        bar?.stop();
        process.stdout.write(`${formatSummary(report).join('\n')}\n`);
        if (flags.strict && report.rejected.length > 0) process.exitCode = 1;
      } catch (error) {
        bar?.stop();
        if (!(error instanceof BuildSetupError)) throw error;
        process.stderr.write(`feedpub build: ${error.message}\n`);
        process.exitCode = 2;
      }
    });
}
