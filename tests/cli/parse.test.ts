import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import { runFeedpubSync } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'feedpub-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = join(dir, '000_47caeb000f8095de.txt');
copyFileSync(join(import.meta.dirname, '../../content/000_47caeb000f8095de.txt'), seed);
utimesSync(seed, new Date('2024-10-31T09:00:00.250Z'), new Date('2024-10-31T09:00:00.250Z'));
const bad = join(dir, 'bad.txt');
writeFileSync(bad, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
const config = join(dir, 'site.json');
writeFileSync(config, JSON.stringify({ title: 'T', baseUrl: 'https://news.example.com/', description: 'D', language: 'en', defaultAuthor: 'Desk' }));

function parse(...args: string[]) {
  // cwd = the temp dir: no content/site.json there, so the defaults apply unless --config says otherwise.
  return runFeedpubSync(['parse', ...args], { cwd: dir });
}

describe('feedpub parse', () => {
  it('prints the seed as one Article: key = file name, published = mtime, defaults site', () => {
    const run = parse(seed);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout);
    expect(article.source).toEqual({ key: '000_47caeb000f8095de.txt', size: 3393 });
    expect(article.published).toBe('2024-10-31T09:00:00Z');
    expect(article.url).toBe('http://localhost:8787/articles/us-pushes-for-cease-fire-as-israel-escalates-fight-against-hezbollah/');
    expect(article.authors).toEqual(['Staff']);
    expect(article.id).toBe(articleIdForKey('000_47caeb000f8095de.txt'));
    expect(run.stdout.startsWith('{\n  "id": ')).toBe(true); // pretty-printed
  });

  it('--config and --json-array; a bad file is reported on stderr, the rest still printed, exit 1', () => {
    const run = parse('--config', config, '--json-array', bad, seed, join(dir, 'missing.txt'));
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      `feedpub parse: ${bad}: binary content (JPEG) in a .txt upload [binary]`,
      `feedpub parse: ${join(dir, 'missing.txt')}: cannot read: ENOENT`,
      '',
    ]);
    const articles = JSON.parse(run.stdout);
    expect(articles).toHaveLength(1);
    expect(articles[0].url).toMatch(/^https:\/\/news\.example\.com\/articles\//);
    expect(articles[0].authors).toEqual(['Desk']);
  });

  it('a bad site config is an error naming the field, exit 2', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ title: 'T', baseUrl: 'not a url', description: 'D', language: 'en', defaultAuthor: 'Desk' }));
    const run = parse('--config', broken, seed);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`feedpub parse: ${broken}: site config: "baseUrl" is not an absolute URL: not a url\n`);
    expect(run.stdout).toBe('');
  });
});
