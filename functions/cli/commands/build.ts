import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';

/** Below this many files a build is over before a bar would be worth drawing. */
const PROGRESS_MIN_FILES = 200;

interface BuildFlags {
  content: string;
  out: string;
  config?: string;
  strict?: boolean;
  quiet?: boolean;
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
    .action(async (flags: BuildFlags) => {
      // Loaded here, not at the top: `feedpub --help` registers every command and should not load the builder.
      const [{ BuildSetupError, buildSite }, { formatSummary }] = await Promise.all([import('../../build'), import('../../build/summary')]);
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
