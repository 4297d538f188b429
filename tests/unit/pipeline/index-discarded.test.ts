// The build's cheap executor of the one publisher (PublishOptions.indexDiscarded): the sample content
// folder (articles, images, tags, a rejected file, a held one) published from empty both ways gives the
// same public files byte for byte and the same head, while the discarding batch stores none of its
// own records; on a site that already has a head it refuses to run.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { PRIVATE_PREFIX } from '../../../functions/core/outputs/formats';
import { HEAD_KEY, PREPARED_PREFIX } from '../../../functions/core/site-index/paths';
import { UNHASHED } from '../../../functions/core/site-index/outputs';
import { ingestKeys } from '../../../functions/pipeline/ingest';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { publishBatch, type PublishOptions } from '../../../functions/pipeline/publish';
import { MemoryObjectStore } from '../../../functions/store/memory';
import type { HeadManifest } from '../../../functions/core/site-index/types';

const NOW = new Date('2026-11-20T12:00:00Z');
const CONTENT = new URL('../../../content/', import.meta.url);

async function publishContent(options: PublishOptions) {
  const uploads = new MemoryObjectStore(() => NOW);
  const site = new MemoryObjectStore(() => NOW);
  const keys = readdirSync(CONTENT).filter((name) => !name.endsWith('.json') && !name.startsWith('.'));
  for (const key of keys) await uploads.put(key, new Uint8Array(readFileSync(new URL(key, CONTENT))));
  // A held article (dated after the clock) and a rejected upload (an empty file).
  keys.push('later.txt', 'empty.txt');
  await uploads.put('later.txt', 'A story for later\nDate: 2027-01-05T09:00:00Z\n\nIt runs next year.\n');
  await uploads.put('empty.txt', '');
  const deps = { uploads, siteStore: site, config: { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' }, core: defaultCore, now: () => NOW };
  await ingestKeys({ uploads, records: site, config: deps.config, core: defaultCore, now: deps.now }, keys, 1);
  const result = await publishBatch(deps, keys, { lastPublishFromArticles: true, ...options });
  const files = new Map<string, string>();
  const records: string[] = [];
  for (const key of await site.list('')) {
    if (key.startsWith(PRIVATE_PREFIX)) records.push(key);
    else files.set(key, Buffer.from((await site.get(key))!.bytes).toString('base64'));
  }
  return { site, result, files, records };
}

describe('publishBatch with indexDiscarded (feedpub build)', () => {
  it('writes the same public files and commits the same head, storing none of its records', async () => {
    const kept = await publishContent({});
    const discarded = await publishContent({ indexDiscarded: true });
    expect(kept.files.size).toBeGreaterThan(40);
    expect(kept.result.results.map((r) => r.outcome)).toContain('quarantined');
    expect(kept.result.head.scheduled?.map((e) => e.key)).toEqual(['later.txt']);
    expect([...discarded.files.keys()]).toEqual([...kept.files.keys()]);
    for (const [path, body] of kept.files) expect(discarded.files.get(path), path).toBe(body);
    expect(discarded.result.results).toEqual(kept.result.results.map((r) => ({ ...r, ms: discarded.result.results.find((d) => d.key === r.key)!.ms })));
    // The normal batch's result.head is what it stored; the discarding one's differs only in the hashes.
    const storedHead = JSON.parse(Buffer.from((await kept.site.get(HEAD_KEY))!.bytes).toString('utf8')) as HeadManifest;
    expect(kept.result.head).toEqual(storedHead);
    const unhashed = Object.fromEntries(Object.keys(storedHead.outputs).map((path) => [path, UNHASHED]));
    expect(discarded.result.head).toEqual({ ...storedHead, outputs: unhashed });
    expect(kept.records.some((k) => !k.startsWith(PREPARED_PREFIX))).toBe(true);
    expect(discarded.records.filter((k) => !k.startsWith(PREPARED_PREFIX))).toEqual([]);
  });

  it('refuses a site that already has a head', async () => {
    const { site } = await publishContent({});
    const deps = { uploads: new MemoryObjectStore(() => NOW), siteStore: site, config: DEFAULT_SITE, core: defaultCore, now: () => NOW };
    await expect(publishBatch(deps, ['x.txt'], { indexDiscarded: true })).rejects.toThrow(/empty site only/);
  });
});
