// The "done when": build the sample content folder, validate it, and read the three feeds back
// with independent parsers (a feed reader library for RSS and Atom, JSON.parse for JSON Feed).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import { feedpubSync as feedpub } from '../support/cli';

const SEED_KEY = '000_47caeb000f8095de.txt';
const SEED_TITLE = 'US pushes for cease-fire as Israel escalates fight against Hezbollah';
const CREDIT = 'Maher Abou Taleb/Reuters';


let out: string;
let build: ReturnType<typeof feedpub>;
const read = (path: string): string => readFileSync(join(out, path), 'utf8');

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'feedpub-e2e-'));
  build = feedpub('build', '--content', 'content', '--out', out, '--quiet');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('feedpub build --content content, then validate', () => {
  it('builds with a summary line and validates clean', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^built \d+ articles, 3 feeds \+ \d+ archive feeds, \d+ pages, [\d.]+ [kM]?B in \d+ ms\n/);
    const validate = feedpub('validate', out);
    expect(validate.stdout).toMatch(/^ok: \d+ files, \d+ feeds, \d+ items checked\n$/);
    expect(validate.code).toBe(0);
  });

  it('RSS, read by a feed reader library, shows the seed with its credit and no publisher boilerplate', () => {
    const xml = read('feed.xml');
    const seed = parseFeed(xml).items.find((i) => i.title === SEED_TITLE);
    expect(seed?.id).toBe(articleIdForKey(SEED_KEY));
    expect(seed?.content).toContain(CREDIT);
    expect(seed?.content).toContain('Senior White House officials are traveling to Israel on Thursday');
    expect(xml).not.toContain('More from GZERO Media');

    // Media RSS: photographer and agency as separate credits (a second, independent XML reader).
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => n === 'item' || n === 'media:credit' }).parse(xml);
    const item = doc.rss.channel.item.find((i: { title: string }) => i.title === SEED_TITLE);
    const credits = Object.fromEntries(item['media:credit'].map((c: Record<string, string>) => [c['@_role'], c['#text']]));
    expect(credits).toEqual({ photographer: 'Maher Abou Taleb', 'distribution company': 'Reuters' });
  });

  it('Atom, read by a feed reader library, shows the seed with its credit', () => {
    const xml = read('atom.xml');
    const seed = parseFeed(xml).items.find((i) => i.title === SEED_TITLE);
    expect(seed?.id).toBe(articleIdForKey(SEED_KEY));
    expect(seed?.content).toContain(CREDIT);
    expect(xml).not.toContain('More from GZERO Media');
  });

  it('JSON Feed carries the structured credit in _feedpub', () => {
    const feed = JSON.parse(read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    const seed = feed.items.find((i: { title: string }) => i.title === SEED_TITLE);
    expect(seed.id).toBe(articleIdForKey(SEED_KEY));
    expect(seed._feedpub.images[0].credit).toMatchObject({ display: CREDIT, photographer: 'Maher Abou Taleb', agency: 'Reuters', raw: 'REUTERS/Maher Abou Taleb' });
    expect(seed.content_html).toContain(CREDIT);
    expect(JSON.stringify(feed)).not.toContain('More from GZERO Media');
  });

  it('writes the seed permalink page the feeds link to', () => {
    const feed = JSON.parse(read('feed.json'));
    const seed = feed.items.find((i: { title: string }) => i.title === SEED_TITLE);
    const path = new URL(seed.url).pathname.slice(1);
    expect(path).toMatch(/^articles\/[a-z0-9-]+\/$/);
    expect(read(`${path}index.html`)).toContain(CREDIT);
  });
});

describe('tag feeds and pages in the build (docs/tags.md)', () => {
  it('each tag on an article page links to a tag page whose three feeds list that article', async () => {
    const { readdirSync, existsSync } = await import('node:fs');
    let links = 0;
    for (const slug of readdirSync(join(out, 'articles'))) {
      const page = read(`articles/${slug}/index.html`);
      for (const [, tag] of page.matchAll(/<a rel="tag" href="http:\/\/localhost:8787\/tags\/([^"/]+)\/">/g)) {
        links++;
        expect(existsSync(join(out, `tags/${tag}/index.html`)), tag).toBe(true);
        const url = `http://localhost:8787/articles/${slug}/`;
        expect((JSON.parse(read(`tags/${tag}/feed.json`)) as { items: { url: string }[] }).items.map((i) => i.url)).toContain(url);
        expect(parseFeed(read(`tags/${tag}/feed.xml`)).items.map((i) => i.url)).toContain(url);
        expect(parseFeed(read(`tags/${tag}/atom.xml`)).items.map((i) => i.url)).toContain(url);
        expect(read(`tags/${tag}/index.html`)).toContain(`href="${url}"`);
      }
    }
    expect(links).toBeGreaterThan(10);
  });

  it('feedpub validate checks tag feeds: a tag feed naming another file as itself is reported', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const copy = mkdtempSync(join(tmpdir(), 'feedpub-e2e-tags-'));
    try {
      cpSync(out, copy, { recursive: true });
      const path = 'tags/festivals/feed.json';
      const feed = JSON.parse(read(path)) as { feed_url: string };
      writeFileSync(join(copy, path), JSON.stringify({ ...feed, feed_url: 'http://localhost:8787/tags/festivals/other.json' }));
      const validate = feedpub('validate', copy);
      expect(validate.code).toBe(1);
      expect(validate.stdout).toContain(`${path}: [self-link]`);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
