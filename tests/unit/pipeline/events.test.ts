import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeS3EventKey, encodeS3EventKey, parseS3Notification, s3NotificationBody } from '../../../functions/pipeline/events';

describe('S3 event keys', () => {
  it.each([
    ['a+b/%C3%9C%2B.txt', 'a b/Ü+.txt'],
    ['news/2026/story+one.txt', 'news/2026/story one.txt'],
    ['%2E%2E/x.txt', '../x.txt'],
    ['a%2Bb.txt', 'a+b.txt'],
  ])('decodes %s as S3 sends it -> %s', (encoded, key) => expect(decodeS3EventKey(encoded)).toBe(key));

  it('encodes the way S3 does', () => {
    expect(encodeS3EventKey('a b/Ü+.txt')).toBe('a+b/%C3%9C%2B.txt');
  });

  it('round-trips any unicode key (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), (key) => {
        expect(decodeS3EventKey(encodeS3EventKey(key))).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseS3Notification', () => {
  it('reads created and removed records with decoded keys', () => {
    const created = parseS3Notification(s3NotificationBody({ bucket: 'up', key: 'a b.txt', eventName: 'ObjectCreated:Put' }));
    const removed = parseS3Notification(s3NotificationBody({ bucket: 'up', key: 'a b.txt', eventName: 's3:ObjectRemoved:Delete' }));
    expect(created.ok && created.value.map((c) => [c.bucket, c.key, c.kind])).toEqual([['up', 'a b.txt', 'created']]);
    expect(removed.ok && removed.value[0]?.kind).toBe('removed');
  });

  it('ignores the setup test event and rejects malformed bodies with a reason', () => {
    expect(parseS3Notification(JSON.stringify({ Event: 's3:TestEvent', Bucket: 'up' }))).toEqual({ ok: true, value: [] });
    expect(parseS3Notification('nope')).toEqual({ ok: false, error: 'message body is not JSON' });
    expect(parseS3Notification('{"Records":[{}]}').ok).toBe(false);
  });

  it('reads a creation\'s size and ETag (quoted, as GET gives it) only when both are well formed', () => {
    const record = (object: Record<string, unknown>, eventName = 'ObjectCreated:Put') =>
      JSON.stringify({ Records: [{ eventName, s3: { bucket: { name: 'b' }, object: { key: 'a.txt', ...object } } }] });
    const etag = '0123456789abcdef0123456789abcdef';
    const read = (body: string) => {
      const parsed = parseS3Notification(body);
      return parsed.ok ? parsed.value.map(({ size, etag: e }) => ({ size, etag: e })) : parsed.error;
    };
    expect(read(record({ size: 12, eTag: etag }))).toEqual([{ size: 12, etag: `"${etag}"` }]);
    expect(read(record({ size: 12, eTag: `${etag}-3` }))).toEqual([{ size: 12, etag: `"${etag}-3"` }]);
    for (const bad of [{ eTag: etag }, { size: 12 }, { size: -1, eTag: etag }, { size: '12', eTag: etag }, { size: 12, eTag: 'x"y' }]) {
      expect(read(record(bad))).toEqual([{ size: undefined, etag: undefined }]);
    }
    expect(read(record({ size: 12, eTag: etag }, 'ObjectRemoved:Delete'))).toEqual([{ size: undefined, etag: undefined }]);
  });

  it('keeps the body shape S3 uses', () => {
    const body = JSON.parse(s3NotificationBody({ bucket: 'up', key: 'ü.txt', eventName: 'ObjectCreated:Put', size: 3, etag: '"abc"' }));
    expect(body.Records[0].s3.object).toEqual({ key: '%C3%BC.txt', size: 3, eTag: 'abc' });
    expect(body.Records[0].s3.bucket.name).toBe('up');
  });
});
