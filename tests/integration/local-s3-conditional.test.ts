// S3's conditional requests on the local S3 server (functions/local/s3server.ts), as S3 documents
// them: GET/HEAD with If-Match answers 412 unless the object's ETag is listed (404 when there is no
// object), PUT with If-None-Match: * answers 412 when the key exists and writes nothing; of two
// creates at once exactly one lands. Checked with the SDK's own commands and through S3ObjectStore.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIfAbsent, getIfMatch } from '../../functions/store/types';
import { SITE, startLocalS3, type LocalS3 } from '../support/local-s3';

let s3: LocalS3;
const events: string[] = [];
beforeAll(async () => {
  s3 = await startLocalS3();
  s3.onEvent((r) => void events.push(`${r.eventName} ${r.s3.object.key}`));
});
afterAll(() => s3?.close());

const status = async (send: Promise<unknown>): Promise<number> => {
  try {
    await send;
    return 200;
  } catch (error) {
    return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? -1;
  }
};
const text = async (key: string) => Buffer.from((await s3.siteStore.get(key))?.bytes ?? []).toString('utf8');

describe('local S3: If-Match on GET and HEAD', () => {
  it('serves the object only while its ETag is the one named', async () => {
    await s3.siteStore.put('cond/a.txt', 'first');
    const first = (await s3.siteStore.head('cond/a.txt'))?.etag;
    expect(first).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await s3.client.send(new GetObjectCommand({ Bucket: SITE, Key: 'cond/a.txt', IfMatch: first }));
    expect(await got.Body?.transformToString()).toBe('first');
    // Unquoted, in a list, or "*" match as in S3.
    expect(await status(s3.client.send(new GetObjectCommand({ Bucket: SITE, Key: 'cond/a.txt', IfMatch: first!.replace(/"/g, '') })))).toBe(200);
    expect(await status(s3.client.send(new GetObjectCommand({ Bucket: SITE, Key: 'cond/a.txt', IfMatch: `"0000", ${first}` })))).toBe(200);
    expect(await status(s3.client.send(new GetObjectCommand({ Bucket: SITE, Key: 'cond/a.txt', IfMatch: '*' })))).toBe(200);

    await s3.siteStore.put('cond/a.txt', 'second, longer');
    expect(await status(s3.client.send(new GetObjectCommand({ Bucket: SITE, Key: 'cond/a.txt', IfMatch: first })))).toBe(412);
    expect(await status(s3.client.send(new HeadObjectCommand({ Bucket: SITE, Key: 'cond/a.txt', IfMatch: first })))).toBe(412);
    expect(await getIfMatch(s3.siteStore, 'cond/a.txt', first!)).toBe('changed');
    const second = (await s3.siteStore.head('cond/a.txt'))?.etag;
    const now = await getIfMatch(s3.siteStore, 'cond/a.txt', second!);
    expect(now !== 'changed' && Buffer.from(now?.bytes ?? []).toString('utf8')).toBe('second, longer');
  });

  it('answers 404 for a missing key, whatever the condition', async () => {
    expect(await status(s3.client.send(new GetObjectCommand({ Bucket: SITE, Key: 'cond/none.txt', IfMatch: '"abc"' })))).toBe(404);
    expect(await getIfMatch(s3.siteStore, 'cond/none.txt', '"abc"')).toBeUndefined();
  });
});

describe('local S3: If-None-Match: * on PUT', () => {
  it('creates a missing key, and refuses an existing one with 412 without writing or notifying', async () => {
    expect(await createIfAbsent(s3.siteStore, 'cond/claim.json', 'mine')).toBe(true);
    expect(await text('cond/claim.json')).toBe('mine');
    const before = events.length;
    expect(await status(s3.client.send(new PutObjectCommand({ Bucket: SITE, Key: 'cond/claim.json', Body: 'theirs', IfNoneMatch: '*' })))).toBe(412);
    expect(await createIfAbsent(s3.siteStore, 'cond/claim.json', 'theirs')).toBe(false);
    expect(await text('cond/claim.json')).toBe('mine');
    expect(events.slice(before)).toEqual([]);
    // A plain PUT still overwrites.
    await s3.siteStore.put('cond/claim.json', 'overwritten');
    expect(await text('cond/claim.json')).toBe('overwritten');
  });

  it('of many creates of one key at once, exactly one lands', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => createIfAbsent(s3.siteStore, 'cond/race.json', `writer ${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await text('cond/race.json')).toBe(`writer ${results.indexOf(true)}`);
  });

  it('refuses the conditions it does not implement instead of ignoring them', async () => {
    await s3.siteStore.put('cond/b.txt', 'b');
    expect(await status(s3.client.send(new PutObjectCommand({ Bucket: SITE, Key: 'cond/b.txt', Body: 'x', IfNoneMatch: '"abc"' })))).toBe(501);
    expect(await status(s3.client.send(new PutObjectCommand({ Bucket: SITE, Key: 'cond/b.txt', Body: 'x', IfMatch: '"abc"' })))).toBe(501);
    expect(await text('cond/b.txt')).toBe('b');
  });
});
