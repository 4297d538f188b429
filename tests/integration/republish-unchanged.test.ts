// Republish on the real local S3 server (s3rver) under an injected clock that moves between runs:
// after a republish every stored public output equals a render from the index (checkOutputsAgainstIndex
// covers every kind in the output table: no stored file is left unchecked), and a second republish a
// day later writes nothing (counted at the store), although the news sitemap's two-day window has
// moved past an article. The tag index page (tags/) appears with the first tag and follows tags.
import { parseDocument } from 'htmlparser2';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAG_LIST_KEY } from '../../functions/core/site-index/tags';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import type { PublishDeps } from '../../functions/pipeline/publish';
import { republishSite, type RepublishReport } from '../../functions/pipeline/republish';
import { publishChunk } from '../../functions/pipeline/republish-chunk';
import { checkOutputsAgainstIndex } from '../../functions/pipeline/verify-outputs';
import { CountingObjectStore } from '../../functions/store/counting';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { ingestAndPublish } from '../support/stages';

const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 3 };
let s3: LocalS3;
let site: CountingObjectStore;
let clock = '2026-05-20T12:00:00Z';
const deps = (): PublishDeps => ({ uploads: s3.uploads, siteStore: site, config, core: defaultCore, now: () => new Date(clock) });

beforeAll(async () => {
  s3 = await startLocalS3();
  site = new CountingObjectStore(s3.siteStore);
});
afterAll(() => s3?.close());

const md = (title: string, date: string, tags: string[] = []) => `---\ntitle: ${title}\ndate: ${date}\n${tags.length > 0 ? `tags: ${tags.join(', ')}\n` : ''}---\n\nBody of ${title}.\n`;
const put = async (key: string, body: string) => {
  await s3.uploads.put(key, body);
  return ingestAndPublish(deps(), [key]);
};
const remove = async (key: string) => {
  await s3.uploads.delete(key);
  return ingestAndPublish(deps(), [key]);
};
const text = async (path: string) => {
  const found = await s3.siteStore.get(path);
  return found && Buffer.from(found.bytes).toString('utf8');
};

function republish(run: string): Promise<RepublishReport> {
  const d = deps();
  return republishSite({ uploads: d.uploads, records: site, siteStore: site, config, core: defaultCore, now: d.now, run, chunkSize: 2, submit: async (chunk) => (await publishChunk(d, chunk)).report });
}

/** The news sitemap's article URLs, read with fast-xml-parser. */
async function newsLocs(): Promise<string[]> {
  const xml = await text('sitemap-news.xml');
  if (xml === undefined) return [];
  const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml) as { urlset: { url?: { loc: string }[] } };
  return (parsed.urlset.url ?? []).map((u) => u.loc).sort();
}

/** The links of tags/index.html's list, read with htmlparser2. */
async function tagIndexLinks(): Promise<{ href: string; text: string }[] | undefined> {
  const html = await text('tags/index.html');
  if (html === undefined) return undefined;
  const links: { href: string; text: string }[] = [];
  const walk = (node: { name?: string; attribs?: Record<string, string>; children?: unknown[]; data?: string }, inList: boolean) => {
    const here = inList || (node.name === 'ul' && node.attribs?.class === 'tags');
    if (here && node.name === 'a') {
      const textOf = (n: { data?: string; children?: unknown[] }): string => n.data ?? (n.children ?? []).map((c) => textOf(c as typeof n)).join('');
      links.push({ href: node.attribs?.href ?? '', text: textOf(node) });
    }
    for (const child of node.children ?? []) walk(child as typeof node, here);
  };
  walk(parseDocument(html) as never, false);
  return links;
}

async function publicKeys(): Promise<string[]> {
  return (await s3.siteStore.list('')).filter((k) => !k.startsWith('_feedpub/') && !k.startsWith('images/')).sort();
}

