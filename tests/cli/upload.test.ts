// `feedpub upload` and `feedpub delete` as a user runs them (the real CLI in a child process)
// against a real local S3 API.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyPrefix } from '../../functions/cli/commands/upload';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { feedpub, tempDirs } from '../support/cli';

let s3: LocalS3;
const tempDir = tempDirs();
let dir: string;

beforeAll(async () => {
  s3 = await startLocalS3();
  dir = tempDir('cli');
  await writeFile(join(dir, 'a story.txt'), 'A story\n\nBody.\n');
  await writeFile(join(dir, 'b.md'), '---\ntitle: B\n---\nBody\n');
  await mkdir(join(dir, 'folder/sub'), { recursive: true });
  await writeFile(join(dir, 'folder/sub/c.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  await writeFile(join(dir, 'folder/.hidden'), 'no');
});
afterAll(async () => {
  await s3?.close();
});

describe('key prefix', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['news', 'news/'],
    ['news/', 'news/'],
    ['/news/2026', 'news/2026/'],
  ])('%s -> "%s"', (input, expected) => {
    expect(keyPrefix(input)).toBe(expected);
  });
});

describe('feedpub upload', () => {
  it('puts files under the prefix with their Content-Type, and prints a summary', async () => {
    const r = await feedpub('upload', join(dir, 'a story.txt'), join(dir, 'b.md'), '--prefix', 'desk', '--endpoint', s3.endpoint, '--no-wait');
    expect(r.stderr).not.toMatch(/feedpub upload:/);
    expect(r.code).toBe(0);
    expect(await s3.uploads.list('')).toEqual(['desk/a story.txt', 'desk/b.md']);
    expect((await s3.uploads.get('desk/a story.txt'))?.contentType).toBe('text/plain; charset=utf-8');
    expect((await s3.uploads.get('desk/b.md'))?.contentType).toBe('text/markdown; charset=utf-8');
    expect(Buffer.from((await s3.uploads.get('desk/b.md'))?.bytes ?? []).toString('utf8')).toBe('---\ntitle: B\n---\nBody\n');
    // Not a TTY here: one line per file instead of the progress bar.
    expect(r.stdout).toContain('uploaded desk/a story.txt (15 bytes, text/plain; charset=utf-8)');
    expect(r.stdout).toMatch(/^2 file\(s\), 37 bytes -> s3:\/\/feedpub-uploads\/ at http:\/\/127\.0\.0\.1:\d+ in \d+ ms$/m);
  });

  it('uploads a folder with the paths inside it, skipping dotfiles', async () => {
    const r = await feedpub('upload', join(dir, 'folder'), '--endpoint', s3.endpoint, '--no-wait');
    expect(r.code).toBe(0);
    expect(await s3.uploads.list('sub/')).toEqual(['sub/c.jpg']);
    expect((await s3.uploads.get('sub/c.jpg'))?.contentType).toBe('image/jpeg');
    expect(await s3.uploads.list('.hidden')).toEqual([]);
  });

  it('names a missing file and uploads nothing', async () => {
    const before = await s3.uploads.list('');
    const r = await feedpub('upload', join(dir, 'b.md'), join(dir, 'missing.txt'), '--endpoint', s3.endpoint);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'missing.txt')}: no such file or folder`);
    expect(await s3.uploads.list('')).toEqual(before);
  });

  it('says the local stack is not running when nothing answers', async () => {
    const r = await feedpub('upload', join(dir, 'b.md'), '--endpoint', 'http://127.0.0.1:9');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no S3 API answers at http://127.0.0.1:9: start the local stack with `npm start`');
  });

  it('names a bucket that does not exist', async () => {
    const r = await feedpub('upload', join(dir, 'b.md'), '--endpoint', s3.endpoint, '--bucket', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bucket nope does not exist');
  });
});

describe('feedpub upload without a pipeline behind the bucket', () => {
  it('waits --timeout seconds, says which files have no outcome, and exits 3', async () => {
    const started = Date.now();
    const r = await feedpub('upload', join(dir, 'b.md'), '--prefix', 'nopipe', '--endpoint', s3.endpoint, '--timeout', '1');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('no outcome yet nopipe/b.md');
    expect(r.stdout).toMatch(/^1 without an outcome$/m);
    // At least the timeout; the bound above it is generous (child start-up on a loaded machine).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('--no-wait returns once uploaded, exit 0', async () => {
    const r = await feedpub('upload', join(dir, 'b.md'), '--prefix', 'nowait', '--endpoint', s3.endpoint, '--no-wait');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/published|no outcome/);
    expect(await s3.uploads.list('nowait/')).toEqual(['nowait/b.md']);
  });
});

describe('feedpub delete', () => {
  it('deletes the named keys, and reports a key that is not there', async () => {
    await s3.uploads.put('x y/ü.txt', 'Title\n');
    const r = await feedpub('delete', 'x y/ü.txt', 'x y/missing.txt', '--endpoint', s3.endpoint);
    expect(r.stdout).toContain('deleted x y/ü.txt');
    expect(r.stderr).toContain('x y/missing.txt: no such upload');
    expect(r.code).toBe(1);
    expect(await s3.uploads.list('x y/')).toEqual([]);
  });
});
