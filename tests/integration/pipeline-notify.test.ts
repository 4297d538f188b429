// After a publish: WebSub hub ping (against a real localhost HTTP server) and CloudFront
// invalidation of the changed paths (CloudFront itself faked: the only SDK fake here).
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE } from '../../functions/core/model';
import { s3NotificationBody } from '../../functions/pipeline/events';
import { invalidationPaths } from '../../functions/pipeline/invalidation';
import { createPublishHandler } from '../../functions/pipeline/lambda';
import { MemoryObjectStore } from '../../functions/store/memory';
import { stubCore } from '../support/stub-core';
import { ingestingFirst } from '../support/stages';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

let hub: Server;
let hubUrl: string;
const pings: URLSearchParams[] = [];
beforeAll(async () => {
  hub = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      pings.push(new URLSearchParams(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hub.listen(0, '127.0.0.1', r));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/hub`;
});
afterAll(() => new Promise<void>((r) => hub.close(() => r())));

const event = (key: string) =>
  ({ Records: [{ messageId: key, body: s3NotificationBody({ bucket: 'up', key, eventName: 'ObjectCreated:Put' }) }] }) as never;

/** CloudFront faked at the client: the only SDK fake here; it records the paths of each invalidation. */
function recordingCloudFront(): { cloudFront: CloudFrontClient; invalidations: string[][] } {
  const invalidations: string[][] = [];
  const cloudFront = {
    send: async (command: CreateInvalidationCommand) => {
      invalidations.push(command.input.InvalidationBatch?.Paths?.Items ?? []);
      return {};
    },
  } as unknown as CloudFrontClient;
  return { cloudFront, invalidations };
}

describe('after publish', () => {
  it('pings the WebSub hub when a feed changed, and invalidates only what a CDN could serve stale for long', async () => {
    const uploads = new MemoryObjectStore();
    const { cloudFront, invalidations } = recordingCloudFront();
    const site = new MemoryObjectStore();
    const config = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', websubHub: hubUrl };
    const publish = createPublishHandler({
      uploads,
      siteStore: site,
      config,
      core: stubCore,
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 't' }),
      cloudFront: { client: cloudFront, distributionId: 'E123' },
    });
    const handler = ingestingFirst(publish, { uploads, records: site, config, core: stubCore });
    await uploads.put('a.txt', 'Alpha\nDate: 2026-01-01T00:00:00Z\n');
    expect((await handler(event('a.txt'))).batchItemFailures).toEqual([]);
    expect(pings).toHaveLength(1);
    expect(pings[0]?.get('hub.mode')).toBe('publish');
    expect(pings[0]?.getAll('hub.url')).toEqual(['https://news.example.com/feed.json', 'https://news.example.com/feed.xml']);
    // Every path was new: nothing cached can be stale, and feeds expire within 60 s anyway.
    expect(invalidations).toHaveLength(0);

    // Nothing changed: no ping, no invalidation.
    await handler(event('a.txt'));
    expect(pings).toHaveLength(1);
    expect(invalidations).toHaveLength(0);

    // An edit replaces the page and the feeds, all max-age=60 in the stub core: left to expire.
    await uploads.put('a.txt', 'Alpha\nDate: 2026-01-01T00:00:00Z\nCorrected.\n');
    await handler(event('a.txt'));
    expect(pings).toHaveLength(2);
    expect(invalidations).toHaveLength(0);

    // A takedown: the deleted page (and the month's archive, now empty and deleted) must go from the CDN now.
    await uploads.delete('a.txt');
    await handler(event('a.txt'));
    expect(invalidations).toEqual([['/archive/2026-01/*', '/articles/alpha/*']]);
  });

  it('invalidates an edited page whose max-age is longer than a feed\'s, but not the short-lived feeds', async () => {
    const uploads = new MemoryObjectStore();
    const { cloudFront, invalidations } = recordingCloudFront();
    const longPages = {
      ...stubCore,
      renderArticlePage: (site, article) => ({ ...stubCore.renderArticlePage(site, article), cacheControl: 'public, max-age=300' }),
    } satisfies typeof stubCore;
    const site = new MemoryObjectStore();
    const config = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com' };
    const publish = createPublishHandler({
      uploads,
      siteStore: site,
      config,
      core: longPages,
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 't' }),
      cloudFront: { client: cloudFront, distributionId: 'E123' },
    });
    const handler = ingestingFirst(publish, { uploads, records: site, config, core: longPages });
    await uploads.put('a.txt', 'Alpha\nDate: 2026-01-01T00:00:00Z\n');
    await handler(event('a.txt'));
    expect(invalidations).toHaveLength(0);
    await uploads.put('a.txt', 'Alpha\nDate: 2026-01-01T00:00:00Z\nCorrected.\n');
    await handler(event('a.txt'));
    expect(invalidations).toEqual([['/articles/alpha/*']]);
  });
});

describe('invalidationPaths', () => {
  it('coalesces folders, keeps the root page reachable, and falls back to /* for big batches', () => {
    expect(invalidationPaths(['index.html', 'articles/x/index.html', '_feedpub/head.json', '_feedpub/quarantine/a/b.txt.json'])).toEqual([
      '/',
      '/articles/x/*',
      '/index.html',
    ]);
    expect(invalidationPaths(Array.from({ length: 20 }, (_, i) => `articles/a${i}/index.html`))).toEqual(['/*']);
  });
});
