// Archive and tag pages as a reader reaches them on the local stack (`npm start`: s3rver, the
// pipeline, the site server): a crawl over HTTP from the home page, links read with htmlparser2.
// Every page links to /archive/; every article the sitemap lists is reachable from an /archive/YYYY-MM/
// page; every tag link of an article page leads to a tag page that links its three feeds, each served.
import { Logger } from '@aws-lambda-powertools/logger';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const CONTENT = join(import.meta.dirname, '../../content');
const CLOCK = new Date('2031-03-04T05:06:07.000Z');

interface Node {
  name?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

/** Every <a href> and <link href> of a page, absolute, without fragment. */
function linksOf(html: string, base: string): { rel: string; href: string }[] {
  const out: { rel: string; href: string }[] = [];
  const walk = (node: Node) => {
    if ((node.name === 'a' || node.name === 'link') && node.attribs?.href) {
      const url = new URL(node.attribs.href, base);
      url.hash = '';
      out.push({ rel: node.attribs.rel ?? '', href: url.href });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(parseDocument(html) as Node);
  return out;
}

let dataDir: string;
let stack: LocalStack;
/** Page URL -> its links, for every HTML page reached from the home page. */
const pages = new Map<string, { rel: string; href: string }[]>();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-archive-pages-'));
  stack = await startLocalStack({ port: 0, s3Port: 0, dataDir, contentDir: CONTENT, now: () => CLOCK, logger: new Logger({ logLevel: 'SILENT' }) });
  await stack.queue.drain();
  const origin = new URL(stack.devServer.url).origin;
  const queue = [`${origin}/`];
  while (queue.length > 0 && pages.size < 400) {
    const url = queue.shift() as string;
    if (pages.has(url)) continue;
    const res = await fetch(url);
    expect(res.status, url).toBe(200);
    const links = linksOf(await res.text(), url);
    pages.set(url, links);
    for (const { href } of links) {
      // Pages only (folder URLs); feeds, images and files are checked where they matter.
      if (href.startsWith(origin) && href.endsWith('/') && !pages.has(href) && !href.includes('/status/')) queue.push(href);
    }
  }
}, 180_000);
afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('archive and tag pages on the local stack', () => {
  it('the home page and every page reached link to /archive/', () => {
    const archive = new URL('/archive/', stack.devServer.url).href;
    expect(pages.size).toBeGreaterThan(10);
    for (const [url, links] of pages) expect(links.map((l) => l.href), url).toContain(archive);
  });

  it('/archive/ links month pages; together they reach every article the sitemap lists', async () => {
    const origin = new URL(stack.devServer.url).origin;
    const months = (pages.get(`${origin}/archive/`) ?? []).map((l) => l.href).filter((h) => /\/archive\/\d{4}-\d{2}\/$/.test(h));
    expect(months.length).toBeGreaterThan(0);
    const fromMonths = new Set(months.flatMap((m) => (pages.get(m) ?? []).map((l) => l.href)));
    const xml = (path: string) => fetch(`${origin}/${path}`).then((r) => r.text());
    const index = new XMLParser({ isArray: (name) => name === 'sitemap' }).parse(await xml('sitemap.xml')) as { sitemapindex: { sitemap: { loc: string }[] } };
    const articles: string[] = [];
    for (const child of index.sitemapindex.sitemap.map((s) => new URL(s.loc).pathname.slice(1)).filter((p) => p !== 'sitemap-news.xml')) {
      const set = new XMLParser({ isArray: (name) => name === 'url' }).parse(await xml(child)) as { urlset: { url: { loc: string }[] } };
      articles.push(...set.urlset.url.map((u) => u.loc).filter((loc) => new URL(loc).pathname.startsWith('/articles/')));
    }
    expect(articles.length).toBeGreaterThanOrEqual(8);
    for (const article of articles) expect(fromMonths.has(new URL(new URL(article).pathname, origin).href), article).toBe(true);
  });

  it('tag links of article pages lead to tag pages that link their RSS, Atom and JSON feeds, each served', async () => {
    const origin = new URL(stack.devServer.url).origin;
    const tagPages = new Set([...pages].filter(([url]) => url.includes('/articles/')).flatMap(([, links]) => links.filter((l) => l.rel === 'tag').map((l) => l.href)));
    expect(tagPages.size).toBeGreaterThan(0);
    for (const tagPage of tagPages) {
      expect(pages.has(tagPage), tagPage).toBe(true);
      const feeds = (pages.get(tagPage) ?? []).map((l) => l.href);
      for (const file of ['feed.xml', 'atom.xml', 'feed.json']) {
        const feed = new URL(file, tagPage).href;
        expect(feeds, `${tagPage} links ${file}`).toContain(feed);
        expect((await fetch(feed)).status, feed).toBe(200);
      }
    }
    expect([...tagPages].every((p) => p.startsWith(`${origin}/tags/`))).toBe(true);
  });
});
