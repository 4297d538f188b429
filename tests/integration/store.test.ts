// The ObjectStore contract, checked the same way on the real local S3 API and on a folder.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectoryObjectStore } from '../../functions/store/directory';
import { MemoryObjectStore } from '../../functions/store/memory';
import type { ObjectStore } from '../../functions/store/types';
import { startLocalS3, type LocalS3 } from '../support/local-s3';

const HOSTILE_KEYS = [
  'plain.txt',
  'a b/c d.txt',
  'a+b/plus+sign.txt',
  'ünï/cödé – “quotes”.txt',
  '../escape.txt',
  'dir/../../x.txt',
  '%2F%20already-encoded.txt',
  // 1,024 bytes, S3's limit. In segments: s3rver and a folder store keys as files (255-byte names).
  `${Array.from({ length: 10 }, (_, i) => `${i}`.repeat(100)).join('/')}/${'ü'.repeat(5)}.txt`,
];

let s3: LocalS3;
let dir: string;
beforeAll(async () => {
  s3 = await startLocalS3();
  dir = await mkdtemp(join(tmpdir(), 'feedpub-dir-'));
});
afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

const stores: [string, () => ObjectStore][] = [
  ['s3 (s3rver)', () => s3.uploads],
  ['directory', () => new DirectoryObjectStore(dir)],
  ['memory', () => new MemoryObjectStore()],
];

// The local S3 API refuses keys with "." or ".." segments (it keeps keys as files; see
// tests/integration/local-s3-safety.test.ts): there they must fail loudly, never land elsewhere.
const hasDotSegment = (key: string) => key.split('/').some((s) => s === '.' || s === '..');

describe.each(stores)('%s store', (name, make) => {
  const local = name.startsWith('s3');
  const keys = local ? HOSTILE_KEYS.filter((k) => !hasDotSegment(k)) : HOSTILE_KEYS;
  it('puts, gets, lists and deletes hostile keys exactly', async () => {
    const store = make();
    for (const key of keys) await store.put(key, `body of ${key}`, { contentType: 'text/plain; charset=utf-8' });
    for (const key of keys) {
      const found = await store.get(key);
      expect(found && Buffer.from(found.bytes).toString('utf8'), key).toBe(`body of ${key}`);
      expect(found?.etag).toMatch(/^"[0-9a-f]{32}"$/);
    }
    expect(await store.list('')).toEqual([...keys].sort());
    for (const key of keys) await store.delete(key);
    for (const key of keys) expect(await store.get(key), key).toBeUndefined();
    expect(await store.get('plain.txt')).toBeUndefined();
    await store.delete('never-existed.txt');
  });

  it.runIf(local)('refuses dot-segment keys with 400', async () => {
    const store = make();
    for (const key of HOSTILE_KEYS.filter(hasDotSegment)) {
      await expect(store.put(key, 'x'), key).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
    }
    expect(await store.list('')).toEqual([]);
  });
});

describe('s3 store', () => {
  it('returns user metadata lower-cased and the content type', async () => {
    await s3.uploads.put('meta.txt', 'x', { contentType: 'text/plain; charset=utf-8', metadata: { Title: 'From metadata' } });
    const found = await s3.uploads.get('meta.txt');
    expect(found?.metadata).toEqual({ title: 'From metadata' });
    expect(found?.contentType).toBe('text/plain; charset=utf-8');
    expect(found?.lastModified).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

it('the long key is exactly 1,024 bytes', () => {
  expect(Buffer.byteLength(HOSTILE_KEYS[HOSTILE_KEYS.length - 1] as string)).toBe(1024);
});

describe('directory store', () => {
  it('keeps every key inside its root', async () => {
    const store = new DirectoryObjectStore(join(dir, 'root'));
    expect(store.pathOf('../../etc/passwd').startsWith(join(dir, 'root'))).toBe(true);
    expect(store.pathOf('articles/x/index.html')).toBe(join(dir, 'root', 'articles', 'x', 'index.html'));
  });

  it('writes each body whole through its reused buffer and counts the UTF-8 bytes it wrote', async () => {
    const store = new DirectoryObjectStore(join(dir, 'bytes'));
    // 1 + 2 + 3 + 4 bytes (a, ü, €, an emoji as a surrogate pair); the long one outgrows the first buffer.
    const long = 'ü€😀'.repeat(30_000);
    const bodies = { 'a/long.html': long, 'a/short.html': 'aü€😀', 'b/bytes.bin': new Uint8Array([0, 255, 1]) };
    for (const [key, body] of Object.entries(bodies)) await store.put(key, body);
    expect(readFileSync(store.pathOf('a/long.html'), 'utf8')).toBe(long);
    expect(readFileSync(store.pathOf('a/short.html'), 'utf8')).toBe('aü€😀');
    expect([...readFileSync(store.pathOf('b/bytes.bin'))]).toEqual([0, 255, 1]);
    expect(store.bytesWritten).toBe(30_000 * 9 + 10 + 3);
  });

  it('makes a folder again when it was removed after the store made it', async () => {
    const store = new DirectoryObjectStore(join(dir, 'removed'));
    await store.put('x/one.txt', '1');
    await rm(join(dir, 'removed', 'x'), { recursive: true });
    await store.put('x/two.txt', '2');
    expect(readFileSync(store.pathOf('x/two.txt'), 'utf8')).toBe('2');
  });
});
