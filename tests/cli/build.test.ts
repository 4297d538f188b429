import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../functions/folder-build';
import { feedpubSync, tempDirs } from '../support/cli';

const tempDir = tempDirs();
const SITE = { title: 'Test desk', baseUrl: 'https://news.example.com', description: 'Tests', language: 'en', defaultAuthor: 'Staff' };
// JPEG magic bytes: a photo saved with the wrong extension.
const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]);

/** A PNG header (signature + IHDR) of the given size: all image-size needs. */
function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), length, Buffer.from('IHDR'), ihdr, Buffer.alloc(4)]);
}

function contentDir(files: Record<string, string | Buffer>): string {
  const dir = tempDir('content');
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

function article(title: string, date?: string): string {
  return `${date ? `Title: ${title}\nDate: ${date}\n\n` : `${title}\n\n`}First paragraph of ${title.toLowerCase()}, long enough to be a body.\n\nSecond paragraph.\n`;
}


function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    hashes[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return hashes;
}

function jsonFeed(out: string): { items: { title: string; date_published: string; image?: string; url: string }[] } {
  return JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'));
}

describe('feedpub build (CLI)', () => {
  const content = contentDir({
    'site.json': JSON.stringify(SITE),
    'good.txt': article('Good news', '2024-10-31'),
    'desk/other.md': '---\ntitle: Other news\ndate: 2024-09-15\n---\nBody of the other story.\n',
    'bad.txt': JPEG_BYTES,
  });

  it('skips a bad file, lists it under the summary line, and exits 0', () => {
    const out = tempDir('out');
    const run = feedpubSync('build', '--content', content, '--out', out);
    const lines = run.stdout.split('\n');
    // Two months (2024-09, 2024-10) x 3 formats = 6 archive feeds.
    expect(lines[0]).toMatch(/^built 2 articles, 3 feeds \+ 6 archive feeds, 2 pages, [\d.]+ kB in \d+ ms; 1 quarantined$/);
    expect(lines.slice(1)).toEqual(['  bad.txt: binary content (JPEG) in a .txt upload [binary]', '']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(jsonFeed(out).items.map((i) => i.title)).toEqual(['Good news', 'Other news']);
    // The public status page counts the quarantined file, as in the pipeline; its name stays in the summary above.
    expect(JSON.parse(readFileSync(join(out, 'status.json'), 'utf8')).quarantined).toBe(1);
    expect(readFileSync(join(out, 'status/index.html'), 'utf8')).not.toContain('bad.txt');
  });

  it('exits 1 with --strict when a file was quarantined, still writing the good ones', () => {
    const out = tempDir('out');
    const run = feedpubSync('build', '--content', content, '--out', out, '--strict');
    expect(run.stdout).toContain('; 1 quarantined');
    expect(run.code).toBe(1);
    expect(jsonFeed(out).items).toHaveLength(2);
  });

  it('exits 2 naming the field when site.json is invalid', () => {
    const bad = contentDir({ 'site.json': JSON.stringify({ ...SITE, baseUrl: 'news.example.com' }), 'a.txt': article('A') });
    const run = feedpubSync('build', '--content', bad, '--out', tempDir('out'));
    expect(run.stderr).toBe(`feedpub build: ${join(bad, 'site.json')}: site config: "baseUrl" is not an absolute URL: news.example.com\n`);
    expect(run.code).toBe(2);
  });

  it('exits 2 when --config names a missing file or the content folder is missing', () => {
    const missingConfig = feedpubSync('build', '--content', content, '--out', tempDir('out'), '--config', join(content, 'nope.json'));
    expect(missingConfig.stderr).toContain('nope.json does not exist');
    expect(missingConfig.code).toBe(2);
    const missingContent = feedpubSync('build', '--content', join(content, 'nope'), '--out', tempDir('out'));
    expect(missingContent.stderr).toContain('does not exist');
    expect(missingContent.code).toBe(2);
  });
});

// A terminal for the CLI: util-linux `script` runs it under a pseudo-terminal, so stderr.isTTY is true.
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('feedpub build progress bar', () => {
  function folderOf(count: number): string {
    const files: Record<string, string> = { 'site.json': JSON.stringify(SITE) };
    for (let i = 0; i < count; i++) files[`n/${String(i).padStart(3, '0')}.txt`] = article(`Story ${i}`, '2024-10-01');
    return contentDir(files);
  }
  function onTerminal(content: string, ...extra: string[]): string {
    const command = ['node', 'functions/cli/bin.mjs', 'build', '--content', content, '--out', tempDir('out'), ...extra].join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    return run.stdout;
  }

  it.skipIf(!hasScript)('is drawn on a terminal for more than 200 files, and not with --quiet or for 200', () => {
    const many = folderOf(201);
    const drawn = onTerminal(many);
    expect(drawn).toMatch(/read \[[=-]+\] \d+\/201/);
    expect(drawn).toContain('built 201 articles');
    expect(onTerminal(many, '--quiet')).not.toContain('read [');
    expect(onTerminal(folderOf(200))).not.toContain('read [');
  }, 120_000);
});

describe('buildSite', () => {
  it('dates an article by its Date header, else dates.json (relative path, then base name), else the file time', async () => {
    const content = contentDir({
      'site.json': JSON.stringify(SITE),
      'header.txt': article('Header date', '2024-03-05'),
      'named.txt': article('Dated by base name'),
      'desk/path.txt': article('Dated by path'),
      'other/path.txt': article('Same name, other folder'),
      'mtime.txt': article('Dated by file time'),
      'dates.json': JSON.stringify({
        'header.txt': '2020-01-01', // the header wins
        'named.txt': '2024-02-10T08:00:00Z',
        'desk/path.txt': '2024-01-20',
        'path.txt': '2023-12-01', // base-name entry: only for other/path.txt (desk/path.txt has its own)
      }),
    });
    utimesSync(join(content, 'mtime.txt'), new Date('2022-06-07T10:11:12.345Z'), new Date('2022-06-07T10:11:12.345Z'));
    const out = tempDir('out');
    await buildSite({ contentDir: content, outDir: out });
    const dates = Object.fromEntries(jsonFeed(out).items.map((i) => [i.title, i.date_published]));
    expect(dates).toEqual({
      'Header date': '2024-03-05T00:00:00Z',
      'Dated by base name': '2024-02-10T08:00:00Z',
      'Dated by path': '2024-01-20T00:00:00Z',
      'Same name, other folder': '2023-12-01T00:00:00Z',
      'Dated by file time': '2022-06-07T10:11:12Z',
    });
  });

  it('rejects a dates.json entry that is not a date', async () => {
    const content = contentDir({ 'a.txt': article('A'), 'dates.json': '{"a.txt": "last Tuesday"}' });
    await expect(buildSite({ contentDir: content, outDir: tempDir('out') })).rejects.toThrow('"a.txt" has no readable date: "last Tuesday"');
  });

  it('copies a sidecar image to its content-addressed path and shows it in the feed', async () => {
    const image = png(640, 480);
    const content = contentDir({ 'site.json': JSON.stringify(SITE), 'story.txt': article('Story with a picture', '2024-10-01'), 'story.png': image });
    const out = tempDir('out');
    const report = await buildSite({ contentDir: content, outDir: out });
    const path = `images/${createHash('sha256').update(image).digest('hex').slice(0, 16)}.png`;
    expect(readFileSync(join(out, path))).toEqual(image);
    expect(jsonFeed(out).items[0]?.image).toBe(`https://news.example.com/${path}`);
    expect(report.rejected).toEqual([]);
  });

  it('gives the same slug twice a numbered suffix in key order, and ignores dotfiles and settings', async () => {
    const content = contentDir({
      'site.json': JSON.stringify(SITE),
      'b.txt': article('Same title', '2024-10-02'),
      'a.txt': article('Same title', '2024-10-01'),
      '.DS_Store': Buffer.from([0, 1, 2]),
      '.git/config': '[core]',
      'notes.docx': 'not an article',
    });
    const out = tempDir('out');
    const report = await buildSite({ contentDir: content, outDir: out });
    const urls = Object.fromEntries(jsonFeed(out).items.map((i) => [i.date_published, i.url]));
    expect(urls).toEqual({
      '2024-10-01T00:00:00Z': 'https://news.example.com/articles/same-title/',
      '2024-10-02T00:00:00Z': 'https://news.example.com/articles/same-title-2/',
    });
    expect(report.rejected.map((r) => [r.key, r.code])).toEqual([['notes.docx', 'unsupported-type']]);
  });

  it('does not read its own output when --out is inside the content folder', async () => {
    const content = contentDir({ 'site.json': JSON.stringify(SITE), 'one.txt': article('One', '2024-10-01') });
    const out = join(content, 'public');
    const first = await buildSite({ contentDir: content, outDir: out });
    const second = await buildSite({ contentDir: content, outDir: out });
    expect([first.articles, first.rejected]).toEqual([1, []]);
    expect([second.articles, second.rejected]).toEqual([1, []]);
  });

  it('is deterministic: two builds of the same folder are byte-identical', async () => {
    const content = contentDir({
      'site.json': JSON.stringify(SITE),
      'one.txt': article('One'),
      'two/two.md': '---\ntitle: Two\ntags: [a, b]\n---\nBody *two*.\n',
      'two/two.png': png(10, 20),
      'bad.txt': JPEG_BYTES,
    });
    const first = tempDir('out');
    const second = tempDir('out');
    await buildSite({ contentDir: content, outDir: first });
    await buildSite({ contentDir: content, outDir: second });
    const hashes = hashTree(first);
    // 3 head feeds, 3 archive feeds (one month), 2 pages, home, style.css, feed.xsl, 404.html, subscribe page, status.json + page, 1 image,
    // the month's sitemap and archive page, the archive index, sitemap.xml, robots.txt; tags a and b: 3 feeds and a page
    // each (no tag archives: each tag fits its head), and the tag index; and the news sitemap when the files' dates (their
    // mtimes) are within two days of the build's clock, which depends on when the test runs.
    expect(Object.keys(hashes).filter((path) => path !== 'sitemap-news.xml')).toHaveLength(30);
    expect(Object.keys(hashes).filter((p) => p.startsWith('tags/')).sort()).toEqual([
      ...['a', 'b'].flatMap((t) => ['atom.xml', 'feed.json', 'feed.xml', 'index.html'].map((f) => `tags/${t}/${f}`)),
      'tags/index.html',
    ]);
    expect(hashTree(second)).toEqual(hashes);
  });
});
