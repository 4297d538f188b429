// `npm start` (feedpub dev) as a child process: a taken port is one line naming the setting to
// change (no stack), and a session logs one line per upload outcome, without Powertools noise.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'feedpub-dev-hard-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function occupiedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}

function runDev(env: Record<string, string>) {
  const child = spawn(process.execPath, ['functions/cli/bin.mjs', 'dev'], { cwd: ROOT, env: { ...process.env, FEEDPUB_PORT: '0', FEEDPUB_S3_PORT: '0', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanup.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, exited, out: () => stdout, err: () => stderr };
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it.each([
  ['FEEDPUB_S3_PORT', '--s3-port', 'local S3 API'],
  ['FEEDPUB_PORT', '--port', 'site server'],
])('a taken %s is one line naming it (and %s), exit code 1, no stack', async (variable, flag, service) => {
  const port = await occupiedPort();
  const run = runDev({ FEEDPUB_DATA_DIR: await tempDir(), [variable]: String(port) });
  expect(await run.exited).toBe(1);
  const lines = run.err().trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`the ${service} cannot listen on 127.0.0.1:${port}`);
  expect(lines[0]).toContain(variable);
  expect(lines[0]).toContain(flag);
  expect(run.err()).not.toMatch(/EADDRINUSE|\n\s+at /);
}, 60_000);

it('logs one line per upload outcome and no "No application metrics to publish"', async () => {
  const run = runDev({ FEEDPUB_DATA_DIR: await tempDir(), POWERTOOLS_LOG_LEVEL: 'INFO' });
  await until(() => run.out().includes('samples published'), 'the samples');
  const s3 = /S3 API\s+(http:\/\/localhost:\d+)/.exec(run.out())?.[1];
  const client = new S3Client({ endpoint: s3, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'any', secretAccessKey: 'thing' } });
  cleanup.push(async () => client.destroy());
  const uploadLines = () =>
    run
      .out()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { message: string; key?: string; outcome?: string })
      .filter((l) => l.message === 'upload');
  const seed = uploadLines().map((l) => l.key);
  // One line per sample (its image makes the pipeline look at five spellings of a sidecar article).
  expect(seed.length).toBe(13);
  expect(new Set(seed).size).toBe(13);

  // The same bytes again: an unchanged upload, a batch with no metric to count.
  const sample = await readFile(join(ROOT, 'content', '020_council-budget.txt'));
  await client.send(new PutObjectCommand({ Bucket: 'feedpub-uploads', Key: '020_council-budget.txt', Body: sample }));
  // Its own batch (the one Powertools used to warn about), before the next upload.
  await until(() => uploadLines().length >= 14, 'the unchanged upload line');
  const photo = await readFile(join(ROOT, 'content', '010_harbour.png'));
  await client.send(new PutObjectCommand({ Bucket: 'feedpub-uploads', Key: 'lonely/photo.png', Body: photo, ContentType: 'image/png' }));
  await until(() => uploadLines().length >= 15, 'two more upload lines');
  await new Promise((r) => setTimeout(r, 500));
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(0);
  expect(uploadLines().slice(13).map((l) => `${l.key} ${l.outcome}`)).toEqual(['020_council-budget.txt unchanged', 'lonely/photo.png published']);
  expect(`${run.out()}${run.err()}`).not.toContain('No application metrics');
}, 120_000);
