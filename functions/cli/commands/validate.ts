import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { SiteFiles } from '../../core/validate';

// Only feeds are read: the validator needs the other files' existence, not their bytes (a 50k-article
// site is ~600 MB, mostly pages).
const CHECKED_FILE = /\.(xml|xsl|json)$/;
const READ_CONCURRENCY = 32;

/** The files of a built site folder, keyed by site path; bytes only for the files validateSite reads. */
export async function readSiteDir(dir: string): Promise<SiteFiles> {
  const [{ mapLimit }, { DirectoryObjectStore }] = await Promise.all([import('../../core/concurrency'), import('../../store/directory')]);
  const store = new DirectoryObjectStore(dir);
  const keys = await store.list('');
  const bodies = await mapLimit(keys, READ_CONCURRENCY, async (key) =>
    CHECKED_FILE.test(key) ? await readFile(store.pathOf(key)) : new Uint8Array(),
  );
  return new Map(keys.map((key, i) => [key, bodies[i] as Uint8Array]));
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a built site: well-formed feeds, required elements, ids, URLs, dates, JSON Feed schema, links')
    .argument('<dir>', 'the built site folder (feedpub build --out)')
    .action(async (dir: string) => {
      const info = await stat(dir).catch(() => undefined);
      if (!info?.isDirectory()) {
        process.stderr.write(`feedpub validate: ${dir} is not a folder\n`);
        process.exitCode = 2;
        return;
      }
      const { validateSiteReport } = await import('../../core/validate');
      const report = validateSiteReport(await readSiteDir(dir));
      for (const v of report.violations) process.stdout.write(`${v.path}: [${v.rule}] ${v.message}\n`);
      if (report.violations.length > 0) {
        process.stdout.write(`${report.violations.length} violation${report.violations.length === 1 ? '' : 's'} in ${report.files} files\n`);
        process.exitCode = 1;
      } else {
        process.stdout.write(`ok: ${report.files} files, ${report.feeds} feeds, ${report.items} items checked\n`);
      }
    });
}
