// The local site server over a real site bucket (s3rver): what a browser, a feed reader and an
// aggregator see. Raw node:http requests, so compression and headers are checked as sent.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_CORS } from '../../functions/core/cors';
import { isLoopback, keyForPath, startDevServer, type DevServer } from '../../functions/local/devserver';
import { MemoryObjectStore } from '../../functions/store/memory';
import { startLocalS3, type LocalS3 } from '../support/local-s3';

let s3: LocalS3;
let server: DevServer;

const FEED_XML = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>t</title>${'<item><title>x</title></item>'.repeat(40)}</channel></rss>\n`;
const FEED_JSON = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: Array.from({ length: 30 }, (_, i) => ({ id: `${i}` })) });
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(600).fill(7)]);

beforeAll(async () => {
  s3 = await startLocalS3();
  const put = (key: string, body: string | Uint8Array, contentType: string, cacheControl = 'public, max-age=60') =>
    s3.siteStore.put(key, body, { contentType, cacheControl });
  await put('index.html', '<!doctype html><title>home</title>', 'text/html; charset=utf-8');
  await put('feed.xml', FEED_XML, 'application/rss+xml; charset=utf-8');
  await put('atom.xml', '<feed xmlns="http://www.w3.org/2005/Atom"/>', 'application/atom+xml; charset=utf-8');
  await put('feed.json', FEED_JSON, 'application/feed+json; charset=utf-8');
  await put('archive/2026-05/feed.json', FEED_JSON, 'application/feed+json; charset=utf-8');
  await put('articles/a-story/index.html', '<!doctype html><title>a story</title>', 'text/html; charset=utf-8', 'public, max-age=300');
  await put('images/0123abcd.png', PNG, 'image/png', 'public, max-age=31536000, immutable');
  await put('_feedpub/head.json', '{"private":true}', 'application/json; charset=utf-8');
  await put('status.json', '{"articles":1}', 'application/json; charset=utf-8');
  server = await startDevServer({ store: s3.siteStore, port: 0 });
});
afterAll(async () => {
  await server?.close();
  await s3?.close();
});

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('paths', () => {
  it.each([
    ['/', 'index.html'],
    ['/articles/a-story/', 'articles/a-story/index.html'],
    ['/feed.xml', 'feed.xml'],
    ['/a%20b/%C3%9C.txt', 'a b/Ü.txt'],
    ['/_feedpub/head.json', undefined],
    ['/_feedpub', undefined],
    ['/_feedpub/', undefined],
    ['/%5Ffeedpub/head.json', undefined],
    ['/a/../_feedpub/head.json', undefined],
    ['/%E0%A4%A', undefined],
    // A case-insensitive file system (macOS, Windows) under s3rver opens these as _feedpub/.
    ['/_FEEDPUB/head.json', undefined],
    ['/_FeedPub/', undefined],
    ['/_feedpub./head.json', undefined],
    ['/_feedpub%20.%20/head.json', undefined],
    ['/_FEEDPUB..', undefined],
    ['//_feedpub/head.json', undefined],
    ['/_feedpubs/a.json', '_feedpubs/a.json'],
    ['/.._feedpub/a.json', '.._feedpub/a.json'],
    ['/news/_feedpub/a.json', 'news/_feedpub/a.json'],
    // Keys no site object can have: fast 404s, not a failed read.
    ['/a%00b', undefined],
    ['/feed.xml%00', undefined],
    ['/a%0Ab', undefined],
    ['/a%7F', undefined],
    // The local S3 API keeps segments of at most 233 bytes (functions/local/s3-request-rules.ts).
    [`/${'x'.repeat(234)}`, undefined],
    [`/${'x'.repeat(233)}`, 'x'.repeat(233)],
    ['/a//b.txt', undefined],
    ['/x._S3rver_object', undefined],
    [`/${'é'.repeat(121)}/`, undefined],
    [`/${'ab/'.repeat(342)}`, undefined],
  ])('%s -> %s', (path, key) => {
    expect(keyForPath(path)).toBe(key);
  });
});

describe('serving the site bucket', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'public, max-age=60'],
    ['/feed.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=60'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8', 'public, max-age=60'],
    ['/feed.json', 'application/feed+json; charset=utf-8', 'public, max-age=60'],
    ['/articles/a-story/', 'text/html; charset=utf-8', 'public, max-age=300'],
    ['/images/0123abcd.png', 'image/png', 'public, max-age=31536000, immutable'],
  ])('%s is served with its stored Content-Type and Cache-Control', async (path, type, cache) => {
    const r = await get(path);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['cache-control']).toBe(cache);
  });

  it('serves the stored bytes', async () => {
    expect((await get('/images/0123abcd.png')).body.equals(Buffer.from(PNG))).toBe(true);
    expect((await get('/feed.xml')).body.toString('utf8')).toBe(FEED_XML);
  });

  it('redirects a folder without its slash to the folder', async () => {
    const r = await get('/articles/a-story');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/articles/a-story/');
  });

  it('redirects to a path on this site, never to a protocol-relative URL', async () => {
    for (const path of ['/x/..//articles/a-story', '//articles/a-story', '///articles/a-story']) {
      const r = await get(path);
      expect(r.status, path).toBe(301);
      expect(r.headers.location, path).toMatch(/^\/(?!\/)/);
      expect(r.headers.location, path).toBe('/articles/a-story/');
    }
    // The path is not rewritten as a URL: "//feed.xml" is the feed, not the home page of host "feed.xml".
    expect((await get('//feed.xml')).body.toString('utf8')).toBe(FEED_XML);
  });

  it('never serves the private index in another case or with trailing dots (case-insensitive file systems)', async () => {
    // What such a file system would open for "_FEEDPUB/" or "_feedpub./", put where a Linux s3rver finds it.
    await s3.siteStore.put('_FEEDPUB/head.json', '{"private":true}', { contentType: 'application/json' });
    await s3.siteStore.put('_feedpub./head.json', '{"private":true}', { contentType: 'application/json' });
    await s3.siteStore.put('_FeedPub/index.html', 'private', { contentType: 'text/html' });
    for (const path of ['/_FEEDPUB/head.json', '/_feedpub./head.json', '/_feedpub%2E/head.json', '/_FeedPub/', '/_FeedPub']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString('utf8')).not.toContain('private');
    }
  });

  it('answers a path with a NUL byte or a name too long to store with a 404 at once', async () => {
    for (const path of ['/a%00b', '/feed.xml%00.json', `/${'x'.repeat(300)}`]) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.headers['content-type'], path).toBe('text/html; charset=utf-8');
    }
  });

  it('never serves the private index under _feedpub/', async () => {
    for (const path of ['/_feedpub/head.json', '/_feedpub/', '/%5Ffeedpub/head.json', '/x/../_feedpub/head.json']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.body.toString('utf8')).not.toContain('private');
    }
  });

  it('answers a missing path with a 404 HTML page', async () => {
    const r = await get('/articles/nope/');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body.toString('utf8')).toContain('Not found');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const r = await get('/feed.xml', {}, 'POST');
    expect(r.status).toBe(405);
    // Feeds also answer CORS preflights.
    expect(r.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect((await get('/', {}, 'POST')).headers.allow).toBe('GET, HEAD');
  });
});

describe('conditional GET', () => {
  it('ETag: If-None-Match with the same tag -> 304 without a body; another tag -> 200', async () => {
    const first = await get('/feed.json');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await get('/feed.json', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await get('/feed.json', { 'If-None-Match': '"other", W/' + etag })).status).toBe(304);
    expect((await get('/feed.json', { 'If-None-Match': '"0000"' })).status).toBe(200);
  });

  it('Last-Modified: If-Modified-Since at or after it -> 304; before it -> 200', async () => {
    const first = await get('/feed.xml');
    const lastModified = first.headers['last-modified'] as string;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect((await get('/feed.xml', { 'If-Modified-Since': lastModified })).status).toBe(304);
    const later = new Date(Date.parse(lastModified) + 60_000).toUTCString();
    expect((await get('/feed.xml', { 'If-Modified-Since': later })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await get('/feed.xml', { 'If-Modified-Since': earlier })).status).toBe(200);
  });

  it('If-None-Match wins over If-Modified-Since', async () => {
    const lastModified = (await get('/feed.xml')).headers['last-modified'] as string;
    expect((await get('/feed.xml', { 'If-None-Match': '"0000"', 'If-Modified-Since': lastModified })).status).toBe(200);
  });

  it('an edited object gets a new ETag and is served again', async () => {
    await s3.siteStore.put('status.json', '{"articles":2}', { contentType: 'application/json; charset=utf-8' });
    const before = (await get('/status.json')).headers.etag as string;
    await s3.siteStore.put('status.json', '{"articles":3}', { contentType: 'application/json; charset=utf-8' });
    const r = await get('/status.json', { 'If-None-Match': before });
    expect(r.status).toBe(200);
    expect(r.body.toString('utf8')).toBe('{"articles":3}');
  });
});

describe('compression', () => {
  it('gzips text when the client accepts it, with Vary and a weak ETag', async () => {
    const plain = await get('/feed.xml');
    const r = await get('/feed.xml', { 'Accept-Encoding': 'br, gzip;q=0.8' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.headers.etag).toBe(`W/${plain.headers.etag}`);
    expect(gunzipSync(r.body).toString('utf8')).toBe(FEED_XML);
    expect(r.body.byteLength).toBeLessThan(Buffer.byteLength(FEED_XML));
    expect(Number(r.headers['content-length'])).toBe(r.body.byteLength);
    expect((await get('/feed.xml', { 'Accept-Encoding': 'gzip', 'If-None-Match': r.headers.etag as string })).status).toBe(304);
  });

  it.each([
    ['no Accept-Encoding', '/feed.xml', {}],
    ['gzip refused with q=0', '/feed.xml', { 'Accept-Encoding': 'gzip;q=0, deflate' }],
    ['an image', '/images/0123abcd.png', { 'Accept-Encoding': 'gzip' }],
  ])('does not gzip with %s', async (_name, path, headers) => {
    const r = await get(path, headers);
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBeUndefined();
  });
});

describe('CORS and HEAD', () => {
  it.each(['/feed.json', '/feed.xml', '/atom.xml', '/archive/2026-05/feed.json'])('%s allows any origin', async (path) => {
    expect((await get(path)).headers['access-control-allow-origin']).toBe('*');
  });

  it.each(['/feed.json', '/feed.xml', '/archive/2026-05/feed.json'])('%s exposes ETag and Last-Modified to scripts', async (path) => {
    expect((await get(path)).headers['access-control-expose-headers']).toBe('ETag, Last-Modified');
  });

  it('answers a CORS preflight for a feed as the CloudFront policy does (the same table)', async () => {
    const r = await get('/feed.json', { Origin: 'https://reader.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' }, 'OPTIONS');
    expect(r.status).toBe(204);
    expect(r.headers).toMatchObject({
      'access-control-allow-origin': FEED_CORS.allowOrigin,
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': '*',
      'access-control-max-age': '86400',
    });
    // Not a preflight (no Access-Control-Request-Method), or not a feed: no CORS answer.
    expect((await get('/feed.json', {}, 'OPTIONS')).status).toBe(405);
    expect((await get('/', { 'Access-Control-Request-Method': 'GET' }, 'OPTIONS')).status).toBe(405);
  });

  it('a browser opening an RSS or Atom feed, head, archive or tag, is sent to the subscribe page; feed readers get the feed', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    for (const path of ['/feed.xml', '/atom.xml', '/archive/2024-10/feed.xml', '/archive/2024-10/atom.xml', '/tags/harbour/feed.xml', '/tags/harbour/archive/2024-10/atom.xml']) {
      const r = await get(path, { Accept: browser });
      expect(r.status).toBe(302);
      expect(r.headers.location).toBe('/subscribe/');
      expect(r.headers['cache-control']).toBe('no-store');
    }
    const reader = await get('/feed.xml', { Accept: 'application/rss+xml, application/xml;q=0.9, */*;q=0.1' });
    expect(reader.status).toBe(200);
    expect(reader.body.toString('utf8')).toBe(FEED_XML);
    expect((await get('/feed.xml')).status).toBe(200);
  });

  it('pages do not carry CORS headers', async () => {
    expect((await get('/')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('HEAD returns the GET headers without a body', async () => {
    const full = await get('/feed.json');
    const head = await get('/feed.json', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    for (const h of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control', 'access-control-allow-origin']) {
      expect(head.headers[h], h).toBe(full.headers[h]);
    }
    expect((await get('/missing.json', {}, 'HEAD')).status).toBe(404);
  });
});

describe('a body torn by a concurrent rewrite (fault injection: s3rver rewrites objects in place)', () => {
  // A store whose first `tornReads` reads of feed.json return the first half of the bytes under the
  // ETag (MD5) of the whole, as a read racing s3rver's in-place rewrite does.
  async function serverWithTornReads(tornReads: number): Promise<{ server: DevServer; reads: () => number }> {
    const memory = new MemoryObjectStore();
    await memory.put('feed.json', '{"version":"https://jsonfeed.org/version/1.1","items":[]}', { contentType: 'application/feed+json; charset=utf-8' });
    let reads = 0;
    const store = Object.assign(Object.create(memory) as MemoryObjectStore, {
      get: async (key: string) => {
        const object = await memory.get(key);
        if (!object || key !== 'feed.json' || reads++ >= tornReads) return object;
        return { ...object, bytes: object.bytes.slice(0, object.bytes.byteLength / 2) };
      },
    });
    return { server: await startDevServer({ store, port: 0 }), reads: () => reads };
  }

  it('reads again and serves the whole body', async () => {
    const { server, reads } = await serverWithTornReads(2);
    try {
      const res = await fetch(`${server.url}/feed.json`);
      expect(res.status).toBe(200);
      expect(JSON.parse(await res.text())).toEqual({ version: 'https://jsonfeed.org/version/1.1', items: [] });
      expect(reads()).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('reads again when the ETag itself is torn (empty or cut short, as an in-place .md5 rewrite gave)', async () => {
    const memory = new MemoryObjectStore();
    await memory.put('feed.json', FEED_JSON, { contentType: 'application/feed+json; charset=utf-8' });
    const whole = (await memory.get('feed.json'))!;
    const torn = ['""', '"0123"', undefined];
    let reads = 0;
    const store = Object.assign(Object.create(memory) as MemoryObjectStore, {
      get: async () => {
        const etag = torn[reads++];
        if (reads > torn.length) return whole;
        const { etag: _dropped, ...rest } = whole;
        return { ...rest, bytes: whole.bytes.slice(0, 100), ...(etag !== undefined && { etag }) };
      },
    });
    const torn503 = await startDevServer({ store, port: 0 });
    try {
      const res = await fetch(`${torn503.url}/feed.json`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(FEED_JSON);
      expect(reads).toBe(torn.length + 1);
    } finally {
      await torn503.close();
    }
  });

  it('never serves a body that stays torn: 503 with Retry-After', async () => {
    const { server } = await serverWithTornReads(Number.POSITIVE_INFINITY);
    try {
      const res = await fetch(`${server.url}/feed.json`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(await res.text()).not.toContain('jsonfeed');
    } finally {
      await server.close();
    }
  });
});

describe('reads racing rewrites of the same key on the real local S3 server', () => {
  // Two versions of different lengths written back and forth while the site is read: every 200
  // must be one version or the other, byte for byte (a torn ETag once let a cut body through).
  it('serves only whole versions', async () => {
    const versions = [FEED_JSON, JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'longer', items: Array.from({ length: 400 }, (_, i) => ({ id: `v2-${i}` })) })];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await s3.siteStore.put('racing/feed.json', versions[i % 2]!, { contentType: 'application/feed+json; charset=utf-8' });
        // Paced as a publisher's rewrites are, so reads between them can succeed.
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const statuses: number[] = [];
    try {
      // At least 3 s and 11 whole reads (a loaded machine serves fewer per second), at most 15 s.
      const started = Date.now();
      const enough = () => Date.now() - started >= 3000 && statuses.filter((s) => s === 200).length > 10;
      while (!enough() && Date.now() - started < 15_000) {
        const res = await fetch(`${server.url}/racing/feed.json`);
        const text = await res.text();
        statuses.push(res.status);
        if (res.status === 200) expect(versions).toContain(text);
        else expect([404, 503]).toContain(res.status);
      }
    } finally {
      writing = false;
      await writer;
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(10);
  }, 20_000);
});

describe('the status page notice', () => {
  it('is asked for with whether the client is on this machine, and may be async', async () => {
    const store = new MemoryObjectStore();
    await store.put('status/index.html', '<!doctype html><main><h1>Status</h1></main>', { contentType: 'text/html; charset=utf-8' });
    const seen: boolean[] = [];
    const local = await startDevServer({
      store,
      port: 0,
      statusNotice: async ({ loopback }) => {
        seen.push(loopback);
        return loopback ? '<p id="private">for this machine</p>' : undefined;
      },
    });
    try {
      const page = await (await fetch(`${local.url}/status/`)).text();
      expect(page).toContain('<main>\n<p id="private">for this machine</p>\n<h1>Status</h1>');
      expect(await (await fetch(`${local.url}/`)).status).toBe(404);
      expect(seen).toEqual([true]);
    } finally {
      await local.close();
    }
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', false],
    ['::ffff:10.0.0.2', false],
    ['fe80::1', false],
    ['1127.0.0.1', false],
    [undefined, false],
  ])('isLoopback(%s) is %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
