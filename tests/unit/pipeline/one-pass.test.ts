// A build's one publish pass: publishBatch over many keys at once renders each month's archive once
// and the head once, not once per article (counted through the real core), and puts every public
// path once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { defaultCore } from '../../../functions/pipeline/default-core';
import type { PublishCore } from '../../../functions/pipeline/core';
import { MemoryObjectStore } from '../../../functions/store/memory';
import type { ObjectStore } from '../../../functions/store/types';
import { ingestAndPublish } from '../../support/stages';

const NOW = new Date('2026-03-01T10:00:00Z');

describe('one publish pass over a whole folder', () => {
  it('renders each month once and the head once for 600 keys over 6 months', async () => {
    const uploads = new MemoryObjectStore(() => NOW);
    const site = new MemoryObjectStore(() => NOW);
    const months = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
    const keys: string[] = [];
    for (let i = 0; i < 600; i++) {
      const key = `desk/${String(i).padStart(4, '0')}.txt`;
      keys.push(key);
      await uploads.put(key, `Story number ${i}\nDate: ${months[i % 6]}-${String((i % 27) + 1).padStart(2, '0')}T09:00:00Z\n\nBody of story ${i}.\n`);
    }
    const archiveCalls = new Map<string, number>();
    let headCalls = 0;
    const core: PublishCore = {
      ...defaultCore,
      renderArchiveFeeds: (...args) => {
        archiveCalls.set(args[1], (archiveCalls.get(args[1]) ?? 0) + 1);
        return defaultCore.renderArchiveFeeds(...args);
      },
      renderHeadFeeds: (...args) => {
        headCalls++;
        return defaultCore.renderHeadFeeds(...args);
      },
    };
    const puts = new Map<string, number>();
    const counted: ObjectStore = {
      get: (k) => site.get(k),
      head: (k) => site.head(k),
      delete: (k) => site.delete(k),
      list: (p) => site.list(p),
      listObjects: (p) => site.listObjects(p),
      put: (k, body, options) => {
        if (!k.startsWith('_feedpub/')) puts.set(k, (puts.get(k) ?? 0) + 1);
        return site.put(k, body, options);
      },
    };
    const result = await ingestAndPublish({ uploads, siteStore: counted, config: DEFAULT_SITE, core, now: () => NOW }, keys);
    expect(result.results.filter((r) => r.outcome === 'published')).toHaveLength(600);
    expect([...archiveCalls.keys()].sort()).toEqual(months);
    expect([...archiveCalls.values()]).toEqual(months.map(() => 1));
    expect(headCalls).toBe(1);
    expect([...puts.values()].every((n) => n === 1)).toBe(true);
    expect(puts.size).toBeGreaterThan(600);
  });
});
