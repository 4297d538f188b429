// s3rver events -> queue messages shaped as S3 sends them to SQS: keys URL-encoded with "+" for
// spaces, only the uploads bucket, created and removed events.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routeUploadEvents } from '../../functions/local/router';
import { parseS3Notification } from '../../functions/pipeline/events';
import { LocalFifoQueue } from '../../functions/local/queues';
import { startLocalS3, type LocalS3 } from '../support/local-s3';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3();
});
afterAll(() => s3?.close());

interface RawBody {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } } }[];
}

it('encodes keys as S3 does, ignores the site bucket, and stops when asked', async () => {
  const bodies: string[] = [];
  const queue = new LocalFifoQueue(async (event) => {
    for (const r of event.Records) bodies.push(r.body);
  }, { batchWindowMs: 0 });
  const stop = routeUploadEvents(s3, queue);
  await s3.uploads.put('a b/Ü+x.txt', 'Title\n');
  await s3.siteStore.put('feed.xml', '<rss/>');
  await s3.uploads.delete('a b/Ü+x.txt');
  await queue.drain();
  const records = bodies.map((b) => (JSON.parse(b) as RawBody).Records[0]);
  expect(records.map((r) => [r?.eventName, r?.s3.bucket.name, r?.s3.object.key])).toEqual([
    ['ObjectCreated:Put', 'feedpub-uploads', 'a+b/%C3%9C%2Bx.txt'],
    ['ObjectRemoved:Delete', 'feedpub-uploads', 'a+b/%C3%9C%2Bx.txt'],
  ]);
  expect(records[0]?.s3.object.size).toBe(6);
  // The handler's decoder gives back the key as stored.
  expect(bodies.map((b) => (parseS3Notification(b) as { ok: true; value: { key: string; kind: string }[] }).value[0])).toMatchObject([
    { key: 'a b/Ü+x.txt', kind: 'created' },
    { key: 'a b/Ü+x.txt', kind: 'removed' },
  ]);
  stop();
  await s3.uploads.put('after-stop.txt', 'Title\n');
  await queue.drain();
  expect(bodies).toHaveLength(2);
});
