import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodSite } from '../support/good-site';
import { feedpubSync } from '../support/cli';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function siteDir(files: Map<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'feedpub-validate-'));
  dirs.push(dir);
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function validate(dir: string) {
  return feedpubSync('validate', dir);
}

describe('feedpub validate', () => {
  it('prints the ok line and exits 0 for a valid site', () => {
    const run = validate(siteDir(goodSite()));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ok: 14 files, 9 feeds, 18 items checked\n');
    expect(run.code).toBe(0);
  });

  it('prints each violation and exits 1', () => {
    const files = goodSite();
    files.set('feed.xml', (files.get('feed.xml') as string).replace('Thu, 31 Oct 2024 00:00:00 GMT</pubDate>', '2024-10-31</pubDate>'));
    files.delete('archive/2024-09/atom.xml');
    const run = validate(siteDir(files));
    expect(run.stdout.split('\n')).toEqual([
      'archive/2024-10/atom.xml: [archive-link] prev-archive link https://news.example.com/archive/2024-09/atom.xml names archive/2024-09/atom.xml, which does not exist',
      'feed.xml: [rss-date] item 1 <pubDate> is not an RFC 822 date: "2024-10-31"',
      '2 violations in 13 files',
      '',
    ]);
    expect(run.code).toBe(1);
  });

  it('exits 2 when the folder does not exist', () => {
    const run = validate(join(tmpdir(), 'feedpub-no-such-folder'));
    expect(run.stderr).toContain('is not a folder');
    expect(run.code).toBe(2);
  });
});
