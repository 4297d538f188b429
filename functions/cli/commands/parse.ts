import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { Article, Result, SiteConfig } from '../../core/model';

/** --config FILE, else ./content/site.json when present, else the defaults. */
async function loadSite(configPath: string | undefined): Promise<Result<SiteConfig, string>> {
  const { loadSiteConfigFile, SITE_CONFIG_FILE } = await import('../../folder-build/site-config');
  return loadSiteConfigFile(configPath ?? join('content', SITE_CONFIG_FILE), { required: configPath !== undefined });
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse and normalize article files as the publisher would, and print each Article as JSON')
    .argument('<files...>', 'article files (.txt, .md); the upload key is the file name, the fallback date its mtime')
    .option('--config <file>', 'site.json to use (default: ./content/site.json if present, else built-in defaults)')
    .option('--json-array', 'print one JSON array instead of one object per file')
    .action(async (files: string[], options: { config?: string; jsonArray?: boolean }) => {
      const loaded = await loadSite(options.config);
      if (!loaded.ok) {
        process.stderr.write(`feedpub parse: ${loaded.error}\n`);
        process.exitCode = 2;
        return;
      }
      const [{ ingestUpload, rejectingParseFaults }, { rfc3339 }, { withAbsoluteUrls }, { loadParseStacks }] = await Promise.all([
        import('../../core/ingest'),
        import('../../core/instant'),
        import('../../core/render/resolve'),
        import('../../core/parse-stacks'),
      ]);
      await loadParseStacks();
      const articles: Article[] = [];
      let failed = 0;
      for (const file of files) {
        let bytes: Uint8Array;
        let mtime: Date;
        try {
          [bytes, mtime] = await Promise.all([readFile(file), stat(file).then((s) => s.mtime)]);
        } catch (error) {
          failed++;
          process.stderr.write(`feedpub parse: ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
          continue;
        }
        // A file the parser throws on is reported like any rejected file, and the others still print.
        const result = rejectingParseFaults(ingestUpload)({ key: basename(file), bytes, fallbackDate: rfc3339(mtime) }, loaded.value);
        if (!result.ok) {
          failed++;
          process.stderr.write(`feedpub parse: ${file}: ${result.error.reason} [${result.error.code}]\n`);
          continue;
        }
        // As readers will see it: the permalink under the site's base URL (the index keeps the path).
        const article = withAbsoluteUrls(loaded.value, result.value);
        if (options.jsonArray) articles.push(article);
        else process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
      }
      if (options.jsonArray) process.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
      if (failed > 0) process.exitCode = 1;
    });
}
