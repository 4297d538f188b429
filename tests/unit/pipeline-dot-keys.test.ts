// Keys with "." and ".." segments are opaque names in S3 (the local S3 API refuses them, as it
// keeps keys as files): the publisher must still publish, quarantine and delete them by the same
// key, with every output inside the site. Memory stores keep keys as S3 does.
import { describe, expect, it } from 'vitest';
import { articleRecordKey, quarantinePath } from '../../functions/core/site-index/paths';
import { DEFAULT_SITE, type SiteStatus } from '../../functions/core/model';
import { ingestAndPublish } from '../support/stages';
import { MemoryObjectStore } from '../../functions/store/memory';
import { stubCore } from '../support/stub-core';

const NOW = new Date('2026-03-01T10:00:00Z');

function stores() {
  const uploads = new MemoryObjectStore(() => NOW);
  const site = new MemoryObjectStore(() => NOW);
  const publish = (keys: string[]) => ingestAndPublish({ uploads, siteStore: site, config: { ...DEFAULT_SITE, feedSize: 10 }, core: stubCore, now: () => NOW }, keys);
  const json = async <T>(key: string) => {
    const found = await site.get(key);
    return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as T) : undefined;
  };
  return { uploads, site, publish, json };
}

describe('dot-segment keys in the pipeline', () => {
  it.each(['../outside.txt', 'a/./b.txt', 'a/../../x.txt', './y.txt'])('%s publishes and deletes by the same key', async (key) => {
    const { uploads, site, publish, json } = stores();
    await uploads.put(key, 'Dots title\nDate: 2026-02-01T00:00:00Z\nBody.');
    await publish([key]);
    expect((await json<{ items: { title: string }[] }>('feed.json'))?.items.map((i) => i.title)).toEqual(['Dots title']);
    expect((await json<{ key: string }>(articleRecordKey(key)))?.key).toBe(key);
    await uploads.delete(key);
    await publish([key]);
    expect((await json<{ items: unknown[] }>('feed.json'))?.items).toEqual([]);
    expect(await site.get(articleRecordKey(key))).toBeUndefined();
    for (const written of site.objects.keys()) expect(written.split('/').some((s) => s === '..' || s === '.'), written).toBe(false);
  });

  it('a poison file with a traversal key is quarantined under _feedpub/quarantine/, and cleared by its delete', async () => {
    const { uploads, site, publish, json } = stores();
    await uploads.put('../../evil.txt', 'POISON');
    await publish(['../../evil.txt']);
    expect((await json<SiteStatus>('status.json'))?.quarantined.map((q) => q.key)).toEqual(['../../evil.txt']);
    expect(quarantinePath('../../evil.txt')).toBe('_feedpub/quarantine/%2E%2E/%2E%2E/evil.txt.json');
    expect((await json<{ reason: string }>('_feedpub/quarantine/%2E%2E/%2E%2E/evil.txt.json'))?.reason).toBe('poison content');
    await uploads.delete('../../evil.txt');
    await publish(['../../evil.txt']);
    expect((await json<SiteStatus>('status.json'))?.quarantined).toEqual([]);
    expect(await site.get('_feedpub/quarantine/%2E%2E/%2E%2E/evil.txt.json')).toBeUndefined();
  });
});
