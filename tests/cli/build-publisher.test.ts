// `feedpub build` runs the pipeline's two stages (ingest, then the one publisher) over the folder:
// slugs, rejections, status and images are decided as the pipeline decides them, whatever order the
// folder lists in, on the worker pool or in this thread alike, and no private record reaches --out.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../functions/folder-build';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `feedpub-onepub-${name}-`));
  dirs.push(dir);
  return dir;
}

const NOW = () => new Date('2026-03-01T00:00:00Z');

function folder(files: Record<string, string | Uint8Array>, dates: Record<string, string> = {}): string {
  const dir = tempDir('content');
  for (const [key, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, key)), { recursive: true });
    writeFileSync(join(dir, key), body);
  }
  writeFileSync(join(dir, 'dates.json'), JSON.stringify(dates));
  writeFileSync(join(dir, 'site.json'), JSON.stringify({ title: 'T', baseUrl: 'https://news.example.com', maxImageBytes: 2000 }));
  return dir;
}

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name), 'latin1'));
  }
  return files;
}

const PNG = new Uint8Array(2001);
PNG.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 10, 0, 0, 0, 10, 8, 6, 0, 0, 0]);

const FILES = {
  'a.txt': 'Same title\n\nBody of a.\n',
  'b/c.txt': 'Same title\n\nBody of c.\n',
  'b.txt': 'Same title\n\nBody of b.\n',
  'd.md': '---\ntitle: Other\n---\nText.\n',
  'empty.txt': '',
  'broken.png': 'not a png',
  'big.png': PNG,
  // 3 KB of nested ">" overflows marked's stack: a verdict on the file, never the end of the build.
  'deep.md': `---\ntitle: Deep\n---\n\n${'>'.repeat(3000)} x\n`,
};
const DATES = { 'a.txt': '2024-10-03T00:00:00Z', 'b/c.txt': '2024-10-02T00:00:00Z', 'b.txt': '2024-10-04T00:00:00Z', 'd.md': '2024-09-30T00:00:00Z' };

describe('feedpub build through the one publisher', () => {
  it('claims slugs in key order, lists rejections by key, and dates the last publish by the newest article', async () => {
    const out = tempDir('out');
    const report = await buildSite({ contentDir: folder(FILES, DATES), outDir: out, now: NOW });
    const site = tree(out);
    const pages = [...site.keys()].filter((p) => p.startsWith('articles/')).sort();
    expect(pages).toEqual(['articles/other/index.html', 'articles/same-title-2/index.html', 'articles/same-title-3/index.html', 'articles/same-title/index.html']);
    expect(site.get('articles/same-title/index.html')).toContain('Body of a.');
    expect(site.get('articles/same-title-2/index.html')).toContain('Body of b.');
    expect(site.get('articles/same-title-3/index.html')).toContain('Body of c.');
    expect(report.rejected.map((r) => [r.key, r.code])).toEqual([
      ['big.png', 'too-large'],
      ['broken.png', 'binary'],
      ['deep.md', expect.stringMatching(/^parse-failed$|^too-deep$|^[a-z-]+$/)],
      ['empty.txt', 'empty'],
    ]);
    expect(report.rejected.find((r) => r.key === 'big.png')?.reason).toBe('2,001 bytes is over the 2,000-byte limit');
    expect(report.articles).toBe(4);
    const status = JSON.parse(site.get('status.json') as string) as { lastPublish: string; articles: number };
    expect(status).toMatchObject({ articles: 4, lastPublish: '2024-10-04T00:00:00Z' });
    // The publisher's private records stay in memory: nothing under _feedpub/ in the site folder.
    expect([...site.keys()].filter((p) => p.startsWith('_feedpub'))).toEqual([]);
  });

  it('builds the same bytes whatever order the folder was written in, on the worker pool or in this thread', async () => {
    const entries = Object.entries(FILES);
    const forward = tempDir('out');
    await buildSite({ contentDir: folder(Object.fromEntries(entries), DATES), outDir: forward, now: NOW });
    const backward = tempDir('out');
    await buildSite({ contentDir: folder(Object.fromEntries(entries.reverse()), DATES), outDir: backward, now: NOW, ingest: { minFiles: 0, workers: 2 } });
    expect(tree(backward)).toEqual(tree(forward));
  });
});
