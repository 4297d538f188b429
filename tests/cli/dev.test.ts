// `npm start` (feedpub dev) as a person runs it: a child process that prints its URLs, serves the
// samples, takes an upload through the S3 API it printed, and stops cleanly on Ctrl-C (SIGINT).
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
let child: ChildProcessWithoutNullStreams | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function waitForOutput(proc: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs: number): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${out}`)), timeoutMs);
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
}

it('prints the URLs, serves the samples, publishes an upload and stops on SIGINT', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-dev-'));
  child = spawn(process.execPath, ['functions/cli/bin.mjs', 'dev'], {
    cwd: ROOT,
    env: { ...process.env, FEEDPUB_PORT: '0', FEEDPUB_S3_PORT: '0', FEEDPUB_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  const proc = child;
  const out = await waitForOutput(proc, /samples published/, 60_000);
  const site = /site\s+(http:\/\/localhost:\d+)\//.exec(out)?.[1];
  const s3 = /S3 API\s+(http:\/\/localhost:\d+)/.exec(out)?.[1];
  expect(site).toBeDefined();
  expect(out).toContain(`aws s3 cp FILE s3://feedpub-uploads/ --endpoint-url ${s3}`);
  expect(out).toContain('npx feedpub upload FILE...');
  expect(out).toContain('npx feedpub delete KEY');
  const feed = (await (await fetch(`${site}/feed.json`)).json()) as { items: { title: string }[] };
  expect(feed.items.map((i) => i.title)).toContain('US pushes for cease-fire as Israel escalates fight against Hezbollah');

  const client = new S3Client({ endpoint: s3, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'any', secretAccessKey: 'thing' } });
  await client.send(new PutObjectCommand({ Bucket: 'feedpub-uploads', Key: 'dev test.txt', Body: 'Dev command story\n\nIt works from the outside too.\n' }));
  client.destroy();
  for (let tries = 0; ; tries++) {
    const xml = await (await fetch(`${site}/feed.xml`)).text();
    if (xml.includes('Dev command story')) break;
    if (tries > 200) throw new Error('upload not published');
    await new Promise((r) => setTimeout(r, 50));
  }

  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const stopped = waitForOutput(proc, /stopped/, 20_000);
  proc.kill('SIGINT');
  await stopped;
  expect(await exited).toBe(0);
  await expect(fetch(`${site}/feed.xml`)).rejects.toThrow();
}, 120_000);
