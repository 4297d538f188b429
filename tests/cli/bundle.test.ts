// The bundled `feedpub` (what `npm install` builds with functions/cli/bundle.mjs) runs on plain Node,
// and bin.mjs runs it only while it is up to date with its sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../../functions/cli/entry.mjs';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `feedpub-${name}-`));
  dirs.push(dir);
  return dir;
}

describe('the bundled command', () => {
  let bundle: string;
  beforeAll(() => {
    bundle = tempDir('bundle');
    const built = spawnSync(process.execPath, ['functions/cli/bundle.mjs', '--outdir', bundle], { encoding: 'utf8' });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
  }, 60_000);
  // Plain node, no TypeScript loader: a .ts import left in the bundle would fail here.
  const run = (...args: string[]) => spawnSync(process.execPath, [join(bundle, 'main.mjs'), ...args], { encoding: 'utf8' });

  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = run(flag);
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });

  it('lists every command in --help', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    for (const command of ['parse', 'credit', 'build', 'validate', 'upload', 'delete', 'dev']) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(result.stdout).toContain('--version');
  });

  it('builds a site that its own validate accepts', () => {
    const content = tempDir('content');
    writeFileSync(join(content, 'site.json'), JSON.stringify({ title: 'Bundle desk', baseUrl: 'https://news.example.com' }));
    for (const [name, title, date] of [['a.txt', 'First story', '2024-05-01'], ['b.txt', 'Second story', '2024-06-02']]) {
      writeFileSync(join(content, name as string), `Title: ${title}\nDate: ${date}\n\nA paragraph of the ${title}, long enough to be a body.\n`);
    }
    const out = tempDir('out');
    const built = run('build', '--content', content, '--out', out, '--quiet');
    expect(built.stderr).toBe('');
    expect(built.stdout).toMatch(/^built 2 articles, 3 feeds \+ 6 archive feeds, 2 pages/);
    const rss = new XMLParser().parse(readFileSync(join(out, 'feed.xml'), 'utf8')) as { rss: { channel: { title: string; item: { title: string }[] } } };
    expect(rss.rss.channel.title).toBe('Bundle desk');
    expect(rss.rss.channel.item.map((i) => i.title)).toEqual(['Second story', 'First story']);
    const validated = run('validate', out);
    expect(validated.stdout).toMatch(/^ok: /);
    expect(validated.status).toBe(0);
  });
});

describe('bundleEntry (which code bin.mjs runs)', () => {
  const past = new Date('2020-01-01T00:00:00Z');
  const built = new Date('2021-01-01T00:00:00Z');
  const later = new Date('2022-01-01T00:00:00Z');
  function tree(): { root: string; main: string } {
    const root = tempDir('entry');
    mkdirSync(join(root, '.git')); // a working copy, where the sources are checked
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), '');
    utimesSync(join(root, 'src/a.ts'), past, past);
    writeFileSync(join(root, 'dist/cli/inputs.json'), JSON.stringify({ inputs: ['src/a.ts'], ifPresent: ['lock.json'] }));
    const main = join(root, 'dist/cli/main.mjs');
    writeFileSync(main, '');
    utimesSync(main, built, built);
    return { root, main };
  }

  it('is the bundle while every input is older than it', () => {
    const { root, main } = tree();
    expect(bundleEntry(root, {})).toBe(pathToFileURL(main).href);
    expect(bundleEntry(root, { FEEDPUB_FROM_SOURCE: '0' })).toBe(pathToFileURL(main).href);
  });

  it.each([
    ['FEEDPUB_FROM_SOURCE=1', (root: string) => root, { FEEDPUB_FROM_SOURCE: '1' }],
    ['an input edited after the build', (root: string) => (utimesSync(join(root, 'src/a.ts'), later, later), root), {}],
    ['the lock file newer than the bundle', (root: string) => (writeFileSync(join(root, 'lock.json'), '{}'), root), {}],
    ['an input that is gone', (root: string) => (rmSync(join(root, 'src/a.ts')), root), {}],
    ['no bundle', (root: string) => (rmSync(join(root, 'dist'), { recursive: true }), root), {}],
  ])('is the sources with %s', (_case, change, env) => {
    const { root } = tree();
    expect(bundleEntry(change(root), env)).toBeUndefined();
  });

  it('ignores a lock file older than the bundle', () => {
    const { root, main } = tree();
    writeFileSync(join(root, 'lock.json'), '{}');
    utimesSync(join(root, 'lock.json'), past, past);
    expect(bundleEntry(root, {})).toBe(pathToFileURL(main).href);
  });

  it('is the bundle of an installed package (no .git) whatever the file times, the sources when it has none', () => {
    const { root, main } = tree();
    rmSync(join(root, '.git'), { recursive: true });
    utimesSync(join(root, 'src/a.ts'), later, later);
    expect(bundleEntry(root, {})).toBe(pathToFileURL(main).href);
    expect(bundleEntry(root, { FEEDPUB_FROM_SOURCE: '1' })).toBeUndefined();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(bundleEntry(root, {})).toBeUndefined();
  });
});
