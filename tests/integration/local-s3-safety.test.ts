// The local S3 API (s3rver behind functions/local/s3server.ts) as an attacker on the same laptop
// meets it: hostile keys cannot reach a file outside their bucket's folder (or another key's file),
// and requests a web page can make the browser send are refused, while S3 clients keep working.
import { CopyObjectCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_BUCKET, startLocalS3, UPLOADS_BUCKET, type LocalS3 } from '../../functions/local/s3server';

let root: string;
let s3: LocalS3;
const SITE_INDEX = '<!doctype html><title>the real site</title>\n';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'feedpub-s3-safety-'));
  s3 = await startLocalS3({ port: 0, dataDir: join(root, 'data'), maxAttempts: 1 });
  await s3.siteStore.put('index.html', SITE_INDEX, { contentType: 'text/html; charset=utf-8' });
});
afterAll(async () => {
  await s3?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Every file under dir, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

// s3rver does not verify SigV4 signatures (any credentials work locally); the guard checks that the
// request is SigV4-shaped, which a web page cannot make a browser send cross-origin.
const SIGNED = {
  authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
  'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
};

interface Reply {
  status: number;
  body: string;
}

/** One raw HTTP request with the path exactly as given (no client-side dot-segment normalization). */
function send(method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<Reply> {
  const url = new URL(s3.endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { 'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d+/g, ''), 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('keys the file store would resolve elsewhere', () => {
  // As sent on the wire after the bucket: raw, percent-encoded (any case), mixed, with backslashes.
  const HOSTILE_PATHS = [
    '../feedpub-site/index.html',
    '../../escaped.html',
    '%2e%2e/feedpub-site/index.html',
    '%2E%2E%2Ffeedpub-site%2Findex.html',
    '..%2f..%2fescaped.html',
    '.%2e/.%2e/escaped.html',
    '%2e./escaped.html',
    'a/../../feedpub-site/index.html',
    'a/%2e%2e/%2e%2e/feedpub-site/index.html',
    'a/./b.txt',
    'a/%2e/b.txt',
    './b.txt',
    'a//b.txt',
    '%2Fa.txt',
    '..%5c..%5cescaped.html',
    '..\\..\\escaped.html',
    'a%00b.txt',
    'a%0d%0ab.txt',
    'x._S3rver_object',
    'index.html._S3rver_metadata.json',
    `${'x'.repeat(234)}.txt`,
    'x'.repeat(1025),
  ];

  it.each(HOSTILE_PATHS)('PUT /feedpub-uploads/%s is refused with 400 and writes nothing', async (path) => {
    const before = await filesUnder(root);
    const reply = await send('PUT', `/${UPLOADS_BUCKET}/${path}`, { ...SIGNED, 'content-type': 'text/html' }, '<script>alert(1)</script>');
    expect(reply.status, reply.body).toBe(400);
    expect(reply.body).toMatch(/<Code>(InvalidArgument|KeyTooLongError)<\/Code>/);
    expect(await filesUnder(root)).toEqual(before);
  });

  it.each(['..', '%2e%2e', '.', 'feedpub-uploads%2f..', 'other-bucket'])('bucket "%s" does not exist (404), nothing written', async (bucket) => {
    const before = await filesUnder(root);
    const reply = await send('PUT', `/${bucket}/x.html`, SIGNED, 'x');
    expect(reply.status, reply.body).toBe(404);
    expect(reply.body).toContain('<Code>NoSuchBucket</Code>');
    expect(await filesUnder(root)).toEqual(before);
  });

  it('keys named inside a request body or header are held to the same rules (multi-delete, copy source, form field)', async () => {
    await s3.uploads.put('keep.txt', 'keep');
    const before = await filesUnder(root);
    await expect(
      s3.client.send(new DeleteObjectsCommand({ Bucket: UPLOADS_BUCKET, Delete: { Objects: [{ Key: '../feedpub-site/index.html' }] } })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    await expect(
      s3.client.send(new CopyObjectCommand({ Bucket: UPLOADS_BUCKET, Key: 'copy.txt', CopySource: `${UPLOADS_BUCKET}/../../../etc/hostname` })),
    ).rejects.toMatchObject({ name: 'InvalidArgument' });
    // A signed form upload (POST Object) names its key in the form: the store refuses it too.
    const boundary = 'xXx';
    const form = [`--${boundary}`, 'Content-Disposition: form-data; name="key"', '', '../feedpub-site/index.html', `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="x.html"', 'Content-Type: text/html', '', '<script>1</script>', `--${boundary}--`, ''].join('\r\n');
    const reply = await send('POST', `/${UPLOADS_BUCKET}`, { ...SIGNED, 'content-type': `multipart/form-data; boundary=${boundary}` }, form);
    expect(reply.status, reply.body).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(await filesUnder(root)).toEqual(before);
  });

  it('after all of the above the site bucket still holds its own index.html, and nothing lies outside the bucket folders', async () => {
    const page = await s3.siteStore.get('index.html');
    expect(Buffer.from(page?.bytes ?? []).toString('utf8')).toBe(SITE_INDEX);
    for (const file of await filesUnder(root)) {
      expect(file.startsWith(`data${sep}${UPLOADS_BUCKET}${sep}`) || file.startsWith(`data${sep}${SITE_BUCKET}${sep}`), file).toBe(true);
    }
  });

  it('ordinary odd keys still round-trip: spaces, plus, Unicode, literal percent text, dots inside names, a folder marker', async () => {
    const keys = ['a b/c+d.txt', 'größe/“x”.txt', '%2e%2e literal.txt', '..hidden/x..y.txt', 'folder/', 'a.b/c.'];
    for (const key of keys) await s3.uploads.put(key, `body of ${key}`);
    for (const key of keys) expect(Buffer.from((await s3.uploads.get(key))?.bytes ?? []).toString('utf8'), key).toBe(`body of ${key}`);
    expect(await s3.uploads.list('')).toEqual(expect.arrayContaining(keys));
    for (const key of keys) await s3.uploads.delete(key);
  });

  it('a failed write answers 500 with the reason; the server keeps running', async () => {
    // A non-empty folder where the object file goes: the new body cannot replace it, even for root.
    const objectFile = join(root, 'data', SITE_BUCKET, 'blocked.html._S3rver_object');
    await mkdir(join(objectFile, 'obstruction'), { recursive: true });
    await expect(s3.siteStore.put('blocked.html', 'version 2')).rejects.toMatchObject({
      $metadata: { httpStatusCode: 500 },
      message: expect.stringMatching(/could not write feedpub-site\/blocked\.html: E(ISDIR|NOTEMPTY|EXIST)/),
    });
    expect((await stat(join(objectFile, 'obstruction'))).isDirectory()).toBe(true);
    await rm(objectFile, { recursive: true });
    await s3.siteStore.put('blocked.html', 'version 3');
    expect(Buffer.from((await s3.siteStore.get('blocked.html'))?.bytes ?? []).toString('utf8')).toBe('version 3');
    await s3.siteStore.delete('blocked.html');
    // No temporary file left behind.
    expect((await filesUnder(join(root, 'data', SITE_BUCKET))).filter((f) => f.includes('_tmp'))).toEqual([]);
  });

  it('an upload cut off mid-body leaves the previous version whole (s3rver wrote in place)', async () => {
    await s3.siteStore.put('whole.html', 'version 1');
    const url = new URL(s3.endpoint);
    await new Promise<void>((resolve) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        method: 'PUT',
        path: `/${SITE_BUCKET}/whole.html`,
        headers: { ...SIGNED, 'x-amz-date': new Date().toISOString().replace(/[-:]|\.\d+/g, ''), 'content-length': '100000' },
      });
      req.on('error', () => resolve());
      req.write('torn', () => setTimeout(() => req.destroy(), 100));
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(Buffer.from((await s3.siteStore.get('whole.html'))?.bytes ?? []).toString('utf8')).toBe('version 1');
    expect((await filesUnder(join(root, 'data', SITE_BUCKET))).filter((f) => f.includes('_tmp'))).toEqual([]);
    await s3.siteStore.delete('whole.html');
  });
});

describe('who may call the local S3 API', () => {
  const own = () => s3.endpoint;
  const formBoundary = 'b0undary';
  const formBody = [`--${formBoundary}`, 'Content-Disposition: form-data; name="key"', '', 'planted.html', `--${formBoundary}`, 'Content-Disposition: form-data; name="file"; filename="p.html"', 'Content-Type: text/html', '', '<script>alert(1)</script>', `--${formBoundary}--`, ''].join('\r\n');
  const deleteXml = '<Delete><Object><Key>keep.txt</Key></Object></Delete>';
  const presigned = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=00`;

  // What a web page in the developer's browser can send without a CORS preflight, and worse.
  const REFUSED: Array<[string, string, string, Record<string, string>, string]> = [
    ['HTML form upload (multipart, no credentials)', 'POST', `/${UPLOADS_BUCKET}`, { 'content-type': `multipart/form-data; boundary=${formBoundary}`, origin: 'https://evil.example' }, formBody],
    ['HTML form upload without an Origin (privacy mode)', 'POST', `/${UPLOADS_BUCKET}`, { 'content-type': `multipart/form-data; boundary=${formBoundary}` }, formBody],
    ['form upload to a forged presigned URL', 'POST', `/${UPLOADS_BUCKET}?${presigned}`, { 'content-type': `multipart/form-data; boundary=${formBoundary}` }, formBody],
    ['text/plain multi-delete (a no-cors fetch)', 'POST', `/${UPLOADS_BUCKET}?delete`, { 'content-type': 'text/plain' }, deleteXml],
    ['unsigned PUT', 'PUT', `/${UPLOADS_BUCKET}/planted.html`, {}, '<script>1</script>'],
    ['unsigned DELETE', 'DELETE', `/${UPLOADS_BUCKET}/keep.txt`, {}, ''],
    ['unsigned GET (a browser tab, an <img>)', 'GET', `/${SITE_BUCKET}/index.html`, {}, ''],
    ['CORS preflight', 'OPTIONS', `/${UPLOADS_BUCKET}/planted.html`, { origin: 'https://evil.example', 'access-control-request-method': 'PUT' }, ''],
    ['signed, but from a foreign Origin', 'PUT', `/${UPLOADS_BUCKET}/planted.html`, { ...SIGNED, origin: 'https://evil.example' }, 'x'],
    ['signed, Origin null', 'PUT', `/${UPLOADS_BUCKET}/planted.html`, { ...SIGNED, origin: 'null' }, 'x'],
    ['signed, Sec-Fetch-Site cross-site', 'PUT', `/${UPLOADS_BUCKET}/planted.html`, { ...SIGNED, 'sec-fetch-site': 'cross-site' }, 'x'],
    ['signed, DNS-rebound Host', 'PUT', `/${UPLOADS_BUCKET}/planted.html`, { ...SIGNED, host: 'evil.example:4569' }, 'x'],
    ['SigV2 (not an S3 client we accept)', 'PUT', `/${UPLOADS_BUCKET}/planted.html`, { authorization: 'AWS S3RVER:c2lnbmF0dXJl' }, 'x'],
  ];

  it.each(REFUSED)('refuses %s with 403', async (_name, method, path, headers, body) => {
    await s3.uploads.put('keep.txt', 'keep');
    const reply = await send(method, path, headers, body);
    expect(reply.status, reply.body).toBe(403);
    expect(reply.body).toContain('<Code>AccessDenied</Code>');
    expect(await s3.uploads.get('planted.html')).toBeUndefined();
    expect(await s3.uploads.get('keep.txt')).toBeDefined();
  });

  it('accepts SigV4 header-signed requests (the AWS SDK: put, get, list, multi-delete, copy) and a same-origin Origin', async () => {
    const { client } = s3;
    await client.send(new PutObjectCommand({ Bucket: UPLOADS_BUCKET, Key: 'sdk.txt', Body: 'sdk' }));
    const got = await client.send(new GetObjectCommand({ Bucket: UPLOADS_BUCKET, Key: 'sdk.txt' }));
    expect(await got.Body?.transformToString()).toBe('sdk');
    await client.send(new CopyObjectCommand({ Bucket: UPLOADS_BUCKET, Key: 'sdk-copy.txt', CopySource: `${UPLOADS_BUCKET}/sdk.txt` }));
    const listed = await client.send(new ListObjectsV2Command({ Bucket: UPLOADS_BUCKET, Prefix: 'sdk' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['sdk-copy.txt', 'sdk.txt']);
    await client.send(new DeleteObjectsCommand({ Bucket: UPLOADS_BUCKET, Delete: { Objects: [{ Key: 'sdk.txt' }, { Key: 'sdk-copy.txt' }] } }));
    expect(await s3.uploads.list('sdk')).toEqual([]);
    const sameOrigin = await send('PUT', `/${UPLOADS_BUCKET}/same-origin.txt`, { ...SIGNED, origin: own() }, 'x');
    expect(sameOrigin.status, sameOrigin.body).toBe(200);
    await s3.uploads.delete('same-origin.txt');
  });

  it('accepts a presigned GET and PUT (query-signed), which a page cannot use to write without a preflight', async () => {
    const put = await send('PUT', `/${UPLOADS_BUCKET}/presigned.txt?${presigned}`, {}, 'presigned body');
    expect(put.status, put.body).toBe(200);
    const get = await send('GET', `/${UPLOADS_BUCKET}/presigned.txt?${presigned}`);
    expect(get).toEqual({ status: 200, body: 'presigned body' });
    await s3.uploads.delete('presigned.txt');
  });
});

describe('listings past 1,000 keys (s3rver used DES for its continuation token)', () => {
  const N = 2_345;
  const keyOf = (i: number) => `many/${String(i % 7)}/${String(i).padStart(5, '0')}.txt`;
  const all = Array.from({ length: N }, (_, i) => keyOf(i)).sort();

  beforeAll(async () => {
    const { mapLimit } = await import('../../functions/core/concurrency');
    await mapLimit(all, 32, (key) => s3.uploads.put(key, key));
  }, 120_000);

  it('pages through every key exactly once, in order', async () => {
    expect(await s3.uploads.list('many/')).toEqual(all);
  });

  it.each([
    { MaxKeys: 1000, Prefix: 'many/' },
    { MaxKeys: 333, Prefix: 'many/3/' },
    { MaxKeys: 1, Prefix: 'many/6/004' },
    { MaxKeys: 500, Prefix: 'many/', StartAfter: keyOf(1500) },
  ])('ListObjectsV2 %o', async (params) => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await s3.client.send(new ListObjectsV2Command({ Bucket: UPLOADS_BUCKET, ...params, ContinuationToken: token }));
      expect(out.KeyCount).toBe(out.Contents?.length ?? 0);
      expect(out.Contents?.length ?? 0).toBeLessThanOrEqual(params.MaxKeys);
      seen.push(...(out.Contents ?? []).map((c) => c.Key as string));
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
      pages++;
    } while (token);
    const expected = all.filter((k) => k.startsWith(params.Prefix) && (params.StartAfter === undefined || k > params.StartAfter));
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / params.MaxKeys)));
  });

  it('a token for another bucket, or a forged one, is refused with 400', async () => {
    const first = await s3.client.send(new ListObjectsV2Command({ Bucket: UPLOADS_BUCKET, Prefix: 'many/', MaxKeys: 10 }));
    await expect(s3.client.send(new ListObjectsV2Command({ Bucket: SITE_BUCKET, ContinuationToken: first.NextContinuationToken }))).rejects.toMatchObject({
      name: 'InvalidArgument',
    });
    await expect(s3.client.send(new ListObjectsV2Command({ Bucket: UPLOADS_BUCKET, ContinuationToken: 'bm90IGEgdG9rZW4' }))).rejects.toMatchObject({
      name: 'InvalidArgument',
    });
  });
});

it('lists only its two buckets, whatever else lies in the data folder', async () => {
  const { ListBucketsCommand } = await import('@aws-sdk/client-s3');
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir(join(root, 'data', 'stray'));
  await writeFile(join(root, 'data', '.DS_Store'), 'x');
  const listed = await s3.client.send(new ListBucketsCommand({}));
  expect(listed.Buckets?.map((b) => b.Name).sort()).toEqual([SITE_BUCKET, UPLOADS_BUCKET].sort());
  await rm(join(root, 'data', 'stray'), { recursive: true });
  await rm(join(root, 'data', '.DS_Store'));
});

it('the data folder holds only bucket folders afterwards', async () => {
  expect((await readdir(join(root, 'data'))).sort()).toEqual([SITE_BUCKET, UPLOADS_BUCKET].sort());
  expect(await readFile(join(root, 'data', SITE_BUCKET, 'index.html._S3rver_object'), 'utf8')).toBe(SITE_INDEX);
});
