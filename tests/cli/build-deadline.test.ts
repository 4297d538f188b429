// `feedpub build`'s ingest pool gives each file a wall-clock deadline, the backstop behind the
// parser's caps: a file that never finishes (an injected parser that spins on a marked file, the
// stand-in for any input the caps miss) is rejected `parse-timeout`, its worker is replaced, the rest
// of its batch runs again, and the build completes and reports it. The deadline is an option, so no
// figure here depends on the machine's speed; the spinning parse would otherwise hang the test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../functions/folder-build';
import { parseTimeoutReason } from '../../functions/pipeline/ingest';
import { SPIN_MARKER } from '../support/spin-ingest';

const SPIN_MODULE = new URL('../support/spin-ingest.ts', import.meta.url).href;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `feedpub-deadline-${name}-`));
  dirs.push(dir);
  return dir;
};

describe('feedpub build: a file over the deadline', () => {
  it('is rejected parse-timeout while every other file of its batch (before and after it) is published', { timeout: 120_000 }, async () => {
    const content = tempDir('content');
    const names = ['a', 'b', 'c', 'spin', 'd', 'e'];
    for (const [i, name] of names.entries()) {
      const body = name === 'spin' ? `Never done\n\n${SPIN_MARKER}\n` : `Story ${name}\nDate: 2026-02-0${i + 1}T08:00:00Z\n\nThe body of story ${name}.\n`;
      writeFileSync(join(content, `${name}.txt`), body);
    }
    writeFileSync(join(content, 'site.json'), JSON.stringify({ title: 'T', baseUrl: 'https://news.example.com' }));
    const out = tempDir('out');
    const DEADLINE = 3000;
    const report = await buildSite({
      contentDir: content,
      outDir: out,
      now: () => new Date('2026-03-01T00:00:00Z'),
      // One worker, one batch: the stuck file sits mid-batch, with files before and after it.
      ingest: { minFiles: 0, workers: 1, deadlineMs: DEADLINE, parseModule: SPIN_MODULE },
    });
    expect(report.rejected).toEqual([{ key: 'spin.txt', code: 'parse-timeout', reason: parseTimeoutReason(DEADLINE), size: Buffer.byteLength(`Never done\n\n${SPIN_MARKER}\n`) }]);
    expect(report.articles).toBe(5);
    const feed = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')) as { items: { title: string }[] };
    expect(feed.items.map((i) => i.title).sort()).toEqual(['Story a', 'Story b', 'Story c', 'Story d', 'Story e']);
  });
});
