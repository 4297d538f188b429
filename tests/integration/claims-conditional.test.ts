// Slug and body claims made by a conditional create (PUT If-None-Match: *) on the real local S3
// server, through both stages: a free slug or body costs one PUT; a taken one answers 412 and only
// then is read, so the first claim stands (slug ladder, "duplicate of <key>"); the same for the
// editor note of a key published for the first time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteRecordKey, slugRecordKey } from '../../functions/core/site-index/paths';
import { DEFAULT_SITE, type SiteConfig } from '../../functions/core/model';
import { readJson } from '../../functions/store/types';
import { startRequestCostRig, type RequestCostRig } from '../support/request-cost';

const NOW = new Date('2026-06-15T12:00:00Z');
const site: SiteConfig = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
let rig: RequestCostRig;
beforeAll(async () => {
  rig = await startRequestCostRig(site, () => NOW);
}, 120_000);
afterAll(() => rig?.close());

const text = (title: string, body: string) => `${title}\nDate: 2026-06-10T09:00:00Z\n\n${body}\n`;
const bodyA = 'The council approved the new harbour plan on Tuesday after a long debate. '.repeat(4);
const bodyB = 'A different story about the tram line reopening next spring, told at length. '.repeat(4);

describe('claims by conditional create', { timeout: 120_000 }, () => {
  it('a taken slug sends the second article down the ladder; a repeated body is noted as a duplicate', async () => {
    const first = await rig.change('desk/a.txt', text('Harbour plan', bodyA));
    // One PUT each for the free slug and the new body, and no read of either claim.
    for (const claim of ['_feedpub/slugs/', '_feedpub/bodies/']) {
      expect(first.detail.filter((d) => d.includes(claim)).map((d) => d.split(' ')[1])).toEqual(['PUT']);
    }
    await rig.change('desk/b.txt', text('Harbour plan', bodyB));
    expect((await readJson<{ key: string }>(rig.s3.siteStore, slugRecordKey('harbour-plan')))?.key).toBe('desk/a.txt');
    expect((await readJson<{ key: string }>(rig.s3.siteStore, slugRecordKey('harbour-plan-2')))?.key).toBe('desk/b.txt');

    await rig.change('desk/c.txt', text('Council backs harbour', bodyA));
    const note = await readJson<{ duplicateOf?: string }>(rig.s3.siteStore, noteRecordKey('desk/c.txt'));
    expect(note?.duplicateOf).toBe('desk/a.txt');
    expect((await readJson<{ duplicateOf?: string }>(rig.s3.siteStore, noteRecordKey('desk/b.txt')))?.duplicateOf).toBeUndefined();
  });

  it('a key published for the first time after a rejected version replaces that version\'s note (412, then compared)', async () => {
    await rig.change('desk/d.txt', '');
    expect((await readJson<{ outcome?: string }>(rig.s3.siteStore, noteRecordKey('desk/d.txt')))?.outcome).not.toBe('published');
    const cost = await rig.change('desk/d.txt', text('Tram line reopens', 'The tram line reopens in spring after two years of works on the bridge. '.repeat(4)));
    expect(cost.detail.filter((d) => d.includes('_feedpub/notes/')).map((d) => d.split(' ')[1])).toEqual(['PUT', 'GET', 'PUT']);
    expect((await readJson<{ outcome?: string }>(rig.s3.siteStore, noteRecordKey('desk/d.txt')))?.outcome).toBe('published');
  });
});
