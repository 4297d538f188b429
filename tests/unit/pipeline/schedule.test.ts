// Scheduled publishing in the publish stage, with an injected clock: a future-dated article is held
// (nothing public names it), published once the clock reaches its date, and deletes and re-dates
// before then are respected. Dates derive from the clock, so the suite passes under faketime.
import { describe, expect, it } from 'vitest';
import { HEAD_KEY } from '../../../functions/core/site-index/paths';
import { PRIVATE_PREFIX } from '../../../functions/core/outputs/formats';
import { holdUntil, SCHEDULE_SKEW_MS } from '../../../functions/core/site-index/schedule';
import type { HeadManifest } from '../../../functions/core/site-index/types';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { defaultCore } from '../../../functions/pipeline/default-core';
import type { PublishScheduler } from '../../../functions/pipeline/scheduler';
import { MemoryObjectStore } from '../../../functions/store/memory';
import { ingestAndPublish } from '../../support/stages';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('holdUntil', () => {
  const now = Date.now();
  it('holds a stated date beyond the skew, until that date', () => {
    expect(holdUntil({ published: iso(now + HOUR), publishedStated: true }, iso(now))).toBe(iso(now + HOUR));
  });
  it('publishes a stated date within the skew, or in the past', () => {
    expect(holdUntil({ published: iso(now + SCHEDULE_SKEW_MS - 1000), publishedStated: true }, iso(now))).toBeUndefined();
    expect(holdUntil({ published: iso(now - HOUR), publishedStated: true }, iso(now))).toBeUndefined();
  });
  it('is strict at the allowance: exactly SCHEDULE_SKEW_MS ahead publishes, one second more holds', () => {
    expect(SCHEDULE_SKEW_MS).toBe(2 * MINUTE);
    expect(holdUntil({ published: iso(now + SCHEDULE_SKEW_MS), publishedStated: true }, iso(now))).toBeUndefined();
    expect(holdUntil({ published: iso(now + SCHEDULE_SKEW_MS + 1000), publishedStated: true }, iso(now))).toBe(iso(now + SCHEDULE_SKEW_MS + 1000));
  });
  it('never holds a date feedpub chose', () => {
    expect(holdUntil({ published: iso(now + HOUR) }, iso(now))).toBeUndefined();
  });
});

class RecordingScheduler implements PublishScheduler {
  readonly at = new Map<string, string>();
  readonly calls: string[] = [];
  async schedule(key: string, at: string) {
    this.at.set(key, at);
    this.calls.push(`schedule ${key} ${at}`);
  }
  async cancel(key: string) {
    this.at.delete(key);
    this.calls.push(`cancel ${key}`);
  }
}

function pipeline() {
  let clock = Math.floor(Date.now() / 1000) * 1000;
  const now = () => new Date(clock);
  const uploads = new MemoryObjectStore(now);
  const site = new MemoryObjectStore(now);
  const scheduler = new RecordingScheduler();
  const config = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', feedSize: 10 };
  const publish = (keys: string[]) => ingestAndPublish({ uploads, siteStore: site, config, core: defaultCore, now, scheduler }, keys);
  const text = async (key: string) => {
    const found = await site.get(key);
    return found ? Buffer.from(found.bytes).toString('utf8') : undefined;
  };
  /** Every public object (outside _feedpub/), concatenated. */
  const publicText = async () => {
    const parts: string[] = [];
    for (const key of [...site.objects.keys()].sort()) if (!key.startsWith(PRIVATE_PREFIX)) parts.push(`${key}\n${await text(key)}`);
    return parts.join('\n');
  };
  const head = async () => JSON.parse((await text(HEAD_KEY)) as string) as HeadManifest;
  return { uploads, site, scheduler, publish, publicText, head, text, advance: (ms: number) => (clock += ms), get clock() { return clock; } };
}

const story = (title: string, date: string, body = 'An ordinary body.') => `${title}\nDate: ${date}\n\n${body}`;

