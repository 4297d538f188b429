// `feedpub build` and a file the parser throws on (3 KB of nested ">" overflows marked's stack on a
// main thread): the build goes on, the file is rejected with the reason, the rest is published.
import { describe, expect, it } from 'vitest';
import { assembleSite, type ContentFile } from '../../../functions/build/assemble';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { runFeedpubSync } from '../../support/cli';

const file = (key: string, text: string): ContentFile => ({ key, bytes: Buffer.from(text), fallbackDate: '2026-02-01T00:00:00.000Z' });

describe('assembleSite with a file the parser cannot take', () => {
  it('rejects it with a reason and publishes the others', () => {
    const result = assembleSite(
      [file('deep.md', `---\ntitle: Deep\n---\n\n${'>'.repeat(3000)} x\n`), file('fine.txt', 'A fine story\n\nIts one paragraph.\n')],
      DEFAULT_SITE,
    );
    expect(result.articles.map((a) => a.title)).toEqual(['A fine story']);
    expect(result.rejected.map((r) => r.key)).toEqual(['deep.md']);
    // Today marked overflows (parse-failed); a nesting cap in the parser may decide it first.
    expect(result.rejected[0]?.reason).toMatch(/\w/);
    if (result.rejected[0]?.code === 'parse-failed') expect(result.rejected[0].reason).toContain('Maximum call stack size exceeded');
    expect(result.status.quarantined.map((q) => q.key)).toEqual(['deep.md']);
  });
});

describe('assembleSite with an image over maxImageBytes', () => {
  it('rejects it as too large, as the ingest stage does', () => {
    const png = new Uint8Array(2001);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 10, 0, 0, 0, 10, 8, 6, 0, 0, 0]);
    const result = assembleSite([{ key: 'big.png', bytes: png, fallbackDate: '2026-02-01T00:00:00.000Z' }], { ...DEFAULT_SITE, maxImageBytes: 2000 });
    expect(result.assets).toEqual([]);
    expect(result.rejected.map((r) => [r.key, r.code, r.reason])).toEqual([['big.png', 'too-large', '2,001 bytes is over the 2,000-byte limit']]);
  });
});

describe('feedpub parse with a file the parser throws on', () => {
  it('reports it as a rejected file and still prints the others', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'feedpub-parse-fault-'));
    try {
      writeFileSync(join(dir, 'deep.md'), `---\ntitle: Deep\n---\n\n${'>'.repeat(3000)} x\n`);
      writeFileSync(join(dir, 'fine.txt'), 'A fine story\n\nIts one paragraph.\n');
      const run = runFeedpubSync(['parse', join(dir, 'deep.md'), join(dir, 'fine.txt')], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('"title": "A fine story"');
      expect(run.stderr).toMatch(/deep\.md: .+ \[[a-z-]+\]\n/);
      expect(run.stderr).not.toContain('    at ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
