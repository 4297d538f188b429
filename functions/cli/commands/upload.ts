import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import type { FileUpload } from '../../local/upload';

/** "news" and "news/" both mean the folder news/; no prefix means the bucket root. */
export function keyPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Files keep their name under the prefix; a folder's files keep their path inside it (settings files and dotfiles skipped, as `feedpub build` skips them). */
export async function uploadsFor(paths: readonly string[], prefix: string): Promise<FileUpload[]> {
  const { listContentKeys } = await import('../../folder-build');
  const uploads: FileUpload[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new Error(`${path}: no such file or folder`);
    if (info.isDirectory()) {
      for (const key of await listContentKeys(path)) uploads.push({ path: join(path, ...key.split('/')), key: `${prefix}${key}` });
    } else uploads.push({ path, key: `${prefix}${basename(path)}` });
  }
  return uploads;
}

export interface UploadOptions {
  prefix?: string;
  bucket: string;
  siteBucket: string;
  endpoint?: string;
  wait: boolean;
  timeout: string;
}

export function registerUpload(program: Command): void {
  program
    .command('upload')
    .description('upload article files and images (or folders of them) to the uploads bucket, then wait for each outcome')
    .argument('<files...>', 'files or folders')
    .option('--prefix <prefix>', 'key prefix (folder) in the bucket')
    .option('--bucket <bucket>', 'uploads bucket', 'feedpub-uploads')
    .option('--site-bucket <bucket>', 'site bucket, whose private records tell each outcome', 'feedpub-site')
    .option('--endpoint <url>', 'S3 API endpoint, or "aws" for AWS itself (default: the local stack, http://localhost:$FEEDPUB_S3_PORT or 4569)')
    .option('--no-wait', 'return once uploaded, without waiting for the outcomes')
    .option('--timeout <seconds>', 'how long to wait for the outcomes', '60')
    .addHelpText(
      'after',
      '\nExit codes: 0 every file published, updated, unchanged or scheduled (or uploaded, with --no-wait); 1 a file was quarantined; 2 a file could not be uploaded; 3 no outcome within --timeout for some file.',
    )
    .action(async (paths: string[], opts: UploadOptions) => {
      // Loaded here, not at the top: `feedpub --help` registers every command and should not load the S3 SDK.
      const { UPLOAD_EXIT } = await import('../upload-outcomes');
      let files: FileUpload[];
      const timeoutSeconds = Number(opts.timeout);
      try {
        if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 0) throw new Error(`--timeout ${opts.timeout}: not a number of seconds`);
        files = await uploadsFor(paths, keyPrefix(opts.prefix));
      } catch (error) {
        process.stderr.write(`feedpub upload: ${(error as Error).message}\n`);
        process.exitCode = UPLOAD_EXIT.uploadFailed;
        return;
      }
      const [{ uploadFiles }, { s3Target }, outcomes, { isImageKey }, { mapLimit }] = await Promise.all([
        import('../../local/upload'),
        import('../s3target'),
        import('../upload-outcomes'),
        import('../../core/upload-keys'),
        import('../../core/concurrency'),
      ]);
      const where = opts.endpoint !== undefined ? { endpoint: opts.endpoint } : {};
      const target = s3Target({ bucket: opts.bucket, ...where });
      const site = opts.wait ? s3Target({ bucket: opts.siteBucket, ...where }) : undefined;
      const bar = process.stderr.isTTY && files.length > 1 ? new SingleBar({ format: 'uploading [{bar}] {value}/{total} {key}', hideCursor: true }, Presets.shades_classic) : undefined;
      const started = Date.now();
      try {
        let before: Awaited<ReturnType<typeof outcomes.snapshotKeys>> = [];
        if (site) {
          try {
            before = await outcomes.snapshotKeys(site.store, files.map((f) => f.key), isImageKey);
          } catch (error) {
            throw Object.assign(new Error(`cannot read the site bucket's private records to wait for outcomes (${site.explain(error)}); pass --site-bucket, or --no-wait`), { explained: true });
          }
        }
        bar?.start(files.length, 0, { key: '' });
        const done = await uploadFiles(target.store, files, (f, i) => {
          if (bar) bar.update(i + 1, { key: f.key });
          else process.stdout.write(`uploaded ${f.key} (${f.bytes} bytes, ${f.contentType})\n`);
        });
        bar?.stop();
        const bytes = done.reduce((n, f) => n + f.bytes, 0);
        process.stdout.write(`${done.length} file(s), ${bytes} bytes -> ${target.description} in ${Date.now() - started} ms\n`);
        if (!site) return;
        // The version each outcome must be about: the one this command put (a HEAD right after).
        const versions = await mapLimit(before, 8, async (snapshot) => ({ before: snapshot, etag: (await target.store.head(snapshot.key))?.etag }));
        const reports = await outcomes.waitForOutcomes(site.store, versions, {
          timeoutMs: timeoutSeconds * 1000,
          onOutcome: (report) => process.stdout.write(`${outcomes.formatOutcome(report).join('\n')}\n`),
        });
        process.stdout.write(`${outcomes.summaryOf(reports)}\n`);
        process.exitCode = outcomes.exitCodeFor(reports);
      } catch (error) {
        bar?.stop();
        const e = error as Error & { explained?: boolean };
        process.stderr.write(`feedpub upload: ${e.explained ? e.message : target.explain(error)}\n`);
        process.exitCode = UPLOAD_EXIT.uploadFailed;
      } finally {
        target.close();
        site?.close();
      }
    });
}
