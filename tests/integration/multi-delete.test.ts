// Multi-object deletes (`aws s3 rm --recursive`, `aws s3 sync --delete`, DeleteObjectsCommand) on the
// local S3 API unpublish every key they delete, as single deletes do: one ObjectRemoved:Delete each.
import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import { routeUploadEvents } from '../../functions/local/router';
import { parseS3Notification } from '../../functions/pipeline/events';
import { defaultCore } from '../../functions/pipeline/default-core';
import { LocalFifoQueue } from '../../functions/local/queues';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ core: defaultCore, config: { baseUrl: 'https://news.example.com' } });
});
afterAll(() => h?.close());

const ARTICLE = (title: string) => `Title: ${title}\nDate: 2025-06-02T09:00:00Z\n\nThe body of ${title.toLowerCase()}, one paragraph.\n`;
const feedIds = async () => ((await h.readSiteJson<{ items: { id: string }[] }>('feed.json'))?.items ?? []).map((i) => i.id);

describe('DeleteObjects', () => {
  it('unpublishes both articles it deletes', async () => {
    const keys = ['desk/first story.txt', 'desk/second story.txt']
    for (const [i, key] of keys.entries()) await h.s3.uploads.put(key, ARTICLE(`Story number ${i + 1}`));
    await h.queue.drain();
    expect(await feedIds()).toEqual(expect.arrayContaining(keys.map(articleIdForKey)));

    const out = await h.s3.client.send(
      new DeleteObjectsCommand({ Bucket: h.s3.uploadsBucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }),
    );
    expect(out.Deleted?.map((d) => d.Key).sort()).toEqual(keys);
    await new Promise((r) => setTimeout(r, 50));
    await h.queue.drain();
    const ids = await feedIds()
    for (const key of keys) expect(ids).not.toContain(articleIdForKey(key));
  });

  it('sends one S3-encoded removed event per deleted key, none for keys that were not there', async () => {
    const bodies: string[] = [];
    const queue = new LocalFifoQueue(async (event) => {
      for (const r of event.Records) bodies.push(r.body);
    }, { batchWindowMs: 0 });
    const stop = routeUploadEvents(h.s3, queue);
    await h.s3.uploads.put('x y/Ü.txt', 'Title\n');
    await h.s3.client.send(
      new DeleteObjectsCommand({ Bucket: h.s3.uploadsBucket, Delete: { Objects: [{ Key: 'x y/Ü.txt' }, { Key: 'never-there.txt' }] } }),
    );
    // A multi-delete in the site bucket is not routed.
    await h.s3.siteStore.put('scratch.txt', 'x');
    await h.s3.client.send(new DeleteObjectsCommand({ Bucket: h.s3.siteBucket, Delete: { Objects: [{ Key: 'scratch.txt' }] } }));
    await queue.drain();
    stop();
    const changes = bodies.map((b) => (parseS3Notification(b) as { ok: true; value: { key: string; kind: string }[] }).value[0]);
    expect(changes).toMatchObject([
      { key: 'x y/Ü.txt', kind: 'created' },
      { key: 'x y/Ü.txt', kind: 'removed' },
    ]);
    expect(bodies[1]).toContain('"key":"x+y/%C3%9C.txt"');
    expect(bodies[1]).toContain('ObjectRemoved:Delete');
  });

  it('every key of a folder deleted at once sends its event (s3rver races on the empty-folder cleanup)', async () => {
    const removed: string[] = [];
    const stop = h.s3.onEvent((r) => {
      if (r.eventName === 'ObjectRemoved:Delete' && r.s3.bucket.name === h.s3.uploadsBucket) removed.push(r.s3.object.key);
    });
    const batch = Array.from({ length: 12 }, (_, i) => `race/many/${i}.png`);
    const single = Array.from({ length: 12 }, (_, i) => `race/one/${i}.png`);
    await Promise.all([...batch, ...single].map((key) => h.s3.uploads.put(key, 'x')));
    await h.s3.client.send(new DeleteObjectsCommand({ Bucket: h.s3.uploadsBucket, Delete: { Objects: batch.map((Key) => ({ Key })) } }));
    await Promise.all(single.map((key) => h.s3.uploads.delete(key)));
    stop();
    expect(removed.sort()).toEqual([...batch, ...single].sort());
    expect(await h.s3.uploads.list('race/')).toEqual([]);
  });
});
