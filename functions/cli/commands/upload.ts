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
  const { listContentKeys } = await import('../../build');
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

export function registerUpload(program: Command): void {
  program
    .command('upload')
    .description('upload article files and images (or folders of them) to the uploads bucket; they publish within a second')
    .argument('<files...>', 'files or folders')
    .option('--prefix <prefix>', 'key prefix (folder) in the bucket')
    .option('--bucket <bucket>', 'uploads bucket', 'feedpub-uploads')
    .option('--endpoint <url>', 'S3 API endpoint, or "aws" for AWS itself (default: the local stack, http://localhost:$FEEDPUB_S3_PORT or 4569)')
    .action(async (paths: string[], opts: { prefix?: string; bucket: string; endpoint?: string }) => {
      let files: FileUpload[];
      try {
        files = await uploadsFor(paths, keyPrefix(opts.prefix));
      } catch (error) {
        process.stderr.write(`feedpub upload: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      // Loaded here, not at the top: `feedpub --help` registers every command and should not load the S3 SDK.
      const [{ uploadFiles }, { s3Target }] = await Promise.all([import('../../local/upload'), import('../s3target')]);
      const target = s3Target({ bucket: opts.bucket, ...(opts.endpoint !== undefined && { endpoint: opts.endpoint }) });
      const bar = process.stderr.isTTY && files.length > 1 ? new SingleBar({ format: 'uploading [{bar}] {value}/{total} {key}', hideCursor: true }, Presets.shades_classic) : undefined;
      bar?.start(files.length, 0, { key: '' });
      const started = Date.now();
      try {
        const done = await uploadFiles(target.store, files, (f, i) => {
          if (bar) bar.update(i + 1, { key: f.key });
          else process.stdout.write(`uploaded ${f.key} (${f.bytes} bytes, ${f.contentType})\n`);
        });
        bar?.stop();
        const bytes = done.reduce((n, f) => n + f.bytes, 0);
        process.stdout.write(`${done.length} file(s), ${bytes} bytes -> ${target.description} in ${Date.now() - started} ms\n`);
      } catch (error) {
        bar?.stop();
        process.stderr.write(`feedpub upload: ${target.explain(error)}\n`);
        process.exitCode = 1;
      } finally {
        target.close();
      }
    });
}
