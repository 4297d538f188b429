// `feedpub status` as an editor runs it (the real CLI in a child process) against a real local S3
// API whose site bucket the real pipeline wrote: held articles with title and time, quarantined
// uploads with their reason. Dates derive from the clock (faketime-safe).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../functions/core/model';
import { editorStatusOf } from '../../functions/cli/commands/status';
import { defaultCore } from '../../functions/pipeline/default-core';
import { ingestAndPublish } from '../support/stages';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { feedpub, isoSeconds as iso } from '../support/cli';

let s3: LocalS3;
const later = iso(Date.now() + 2 * 86_400_000);
const sooner = iso(Date.now() + 3_600_000);

beforeAll(async () => {
  s3 = await startLocalS3();
  await s3.uploads.put('desk/later.txt', `Budget day coverage\nDate: ${later}\n\nHeld.`);
  await s3.uploads.put('desk/sooner.txt', `Election night live\nDate: ${sooner}\n\nHeld.`);
  await s3.uploads.put('desk/now.txt', `Published today\nDate: ${iso(Date.now() - 60_000)}\n\nOut.`);
  await s3.uploads.put('desk/empty.txt', '');
  await s3.uploads.put('desk/seed.txt', readFileSync(join(import.meta.dirname, '../../content/000_47caeb000f8095de.txt')));
  await s3.uploads.put('desk/copy.txt', `Published again\nDate: ${iso(Date.now() - 60_000)}\n\nOut.`);
  const keys = ['desk/later.txt', 'desk/sooner.txt', 'desk/now.txt', 'desk/empty.txt', 'desk/seed.txt', 'desk/copy.txt'];
  await ingestAndPublish({ uploads: s3.uploads, siteStore: s3.siteStore, config: { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' }, core: defaultCore }, keys);
}, 60_000);
afterAll(async () => {
  await s3?.close();
});

describe('feedpub status', () => {
  it('lists scheduled articles soonest first, and quarantined uploads, from the local stack', async () => {
    const r = await feedpub('status', '--endpoint', s3.endpoint);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('scheduled: 2');
    expect(lines[1]).toBe(`  ${sooner}  desk/sooner.txt  "Election night live"`);
    expect(lines[2]).toBe(`  ${later}  desk/later.txt  "Budget day coverage"`);
    expect(lines[3]).toBe('quarantined: 1');
    expect(lines[4]).toMatch(/^ {2}desk\/empty\.txt {2}empty: /);
    // Published articles are not held: they appear only under "recent".
    expect(lines.slice(0, 5).join('\n')).not.toContain('Published today');
  }, 60_000);

  it('lists recent uploads with their outcome, warnings, repairs and "duplicate of <key>"', async () => {
    const r = await feedpub('status', '--endpoint', s3.endpoint);
    const lines = r.stdout.trim().split('\n');
    const recent = lines.indexOf('recent: 6');
    expect(recent).toBeGreaterThan(0);
    const section = lines.slice(recent + 1);
    const entry = (key: string) => {
      const at = section.findIndex((l) => l.includes(`  ${key}  `) || l.endsWith(`  ${key}`));
      const end = section.findIndex((l, i) => i > at && l.startsWith('  ') && !l.startsWith('    '));
      return section.slice(at, end === -1 ? undefined : end);
    };
    expect(entry('desk/seed.txt')[0]).toMatch(/^ {2}\S+ {2}published {2}desk\/seed\.txt {2}"US pushes for cease-fire/);
    expect(entry('desk/seed.txt')).toContain('    repair (fused-words): "Netanyahureportedly" -> "Netanyahu reportedly"');
    // Same body, one batch: the first key in key order owns it.
    expect(entry('desk/now.txt')).toContain('    warning: duplicate of desk/copy.txt: the same body is already published under that key');
    expect(entry('desk/copy.txt').join('\n')).not.toContain('duplicate');
    expect(entry('desk/empty.txt')).toEqual([expect.stringMatching(/^ {2}\S+ {2}quarantined {2}desk\/empty\.txt$/), '    reason: empty file (0 bytes)']);
    expect(entry('desk/sooner.txt')).toEqual([expect.stringMatching(/^ {2}\S+ {2}scheduled {2}desk\/sooner\.txt {2}"Election night live"$/), `    publishes at ${sooner}`]);
  }, 60_000);

  it('--json gives the same listing as data', async () => {
    const r = await feedpub('status', '--json', '--endpoint', s3.endpoint);
    const status = JSON.parse(r.stdout) as ReturnType<typeof editorStatusOf>;
    expect(status.scheduled.map((s) => [s.key, s.at])).toEqual([
      ['desk/sooner.txt', sooner],
      ['desk/later.txt', later],
    ]);
    expect(status.quarantined.map((q) => q.key)).toEqual(['desk/empty.txt']);
  }, 60_000);

  it('says the stack is not running when nothing answers', async () => {
    const r = await feedpub('status', '--endpoint', 'http://127.0.0.1:9');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/feedpub status: no S3 API answers/);
  }, 60_000);

  it('an empty site lists nothing', () => {
    expect(editorStatusOf(undefined, [])).toEqual({ scheduled: [], quarantined: [], recent: [] });
  });
});
