import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { validateSiteReport, type SiteFiles } from '../../core/validate';
import { DirectoryObjectStore } from '../../store/directory';

/** Every file of a built site folder, keyed by site path. */
export async function readSiteDir(dir: string): Promise<SiteFiles> {
  const store = new DirectoryObjectStore(dir);
  const files: SiteFiles = new Map();
  for (const key of await store.list('')) {
    const object = await store.get(key);
    if (object) files.set(key, object.bytes);
  }
  return files;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a built site: well-formed feeds, required elements, ids, URLs, dates, JSON Feed schema, links')
    .argument('<dir>', 'the built site folder (feedpub build --out)')
    .action(async (dir: string) => {
      const info = await stat(dir).catch(() => undefined);
      if (!info?.isDirectory()) {
        process.stderr.write(`feedpub validate: ${dir} is not a folder\n`);
        process.exitCode = 2;
        return;
      }
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
