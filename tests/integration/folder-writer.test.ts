// FolderWriter: files written from its worker thread, read back from disk.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderWriter } from '../../functions/store/folder-writer';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'feedpub-writer-'));
  dirs.push(dir);
  return dir;
}

describe('FolderWriter', () => {
  it('writes every file whole across many batches, and counts the UTF-8 bytes', async () => {
    const root = tempDir();
    const writer = new FolderWriter();
    const expected = new Map<string, string | Uint8Array>();
    // ~9 MB in 6 KB pages (~20 batches of 1 MB: the backlog limit is reached and the returned buffers
    // are reused, so a buffer refilled while still in flight would corrupt a file), one body larger
    // than a batch, multi-byte text and a binary file.
    for (let i = 0; i < 1200; i++) expected.set(join(root, 'articles', `a-${i}`, 'index.html'), `<p>${i} ü€😀 ${'x'.repeat(6000)}</p>`);
    expected.set(join(root, 'archive', 'big.xml'), 'é'.repeat(700_000));
    expected.set(join(root, 'images', 'p.bin'), new Uint8Array([0, 1, 2, 255]));
    let bytes = 0;
    for (const [path, body] of expected) {
      writer.write(path, body);
      bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
      if (writer.backlogged) await writer.drained();
    }
    await writer.close();
    expect(writer.bytesWritten).toBe(bytes);
    for (const [path, body] of expected) {
      if (typeof body === 'string') expect(readFileSync(path, 'utf8'), path).toBe(body);
      else expect([...readFileSync(path)]).toEqual([...body]);
    }
  });

  it('copies the body: the caller may change its bytes after write()', async () => {
    const root = tempDir();
    const writer = new FolderWriter();
    const body = new Uint8Array([1, 2, 3]);
    writer.write(join(root, 'a.bin'), body);
    body.fill(9);
    await writer.close();
    expect([...readFileSync(join(root, 'a.bin'))]).toEqual([1, 2, 3]);
  });

  it('reports a file it could not write when closed', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'taken'), 'a file where a folder should be');
    const writer = new FolderWriter();
    writer.write(join(root, 'taken', 'index.html'), 'x');
    await expect(writer.close()).rejects.toThrow(/cannot write .*taken.*index\.html/);
  });
});
