// The ingest stage loads the Markdown stack and franc-min only for an upload that needs them
// (functions/core/parse-stacks.ts). Checked in a fresh process: this one has them loaded by the
// vitest setup file. The verdicts must equal those of a process that had every stack loaded.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('parser stacks load on first need', () => {
  it('a plain English .txt loads neither stack; a French one loads franc-min; a .md the Markdown stack', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/fixtures/parse-stacks-probe.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { key: string; verdict: string; stacks: string[]; language: string; html: string });
    const franc = 'language detection (franc-min)';
    const markdown = 'Markdown (markdown-it, sanitize-html)';
    expect(lines.map((l) => [l.key, l.verdict, l.stacks])).toEqual([
      ['plain.txt', 'article', []],
      ['french.txt', 'article', [franc]],
      // franc-min from the French upload before it (the .md states its language).
      ['story.md', 'article', [markdown, franc]],
    ]);
    // Loading on the retry parses to the same result as a process that loaded everything first.
    expect(lines.map((l) => l.language)).toEqual(['en', 'fr', 'en']);
    expect(lines[2]?.html).toBe('<p>Some <em>emphasis</em> and a <a href="https://example.com/">link</a>.</p>');
  });
});
