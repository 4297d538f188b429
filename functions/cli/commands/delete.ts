import type { Command } from 'commander';

export function registerDelete(program: Command): void {
  program
    .command('delete')
    .description('delete uploads by key; their articles leave the feeds, archives and pages within a second')
    .argument('<keys...>', 'object keys in the uploads bucket, e.g. news/my-story.txt')
    .option('--bucket <bucket>', 'uploads bucket', 'feedpub-uploads')
    .option('--endpoint <url>', 'S3 API endpoint, or "aws" for AWS itself (default: the local stack)')
    .action(async (keys: string[], opts: { bucket: string; endpoint?: string }) => {
      // Loaded here, not at the top: `feedpub --help` registers every command and should not load the S3 SDK.
      const { s3Target } = await import('../s3target');
      const target = s3Target({ bucket: opts.bucket, ...(opts.endpoint !== undefined && { endpoint: opts.endpoint }) });
      try {
        for (const key of keys) {
          // S3 deletes a missing key without complaint; a typo should not look like success.
          const existing = await target.store.list(key);
          if (!existing.includes(key)) {
            process.stderr.write(`${key}: no such upload in ${target.description}\n`);
            process.exitCode = 1;
            continue;
          }
          await target.store.delete(key);
          process.stdout.write(`deleted ${key}\n`);
        }
      } catch (error) {
        process.stderr.write(`feedpub delete: ${target.explain(error)}\n`);
        process.exitCode = 1;
      } finally {
        target.close();
      }
    });
}
