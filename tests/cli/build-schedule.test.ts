// `feedpub build --now`: the folder build holds a future-dated article by the publish stage's rule
// (core/site-index/schedule.ts: a STATED date more than SCHEDULE_SKEW_MS after the clock), says so in its
// summary, and writes nothing that names it. The clock is the --now flag, never the machine's.
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_SKEW_MS } from '../../functions/core/site-index/schedule';
import { feedpubSync, isoSeconds as iso, tempDirs } from '../support/cli';

const tempDir = tempDirs();
const SITE = { title: 'Test desk', baseUrl: 'https://news.example.com', description: 'Tests', language: 'en', defaultAuthor: 'Staff' };
const NOW = Date.parse('2030-06-15T12:00:00Z');
const story = (title: string, date?: string) => `Title: ${title}\n${date ? `Date: ${date}\n` : ''}\nFirst paragraph of ${title.toLowerCase()}.\n`;

function content(): string {
  const dir = tempDir('content');
  const files: Record<string, string> = {
    'site.json': JSON.stringify(SITE),
    'past.txt': story('Past story', '2030-06-01T08:00:00Z'),
    // Exactly at the allowance: published (the rule holds only what is strictly beyond it).
    'edge.txt': story('Edge story', iso(NOW + SCHEDULE_SKEW_MS)),
    // One second beyond it: held.
    'later.txt': story('Later story quokka', iso(NOW + SCHEDULE_SKEW_MS + 1000)),
    'desk/embargo.md': `---\ntitle: Secret merger zebrafinch\ndate: 2030-07-01T09:00:00Z\n---\nEmbargoed body.\n`,
    // No stated date: the file's time stands in for it, and a date feedpub chose never holds.
    'undated.txt': story('Undated story'),
  };
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  const future = new Date(NOW + 3 * 86_400_000); // still June
  utimesSync(join(dir, 'undated.txt'), future, future);
  return dir;
}

function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${join(e.parentPath, e.name)}\n${readFileSync(join(e.parentPath, e.name), 'utf8')}`)
    .join('\n');
}

describe('feedpub build --now', () => {
  const source = content();

  it('holds what is dated beyond the allowance, publishes the rest, and lists the held soonest first', () => {
    const out = tempDir('out');
    const run = feedpubSync('build', '--content', source, '--out', out, '--now', iso(NOW));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^built 3 articles, .*; 2 held until their dates$/);
    expect(lines.slice(1)).toEqual([
      `  later.txt: held until ${iso(NOW + SCHEDULE_SKEW_MS + 1000)} "Later story quokka" [scheduled]`,
      '  desk/embargo.md: held until 2030-07-01T09:00:00Z "Secret merger zebrafinch" [scheduled]',
    ]);
    const titles = (JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')).items as { title: string }[]).map((i) => i.title).sort();
    expect(titles).toEqual(['Edge story', 'Past story', 'Undated story']);
    expect(JSON.parse(readFileSync(join(out, 'status.json'), 'utf8')).articles).toBe(3);
    // Nothing written names a held article: no title, no key, no page, no archive month of its own.
    const site = allText(out);
    for (const secret of ['quokka', 'zebrafinch', 'embargo', 'later.txt', 'Embargoed body']) expect(site).not.toContain(secret);
    // archive/ also holds the HTML archive index (archive/index.html): only the month folders matter here.
    expect(readdirSync(join(out, 'archive')).filter((name) => /^\d{4}-\d{2}$/.test(name))).toEqual(['2030-06']);
  });

  it('publishes them all once the clock has reached their dates', () => {
    const out = tempDir('out');
    const run = feedpubSync('build', '--content', source, '--out', out, '--now', '2030-07-01T09:00:00Z');
    expect(run.stdout.split('\n')[0]).toMatch(/^built 5 articles, [^;]*$/);
    expect(allText(out)).toContain('Secret merger zebrafinch');
  });

  it('refuses a --now that is not an instant with an offset (exit 2)', () => {
    for (const bad of ['tomorrow', '2030-06-15', '2030-06-15T12:00:00']) {
      const run = feedpubSync('build', '--content', source, '--out', tempDir('out'), '--now', bad);
      expect(run.stderr).toContain('--now must be an RFC 3339 time with an offset');
      expect(run.code).toBe(2);
    }
  });
});
