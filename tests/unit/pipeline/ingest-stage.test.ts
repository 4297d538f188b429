// The ingest stage alone, over in-memory stores with request counting: size decided from the HEAD
// (an oversized upload is never read), a throwing parser is a verdict, the last receive of a
// message that never finished quarantines without parsing, and the publisher never parses.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE, type SiteConfig } from '../../../functions/core/model';
import { preparedRecordKey } from '../../../functions/core/site-index/paths';
import type { HeadManifest, PreparedRecord } from '../../../functions/core/site-index/types';
import { s3NotificationBody } from '../../../functions/pipeline/events';
import { ingestKey } from '../../../functions/pipeline/ingest';
import { createIngestHandler } from '../../../functions/pipeline/ingest-lambda';
import { publishBatch } from '../../../functions/pipeline/publish';
import { CountingObjectStore } from '../../../functions/store/counting';
import { MemoryObjectStore } from '../../../functions/store/memory';
import { Logger } from '@aws-lambda-powertools/logger';
import { stubCore } from '../../support/stub-core';

const T0 = new Date('2026-03-01T10:00:00Z');
const site: SiteConfig = { ...DEFAULT_SITE, maxUploadBytes: 1000, maxImageBytes: 2000 };

async function stores() {
  const uploads = new CountingObjectStore(new MemoryObjectStore(() => T0));
  const records = new MemoryObjectStore(() => T0);
  return { uploads, records };
}

async function prepared(records: MemoryObjectStore, key: string, uploads: CountingObjectStore): Promise<PreparedRecord | undefined> {
  const head = await uploads.inner.head(key);
  const found = await records.get(preparedRecordKey(key, head?.etag));
  return found && (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as PreparedRecord);
}