describe('republish of an unchanged site, a day later', () => {
  it('builds a site with tags (one deleted article, so deletion records too)', async () => {
    await put('desk/a.md', md('Ferry strike', '2026-05-19T00:00:00Z', ['Harbour', 'Transport']));
    await put('desk/b.md', md('Harbour fire', '2026-05-20T11:00:00Z', ['Harbour']));
    await put('desk/c.md', md('Spring tides', '2026-04-10T08:00:00Z', ['Harbour']));
    await put('desk/d.md', md('Winter storms', '2026-03-01T08:00:00Z', ['Harbour', 'Weather']));
    await put('desk/e.md', md('Council vote', '2026-05-18T20:00:00Z'));
    await put('desk/gone.md', md('Withdrawn story', '2026-04-12T08:00:00Z', ['Harbour', 'Weather']));
    await remove('desk/gone.md');
    expect(await newsLocs()).toEqual(['https://news.example.com/articles/council-vote/', 'https://news.example.com/articles/ferry-strike/', 'https://news.example.com/articles/harbour-fire/']);
    expect(await text('tags/harbour/archive/2026-04/atom.xml')).toContain('at:deleted-entry');
  });

  it('after a republish, every stored public output equals a render from the index, and every one was checked', async () => {
    clock = '2026-05-20T13:00:00Z';
    const report = await republish('first');
    expect(report.failed).toEqual([]);
    const check = await checkOutputsAgainstIndex(s3.siteStore, config, defaultCore, clock);
    expect(check.mismatches).toEqual([]);
    // Nothing public is outside the check: sitemaps, archive pages, tag feeds and pages, the tag index included.
    expect(check.paths).toEqual(await publicKeys());
    for (const path of ['sitemap.xml', 'sitemap-news.xml', 'sitemap-2026-04.xml', 'archive/index.html', 'archive/2026-04/index.html', 'robots.txt', 'tags/index.html', 'tags/harbour/feed.xml', 'tags/harbour/archive/2026-04/feed.json', 'tags/harbour/archive/2026-04/index.html']) {
      expect(check.paths, path).toContain(path);
    }
  });

  it('the check fails on a stale output of each kind it covers (it can fail)', async () => {
    for (const path of ['sitemap-news.xml', 'archive/2026-04/index.html', 'tags/harbour/archive/2026-04/atom.xml', 'tags/index.html']) {
      const original = await s3.siteStore.get(path);
      await s3.siteStore.put(path, `${Buffer.from(original?.bytes ?? new Uint8Array()).toString('utf8')} `, { contentType: original?.contentType ?? 'text/plain' });
      const check = await checkOutputsAgainstIndex(s3.siteStore, config, defaultCore, clock);
      expect(check.mismatches, path).toEqual([{ path, problem: 'different' }]);
      await s3.siteStore.put(path, original?.bytes ?? new Uint8Array(), { contentType: original?.contentType ?? 'text/plain', ...(original?.cacheControl && { cacheControl: original.cacheControl }) });
    }
  });

  it('a second republish a day later writes nothing, though "Ferry strike" is now past the two-day window', async () => {
    clock = '2026-05-21T12:00:00Z';
    site.reset();
    const report = await republish('second');
    const counts = site.reset();
    expect(report.failed).toEqual([]);
    expect({ put: counts.put, delete: counts.delete }).toEqual({ put: 0, delete: 0 });
    expect(report.changedPaths).toBe(0);
    // The window ends at the last real change, so the news sitemap is as that change left it.
    expect(await newsLocs()).toContain('https://news.example.com/articles/ferry-strike/');
    expect((await checkOutputsAgainstIndex(s3.siteStore, config, defaultCore, clock)).mismatches).toEqual([]);
  });

  it('the next real change moves the window to its clock', async () => {
    await put('desk/f.md', md('Lifeboat launch', '2026-05-21T11:00:00Z'));
    expect(await newsLocs()).toEqual(['https://news.example.com/articles/harbour-fire/', 'https://news.example.com/articles/lifeboat-launch/']);
  });
});

describe('the tag index page (tags/)', () => {
  const link = (slug: string, name: string) => ({ href: `https://news.example.com/tags/${slug}/`, text: name });

  it('lists every tag that has articles, by slug, linked to its page; tag pages link to it', async () => {
    expect(await tagIndexLinks()).toEqual([link('harbour', 'Harbour'), link('transport', 'Transport'), link('weather', 'Weather')]);
    expect(await text('tags/harbour/index.html')).toContain('<a href="https://news.example.com/tags/">All tags</a>');
  });

  it('an upload into existing tags does not touch the tag list or the page', async () => {
    site.reset();
    const result = await put('desk/g.md', md('Quay repairs', '2026-05-21T11:30:00Z', ['Harbour', 'Weather']));
    expect(result.changedPaths.filter((p) => p.startsWith('tags/') && !p.startsWith('tags/harbour/') && !p.startsWith('tags/weather/'))).toEqual([]);
    expect(result.changedPaths).not.toContain('tags/index.html');
  });

  it('a new tag appears in it; a tag whose last article goes leaves it', async () => {
    await put('desk/h.md', md('Regatta', '2026-05-21T11:40:00Z', ['Sailing']));
    expect((await tagIndexLinks())?.map((l) => l.text)).toEqual(['Harbour', 'Sailing', 'Transport', 'Weather']);
    await put('desk/a.md', md('Ferry strike', '2026-05-19T00:00:00Z', ['Harbour']));
    expect((await tagIndexLinks())?.map((l) => l.text)).toEqual(['Harbour', 'Sailing', 'Weather']);
    await remove('desk/h.md');
    expect((await tagIndexLinks())?.map((l) => l.text)).toEqual(['Harbour', 'Weather']);
  });

  it('a site whose tags predate the list gets it back from a republish (rebuilt from the tag heads)', async () => {
    await s3.siteStore.delete(TAG_LIST_KEY);
    await s3.siteStore.delete('tags/index.html');
    await republish('third');
    expect((await tagIndexLinks())?.map((l) => l.text)).toEqual(['Harbour', 'Weather']);
    expect((await checkOutputsAgainstIndex(s3.siteStore, config, defaultCore, clock)).mismatches).toEqual([]);
  });
});