describe('scheduled publishing in the publish stage', () => {
  it('applies the same allowance as feedpub build: exactly at it publishes, one second beyond holds', async () => {
    const p = pipeline();
    await p.uploads.put('edge.txt', story('Edge story', iso(p.clock + SCHEDULE_SKEW_MS)));
    await p.uploads.put('beyond.txt', story('Beyond story', iso(p.clock + SCHEDULE_SKEW_MS + 1000)));
    const batch = await p.publish(['edge.txt', 'beyond.txt']);
    expect(batch.results.map((r) => [r.key, r.outcome]).sort()).toEqual([['beyond.txt', 'scheduled'], ['edge.txt', 'published']]);
    expect((await p.head()).scheduled).toEqual([expect.objectContaining({ key: 'beyond.txt', at: iso(p.clock + SCHEDULE_SKEW_MS + 1000) })]);
  });

  it('holds a future-dated article out of every public file, then publishes it at its time', async () => {
    const p = pipeline();
    await p.uploads.put('news/other.txt', story('Ordinary story', iso(p.clock - HOUR)));
    const at = iso(p.clock + 3 * HOUR);
    await p.uploads.put('news/embargo.txt', story('Secret merger announced', at, 'Embargoed body text zebrafinch.'));
    const first = await p.publish(['news/other.txt', 'news/embargo.txt']);
    expect(first.results.find((r) => r.key === 'news/embargo.txt')?.outcome).toBe('scheduled');
    const site = await p.publicText();
    expect(site).toContain('Ordinary story');
    expect(site).not.toContain('Secret merger');
    expect(site).not.toContain('zebrafinch');
    expect(site).not.toContain('embargo');
    expect((await p.head()).scheduled).toEqual([{ key: 'news/embargo.txt', title: 'Secret merger announced', at, etag: expect.any(String) }]);
    expect(p.scheduler.at.get('news/embargo.txt')).toBe(at);

    // A stale or early firing re-checks against the clock: still held, no new schedule call.
    p.advance(HOUR);
    const early = await p.publish(['news/embargo.txt']);
    expect(early.results[0]?.outcome).toBe('scheduled');
    expect(await p.publicText()).not.toContain('Secret merger');
    expect(p.scheduler.calls).toEqual([`schedule news/embargo.txt ${at}`]);

    p.advance(2 * HOUR);
    const due = await p.publish(['news/embargo.txt']);
    expect(due.results[0]?.outcome).toBe('published');
    const feed = JSON.parse((await p.text('feed.json')) as string) as { items: { title: string }[] };
    expect(feed.items.map((i) => i.title)).toContain('Secret merger announced');
    expect(await p.text('index.html')).toContain('Secret merger announced');
    expect((await p.head()).scheduled).toBeUndefined();
    expect(p.scheduler.at.has('news/embargo.txt')).toBe(false);
  });

  it('a delete before its time removes the hold and the schedule', async () => {
    const p = pipeline();
    await p.uploads.put('held.txt', story('Held then pulled', iso(p.clock + HOUR)));
    await p.publish(['held.txt']);
    expect(p.scheduler.at.has('held.txt')).toBe(true);
    await p.uploads.delete('held.txt');
    const result = await p.publish(['held.txt']);
    expect((await p.head()).scheduled).toBeUndefined();
    expect(p.scheduler.at.has('held.txt')).toBe(false);
    expect(result.results[0]?.outcome).toBe('unchanged');
    p.advance(2 * HOUR);
    await p.publish(['held.txt']);
    expect(await p.publicText()).not.toContain('Held then pulled');
  });

  it('a re-date to the past publishes now; a re-date further ahead moves the hold', async () => {
    const p = pipeline();
    await p.uploads.put('a.txt', story('Moved earlier', iso(p.clock + HOUR)));
    await p.uploads.put('b.txt', story('Moved later', iso(p.clock + HOUR)));
    await p.publish(['a.txt', 'b.txt']);
    await p.uploads.put('a.txt', story('Moved earlier', iso(p.clock - MINUTE)));
    const later = iso(p.clock + 5 * HOUR);
    await p.uploads.put('b.txt', story('Moved later', later));
    await p.publish(['a.txt', 'b.txt']);
    const site = await p.publicText();
    expect(site).toContain('Moved earlier');
    expect(site).not.toContain('Moved later');
    expect(p.scheduler.at.get('b.txt')).toBe(later);
    expect(p.scheduler.at.has('a.txt')).toBe(false);
    // The stale schedule for the first time fires: b is dated later now, so it stays held.
    p.advance(HOUR + MINUTE);
    await p.publish(['b.txt']);
    expect(await p.publicText()).not.toContain('Moved later');
    expect((await p.head()).scheduled?.map((e) => e.at)).toEqual([later]);
  });

  it('a published article re-dated into the future leaves the site until its new time', async () => {
    const p = pipeline();
    await p.uploads.put('c.txt', story('Pulled back', iso(p.clock - HOUR)));
    await p.publish(['c.txt']);
    expect(await p.publicText()).toContain('Pulled back');
    await p.uploads.put('c.txt', story('Pulled back', iso(p.clock + HOUR)));
    await p.publish(['c.txt']);
    expect(await p.publicText()).not.toContain('Pulled back');
    p.advance(HOUR);
    await p.publish(['c.txt']);
    expect(await p.publicText()).toContain('Pulled back');
  });
});
