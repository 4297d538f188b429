// The Lambda entry point as Lambda loads it: configured by environment variables only, failing its
// init with the reason when they are wrong, and publishing through S3 (here s3rver) when they are right.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultCore } from '../../functions/pipeline/default-core';
import { publishEnv } from '../../functions/pipeline/env';
import { s3NotificationBody } from '../../functions/pipeline/events';
import { ingestKey } from '../../functions/pipeline/ingest';

function publishEnvOrThrow() {
  const env = publishEnv(process.env);
  if (!env.ok) throw new Error(env.error);
  return env.value;
}
import { SITE, startLocalS3, UPLOADS, type LocalS3 } from '../support/local-s3';

const ENV_KEYS = ['UPLOADS_BUCKET', 'SITE_BUCKET', 'SITE_CONFIG', 'BASE_URL', 'S3_ENDPOINT', 'DISTRIBUTION_ID'];
let s3: LocalS3;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  s3 = await startLocalS3();
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await s3?.close();
});
beforeEach(() => {
  vi.resetModules();
  for (const k of ENV_KEYS) delete process.env[k];
});

const load = () => import('../../functions/handlers/publish');

describe('configuration errors fail the init with the reason', () => {
  it.each([
    ['no buckets', {}, 'feedpub publish handler: UPLOADS_BUCKET and SITE_BUCKET must be set'],
    ['SITE_CONFIG not JSON', { UPLOADS_BUCKET: 'u', SITE_BUCKET: 's', SITE_CONFIG: '{title:' }, 'SITE_CONFIG is not valid JSON'],
    ['a bad base URL', { UPLOADS_BUCKET: 'u', SITE_BUCKET: 's', BASE_URL: 'not a url' }, '"baseUrl" is not an absolute URL: not a url'],
  ])('%s', async (_name, env, message) => {
    Object.assign(process.env, env);
    await expect(load()).rejects.toThrow(message);
  });
});

describe('a configured handler', () => {
  it('publishes an S3 event batch from the uploads bucket into the site bucket', async () => {
    Object.assign(process.env, {
      UPLOADS_BUCKET: UPLOADS,
      SITE_BUCKET: SITE,
      SITE_CONFIG: await readFile(join(import.meta.dirname, '../../content/site.json'), 'utf8'),
      BASE_URL: 'https://news.example.org',
      S3_ENDPOINT: s3.endpoint,
    });
    const { handler } = await load();
    await s3.uploads.put('desk/entry point.txt', 'Entry point story\n\nDate: 2026-02-03T04:05:06Z\n\nPublished by the Lambda entry.\n');
    // The ingest stage's part, done in-process: the publish entry reads prepared records only.
    const { site } = publishEnvOrThrow();
    await ingestKey({ uploads: s3.uploads, records: s3.siteStore, config: site, core: defaultCore }, 'desk/entry point.txt');
    const body = s3NotificationBody({ bucket: UPLOADS, key: 'desk/entry point.txt', eventName: 'ObjectCreated:Put' });
    const response = await handler({ Records: [{ messageId: 'm1', body } as never] });
    expect(response.batchItemFailures).toEqual([]);
    const feed = JSON.parse(Buffer.from((await s3.siteStore.get('feed.json'))?.bytes ?? []).toString()) as { items: { title: string; url: string }[] };
    expect(feed.items.map((i) => i.title)).toEqual(['Entry point story']);
    expect(feed.items[0]?.url).toMatch(/^https:\/\/news\.example\.org\/articles\//);
  });
});
