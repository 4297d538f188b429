// Issue 10's "30 articles near the 2 MB limit" through both stages on the real local S3 server (the
// render-level check is tests/unit/render/budget.test.ts): 30 uploads of ~1.9 MB published in
// batches of 10, as the FIFO queue delivers them, then a one-paragraph upload. Every head feed stays
// within its byte budget and still lists every item; the small upload publishes, first and whole.
// Feeds are read back with independent parsers (fast-xml-parser, JSON.parse).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { HEAD_KEY } from '../../functions/core/site-index/paths';
import { defaultCore } from '../../functions/pipeline/default-core';
import type { PublishDeps } from '../../functions/pipeline/publish';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { bodyText, readJsonFeed, readXml } from '../support/read-back';
import { ingestAndPublish } from '../support/stages';

const config: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
const now = () => new Date('2026-06-01T12:00:00Z');
let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3?.close());
const deps = (): PublishDeps => ({ uploads: s3.uploads, siteStore: s3.siteStore, config, core: defaultCore, now });

/** A plain-text article of about `bytes`: paragraphs of ordinary sentences, dated a day apart. */
function longArticle(n: number, bytes: number): string {
  const head = `Long report ${n}\nDate: 2026-05-${String(n + 1).padStart(2, '0')}T08:00:00Z\n\n`;
  const paragraphs: string[] = [];
  let size = head.length;
  for (let p = 0; size < bytes; p++) {
    const paragraph = Array.from({ length: 6 }, (_, s) => `Paragraph ${p} of report ${n} goes on with sentence ${s} about the harbour and the weather.`).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return head + paragraphs.join('\n\n') + '\n';
}

const text = async (path: string) => bodyText(Buffer.from((await s3.siteStore.get(path))!.bytes).toString('utf8'));

describe('30 articles near the 2 MB limit, then a small one', () => {
  it('head feeds stay within budget with every item; the later small upload publishes first and whole', { timeout: 600_000 }, async () => {
    const keys = Array.from({ length: 30 }, (_, n) => `long/report-${String(n).padStart(2, '0')}.txt`);
    for (const [n, key] of keys.entries()) {
      const body = longArticle(n, 1.9 * 1024 * 1024);
      expect(Buffer.byteLength(body)).toBeLessThan(config.maxUploadBytes);
      await s3.uploads.put(key, body);
    }
    for (let at = 0; at < keys.length; at += 10) {
      const batch = await ingestAndPublish(deps(), keys.slice(at, at + 10));
      expect(batch.results.map((r) => r.outcome)).toEqual(Array(10).fill('published'));
    }
    await s3.uploads.put('short/note.txt', 'Short note\nDate: 2026-05-31T09:00:00Z\n\nOne paragraph, published as it is.\n');
    const small = await ingestAndPublish(deps(), ['short/note.txt']);
    expect(small.results).toMatchObject([{ key: 'short/note.txt', outcome: 'published' }]);

    for (const path of ['feed.xml', 'atom.xml', 'feed.json']) expect(Buffer.byteLength(await text(path)), path).toBeLessThanOrEqual(config.headFeedBytes);
    const rss = readXml(await text('feed.xml')).rss.channel.item as { title: string; 'content:encoded': string }[];
    const atom = readXml(await text('atom.xml')).feed.entry as unknown[];
    const json = readJsonFeed(await text('feed.json')).items;
    expect([rss.length, atom.length, json.length]).toEqual([31, 31, 31]);
    expect(rss[0]!.title).toBe('Short note');
    expect(rss[0]!['content:encoded']).toContain('One paragraph, published as it is.');
    expect(rss[0]!['content:encoded']).not.toMatch(/Continue reading|Read the article/);
    // The index is bounded too: an entry keeps at most one item budget of HTML (60.6 MB before that rule).
    const headBytes = (await s3.siteStore.head(HEAD_KEY))!.size;
    expect(headBytes).toBeLessThanOrEqual(31 * (config.itemContentBytes + 16 * 1024));
  });
});
