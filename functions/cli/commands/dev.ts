import type { Command } from 'commander';
import { resolve } from 'node:path';
// Small and dependency-free: the stack itself is loaded only once the ports are known.
import { PortInUseError } from '../../local/listen';

function portFrom(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  return port;
}

/** Which setting moves each server to another port. */
const PORT_SETTINGS: Record<string, { variable: string; flag: string }> = {
  'local S3 API': { variable: 'FEEDPUB_S3_PORT', flag: '--s3-port' },
  'site server': { variable: 'FEEDPUB_PORT', flag: '--port' },
};

/** One line a person can act on, never a stack. */
export function startFailure(error: Error): string {
  if (error instanceof PortInUseError) {
    const setting = PORT_SETTINGS[error.service];
    const move = setting ? `set ${setting.variable} (or pass ${setting.flag}) to another port, e.g. ${setting.variable}=${error.port + 1} npm start` : 'choose another port';
    return `${error.message}. Stop the other process (another npm start?) or ${move}.`;
  }
  return error.message;
}

/** `feedpub dev` (what `npm start` runs): the whole pipeline on this machine, until Ctrl-C. */
export function registerDev(program: Command): void {
  program
    .command('dev')
    .description('run the local stack: S3 API, publish pipeline and site server (env FEEDPUB_PORT, FEEDPUB_S3_PORT, FEEDPUB_DATA_DIR)')
    .option('--content <dir>', 'site.json and the sample uploads, uploaded on first start', 'content')
    .option('--port <port>', 'site server port (default $FEEDPUB_PORT or 8787)')
    .option('--s3-port <port>', 'local S3 API port (default $FEEDPUB_S3_PORT or 4569)')
    .action(async (opts: { content: string; port?: string; s3Port?: string }) => {
      // CloudWatch metrics have no destination locally; the JSON log lines stay.
      process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
      let port: number;
      let s3Port: number;
      try {
        port = portFrom('--port', opts.port, portFrom('FEEDPUB_PORT', process.env.FEEDPUB_PORT, 8787));
        s3Port = portFrom('--s3-port', opts.s3Port, portFrom('FEEDPUB_S3_PORT', process.env.FEEDPUB_S3_PORT, 4569));
      } catch (error) {
        process.stderr.write(`feedpub dev: ${(error as Error).message}\n`);
        process.exitCode = 1;
        return;
      }
      const dataDir = resolve(process.env.FEEDPUB_DATA_DIR || '.data');
      const { startLocalStack } = await import('../../local/stack');
      let stack;
      try {
        // The URLs are printed while the samples publish; a line follows when they are in.
        stack = await startLocalStack({ port, s3Port, dataDir, contentDir: resolve(opts.content), awaitSeed: false });
      } catch (error) {
        process.stderr.write(`feedpub dev: ${startFailure(error as Error)}\n`);
        process.exitCode = 1;
        return;
      }
      const { urls } = stack;
      const seedLine =
        stack.seeded.length > 0 ? `uploading ${stack.seeded.length} sample file(s) from ${opts.content}/` : `site kept from ${dataDir}`;
      process.stdout.write(
        [
          '',
          `feedpub local stack (${seedLine})`,
          `  site      ${urls.site}`,
          `  feeds     ${urls.feeds.join('  ')}`,
          `  status    ${urls.status}`,
          `  S3 API    ${urls.s3}   buckets ${stack.s3.uploadsBucket}, ${stack.s3.siteBucket}   data ${dataDir}`,
          '',
          'Upload or delete an article (published within a second):',
          `  aws s3 cp FILE s3://${stack.s3.uploadsBucket}/ --endpoint-url ${urls.s3}   (any credentials)`,
          '  npx feedpub upload FILE...',
          '  npx feedpub delete KEY',
          '',
          'Ctrl-C stops everything. Delete the data folder to start over.',
          '',
        ].join('\n'),
      );
      const seedStarted = Date.now();
      void stack.queue.drain().then(() => {
        if (stack.seeded.length > 0) {
          process.stdout.write(`samples published (${stack.seeded.length} uploads, ${Date.now() - seedStarted} ms): ${urls.site}\n`);
        }
      });
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stdout.write(`\n${signal}: stopping (finishing the batch in flight)...\n`);
        stack.close().then(
          () => process.stdout.write('stopped\n'),
          (error: Error) => {
            process.stderr.write(`feedpub dev: error while stopping: ${error.message}\n`);
            process.exitCode = 1;
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
