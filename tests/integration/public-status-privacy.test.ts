// Nothing about unpublished material reaches the public site: after the real pipeline (both stages,
// real core) on the real local S3 API has published good articles and rejected or held others, no
// public object (everything outside _feedpub/, which the CDN and the dev server refuse) carries a
// rejected or held upload's key, file name, title or body. The private head still has them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_KEY } from '../../functions/core/site-index/paths';
import type { HeadManifest } from '../../functions/core/site-index/types';
import { DEFAULT_SITE } from '../../functions/core/model';
import { defaultCore } from '../../functions/pipeline/default-core';
import { startLocalS3, type LocalS3 } from '../support/local-s3';
import { ingestAndPublish } from '../support/stages';

const NOW = new Date('2026-03-01T10:00:00Z');
let s3: LocalS3;

// Each token is unique to one unpublished upload; none is a word a published page would contain.
const UNPUBLISHED: Record<string, { body: string | Uint8Array; tokens: string[] }> = {
  'embargo/Quillfeather merger.md': { body: '---\ntitle: Quillfeather agrees merger\nsecret: a: b\n---\nZorvanic terms.\n', tokens: ['Quillfeather', 'Zorvanic'] },
  'embargo/Brontaxel.txt': { body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x42, 0x72, 0x6f, 0x6e]), tokens: ['Brontaxel'] },
  'embargo/Vellumtide.txt': { body: '\n\n  \n', tokens: ['Vellumtide'] },
  'embargo/held Cindralock.txt': { body: 'Cindralock budget plan\nDate: 2026-03-09T09:00:00Z\n\nMarvistone figures held.\n', tokens: ['Cindralock', 'Marvistone'] },
};
const PUBLISHED: Record<string, string> = {
  'desk/ok.txt': 'Harbour reopens\nDate: 2026-02-27T09:00:00Z\n\nThe harbour reopened on Friday after repairs.\n',
  'desk/also.md': '---\ntitle: Ferry timetable\ndate: 2026-02-28\n---\nFerries run hourly again.\n',
};

beforeAll(async () => {
  s3 = await startLocalS3();
  for (const [key, { body }] of Object.entries(UNPUBLISHED)) await s3.uploads.put(key, body);
  for (const [key, body] of Object.entries(PUBLISHED)) await s3.uploads.put(key, body);
  const keys = [...Object.keys(UNPUBLISHED), ...Object.keys(PUBLISHED)];
  await ingestAndPublish({ uploads: s3.uploads, siteStore: s3.siteStore, config: { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' }, core: defaultCore, now: () => NOW }, keys);
}, 60_000);
afterAll(async () => {
  await s3?.close();
});

describe('public outputs and unpublished uploads', () => {
  it('no public object names a rejected or held upload, and the public status has counts only', async () => {
    const publicKeys = (await s3.siteStore.list('')).filter((k) => !k.startsWith('_feedpub/'));
    expect(publicKeys).toContain('status.json');
    expect(publicKeys).toContain('feed.xml');
    for (const path of publicKeys) {
      expect(path).not.toMatch(/embargo|errors\//);
      const text = Buffer.from((await s3.siteStore.get(path))?.bytes ?? []).toString('utf8');
      for (const { tokens } of Object.values(UNPUBLISHED)) for (const token of ['embargo', ...tokens]) expect(text, `${token} in ${path}`).not.toContain(token);
    }
    const status = JSON.parse(Buffer.from((await s3.siteStore.get('status.json'))?.bytes ?? []).toString('utf8'));
    expect(status).toEqual({ generated: status.lastPublish, articles: 2, lastPublish: NOW.toISOString(), quarantined: 3 });
    // The published ones are there (the scan above is not vacuous).
    expect(Buffer.from((await s3.siteStore.get('feed.xml'))?.bytes ?? []).toString('utf8')).toContain('Harbour reopens');
  });

  it('the private head keeps every rejection with its reason and the held article', async () => {
    const head = JSON.parse(Buffer.from((await s3.siteStore.get(HEAD_KEY))?.bytes ?? []).toString('utf8')) as HeadManifest;
    expect(head.quarantine.map((q) => [q.key, q.code])).toEqual([
      ['embargo/Brontaxel.txt', 'binary'],
      ['embargo/Quillfeather merger.md', 'bad-front-matter'],
      ['embargo/Vellumtide.txt', 'empty'],
    ]);
    expect(head.scheduled?.map((e) => [e.key, e.title])).toEqual([['embargo/held Cindralock.txt', 'Cindralock budget plan']]);
    expect((await s3.siteStore.list('_feedpub/quarantine/')).sort()).toEqual([
      '_feedpub/quarantine/embargo/Brontaxel.txt.json',
      '_feedpub/quarantine/embargo/Quillfeather merger.md.json',
      '_feedpub/quarantine/embargo/Vellumtide.txt.json',
    ]);
  });
});