describe('ingest stage', () => {
  it('rejects an oversized article and image from the HEAD, without reading them', async () => {
    const { uploads, records } = await stores();
    await uploads.inner.put('big.txt', 'x'.repeat(1001));
    await uploads.inner.put('big.jpg', new Uint8Array(2001));
    for (const key of ['big.txt', 'big.jpg']) {
      const result = await ingestKey({ uploads, records, config: site, core: stubCore }, key);
      expect(result.verdict).toBe('rejected');
      expect((await prepared(records, key, uploads))?.verdict === 'rejected' && (await prepared(records, key, uploads))).toMatchObject({ code: 'too-large', size: key.endsWith('.txt') ? 1001 : 2001 });
    }
    expect(uploads.counts.get).toBe(0);
    expect(uploads.counts.head).toBe(2);
  });

  it('with the event\'s size and ETag: no HEAD, and only that version is read (If-Match)', async () => {
    const { uploads, records } = await stores();
    await uploads.inner.put('news/a.txt', 'A title\n\nA body.');
    const first = (await uploads.inner.head('news/a.txt'))!;
    const version = { size: first.size, etag: first.etag! };
    expect((await ingestKey({ uploads, records, config: site, core: stubCore }, 'news/a.txt', { version })).verdict).toBe('article');
    expect(uploads.counts).toMatchObject({ head: 0, get: 1 });
    expect((await prepared(records, 'news/a.txt', uploads))?.verdict).toBe('article');

    // Too large by the event's own size: rejected with no request to the uploads bucket at all.
    uploads.reset();
    expect((await ingestKey({ uploads, records, config: site, core: stubCore }, 'news/b.txt', { version: { size: 1001, etag: '"0123456789abcdef0123456789abcdef"' } })).verdict).toBe('rejected');
    expect(uploads.counts).toMatchObject({ head: 0, get: 0 });

    // Replaced by a larger version after the event: the conditional read fails, and the new version
    // is decided from a HEAD as on a re-run (too large, never read).
    await uploads.inner.put('news/d.txt', 'D');
    const small = (await uploads.inner.head('news/d.txt'))!;
    await uploads.inner.put('news/d.txt', 'x'.repeat(1001));
    uploads.reset();
    const result = await ingestKey({ uploads, records, config: site, core: stubCore }, 'news/d.txt', { version: { size: small.size, etag: small.etag! } });
    expect(result.verdict).toBe('rejected');
    expect(await prepared(records, 'news/d.txt', uploads)).toMatchObject({ verdict: 'rejected', code: 'too-large', size: 1001 });
    expect(uploads.counts).toMatchObject({ head: 1, get: 1 });
  });

  it('the ingest handler passes the notification\'s size and ETag on (no HEAD)', async () => {
    const { uploads, records } = await stores();
    await uploads.inner.put('news/c.txt', 'C title\n\nC body.');
    const head = (await uploads.inner.head('news/c.txt'))!;
    const handler = createIngestHandler({ uploads, records, config: site, core: stubCore, logger: new Logger({ logLevel: 'SILENT' }), sendToPublish: async () => {} });
    const body = s3NotificationBody({ bucket: 'b', key: 'news/c.txt', eventName: 'ObjectCreated:Put', size: head.size, etag: head.etag! });
    expect((await handler({ Records: [{ messageId: 'm1', body, attributes: { ApproximateReceiveCount: '1' } }] } as never)).batchItemFailures).toEqual([]);
    expect(uploads.counts).toMatchObject({ head: 0, get: 1 });
    expect((await prepared(records, 'news/c.txt', uploads))?.verdict).toBe('article');
  });

  it('a parser that throws (a stack overflow) gives a parse-failed verdict, not a fault', async () => {
    const { uploads, records } = await stores();
    await uploads.inner.put('deep.md', 'Deep\n\nbody');
    const overflowing = {
      ...stubCore,
      ingestUpload: () => {
        const recurse = (n: number): number => recurse(n + 1) + 1;
        return recurse(0) as never;
      },
    };
    const result = await ingestKey({ uploads, records, config: site, core: overflowing }, 'deep.md');
    expect(result.verdict).toBe('rejected');
    const record = await prepared(records, 'deep.md', uploads);
    expect(record).toMatchObject({ verdict: 'rejected', code: 'parse-failed' });
    expect(record?.verdict === 'rejected' && record.reason).toContain('Maximum call stack size exceeded');
  });

  it('one record per upload version: an old version\'s verdict never stands for a new one', async () => {
    const { uploads, records } = await stores();
    await uploads.inner.put('a.txt', 'Alpha\nbody');
    await ingestKey({ uploads, records, config: site, core: stubCore }, 'a.txt');
    const first = (await uploads.inner.head('a.txt'))?.etag;
    await uploads.inner.put('a.txt', 'POISON');
    expect((await prepared(records, 'a.txt', uploads))).toBeUndefined();
    await ingestKey({ uploads, records, config: site, core: stubCore }, 'a.txt');
    expect(await prepared(records, 'a.txt', uploads)).toMatchObject({ verdict: 'rejected', code: 'binary' });
    expect(records.objects.has(preparedRecordKey('a.txt', first))).toBe(true);
    // A duplicate event for the same version parses nothing again.
    const again = await ingestKey({ uploads, records, config: site, core: stubCore }, 'a.txt');
    expect(again.verdict).toBe('already-prepared');
  });

  it('on the last receive of a message whose attempts never finished, quarantines without parsing; the publisher shows it', async () => {
    const { uploads, records } = await stores();
    await uploads.inner.put('slow.txt', 'Slow\nbody');
    let parses = 0;
    const counting = { ...stubCore, ingestUpload: (...args: Parameters<typeof stubCore.ingestUpload>) => (parses++, stubCore.ingestUpload(...args)) };
    const sent: string[] = [];
    const handler = createIngestHandler({
      uploads,
      records,
      config: site,
      core: counting,
      uploadsBucket: 'uploads',
      maxReceiveCount: 3,
      timeoutSeconds: 30,
      logger: new Logger({ logLevel: 'SILENT' }),
      sendToPublish: async (body) => void sent.push(body),
    });
    const body = s3NotificationBody({ bucket: 'uploads', key: 'slow.txt', eventName: 'ObjectCreated:Put' });
    const message = (receives: number) => ({
      Records: [{ messageId: 'm1', receiptHandle: 'r', body, attributes: { ApproximateReceiveCount: String(receives) }, messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn', awsRegion: 'us-east-1' }],
    }) as unknown as Parameters<typeof handler>[0];
    expect(await handler(message(3))).toEqual({ batchItemFailures: [] });
    expect(parses).toBe(0);
    expect(sent).toEqual([body]);
    const record = await prepared(records, 'slow.txt', uploads);
    expect(record).toMatchObject({ verdict: 'rejected', code: 'parse-timeout' });
    expect(record?.verdict === 'rejected' && record.reason).toContain('2 earlier attempts of 30 s');

    // The publisher turns the verdict into the quarantine, reading no upload body.
    const getsBefore = uploads.counts.get;
    const result = await publishBatch({ uploads, siteStore: records, config: site, core: { ...stubCore, ingestUpload: () => { throw new Error('the publisher parsed'); } }, now: () => T0 }, ['slow.txt']);
    expect(result.results).toMatchObject([{ key: 'slow.txt', outcome: 'quarantined' }]);
    expect(uploads.counts.get).toBe(getsBefore);
    const head = JSON.parse(Buffer.from((await records.get('_feedpub/head.json'))!.bytes).toString('utf8')) as HeadManifest;
    expect(head.quarantine.map((q) => [q.key, q.code])).toEqual([['slow.txt', 'parse-timeout']]);
  });

  it('the publisher leaves a key whose current version is not prepared yet (pending), writing nothing', async () => {
    const { uploads, records } = await stores();
    await uploads.inner.put('new.txt', 'New\nbody');
    const result = await publishBatch({ uploads, siteStore: records, config: site, core: stubCore, now: () => T0 }, ['new.txt']);
    expect(result.results).toMatchObject([{ key: 'new.txt', outcome: 'pending' }]);
    expect([...records.objects.keys()].filter((k) => k.startsWith('_feedpub/articles/'))).toEqual([]);
  });
});
