// Serves the site bucket over HTTP the way CloudFront serves it in production: the stored
// Content-Type and Cache-Control, ETag/Last-Modified with 304s, gzip for text, CORS on feeds,
// directory indexes, and never the private index under _feedpub/.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { contentType as contentTypeFor } from 'mime-types';
import { INDEX_PREFIX } from '../core/index/paths';
import type { ObjectStore, StoredObject } from '../store/types';

export interface DevServerOptions {
  store: ObjectStore;
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

export interface DevServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

const FEED_FILES = new Set(['feed.json', 'feed.xml', 'atom.xml']);
const GZIP_MIN_BYTES = 256;

/** Request path -> object key; undefined for a path that can never name a public object. */
export function keyForPath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const key = decoded.replace(/^\/+/, '');
  if (key.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  if (key === INDEX_PREFIX.slice(0, -1) || key.startsWith(INDEX_PREFIX)) return undefined;
  return key === '' || key.endsWith('/') ? `${key}index.html` : key;
}

function isCompressible(contentType: string): boolean {
  return /^text\/|[+/](json|xml|javascript)\b|^image\/svg/.test(contentType);
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'] ?? '';
  return /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*($|,))[\d.]+)?\s*($|,)/i.test(header);
}

/** Weak comparison (RFC 9110 13.1.2): a gzipped response carries the weak form of the same tag. */
function etagMatches(header: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === bare(etag));
}

function notModified(req: IncomingMessage, etag: string | undefined, lastModified: Date | undefined): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 13.1.3).
  if (ifNoneMatch !== undefined) return etag !== undefined && etagMatches(ifNoneMatch, etag);
  const ifModifiedSince = req.headers['if-modified-since'];
  if (ifModifiedSince === undefined || lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

// s3rver rewrites an object in place: a read racing the pipeline's write of the same key can be cut
// short ("aborted") or return a torn body. S3 itself swaps objects atomically; here the body is
// checked against its ETag (the MD5 of a single-part upload) and read again.
async function readObject(store: ObjectStore, key: string, attempts = 5): Promise<StoredObject | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const object = await store.get(key);
      if (!object || isWhole(object) || attempt >= attempts) return object;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    await new Promise((r) => setTimeout(r, 10 * attempt));
  }
}

function isWhole(object: StoredObject): boolean {
  const md5 = /^"([0-9a-f]{32})"$/.exec(object.etag ?? '')?.[1];
  return md5 === undefined || createHash('md5').update(object.bytes).digest('hex') === md5;
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const store: Pick<ObjectStore, 'get'> = { get: (key) => readObject(options.store, key) };

  const send = async (req: IncomingMessage, res: ServerResponse, key: string, object: StoredObject, status = 200): Promise<void> => {
    const type = object.contentType ?? (contentTypeFor(key) || 'application/octet-stream');
    const lastModified = object.lastModified ? new Date(object.lastModified) : undefined;
    const name = key.slice(key.lastIndexOf('/') + 1);
    const gzip = isCompressible(type) && acceptsGzip(req) && object.bytes.byteLength >= GZIP_MIN_BYTES;
    const etag = object.etag && (gzip ? `W/${object.etag.replace(/^W\//, '')}` : object.etag);
    res.setHeader('Content-Type', type);
    if (object.cacheControl) res.setHeader('Cache-Control', object.cacheControl);
    if (etag) res.setHeader('ETag', etag);
    if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString());
    if (isCompressible(type)) res.setHeader('Vary', 'Accept-Encoding');
    if (FEED_FILES.has(name)) res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (status === 200 && notModified(req, etag, lastModified)) {
      res.writeHead(304).end();
      return;
    }
    const body = gzip ? gzipSync(object.bytes) : object.bytes;
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.byteLength);
    res.writeHead(status);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const notFound = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const page = await store.get('404.html');
    if (page) return send(req, res, '404.html', { ...page, cacheControl: 'no-cache' }, 404);
    const body = Buffer.from('<!doctype html><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p><a href="/">Home</a></p>\n');
    return send(req, res, '404.html', { bytes: body, metadata: {}, contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' }, 404);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const key = keyForPath(pathname);
    if (key === undefined) return notFound(req, res);
    const object = await store.get(key);
    if (object) return send(req, res, key, object);
    // "/articles/x" -> "/articles/x/" when that folder has an index, as a static host does.
    if (!pathname.endsWith('/') && (await store.get(`${key}/index.html`))) {
      res.writeHead(301, { Location: `${pathname}/` }).end();
      return;
    }
    return notFound(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`site bucket read failed: ${error.message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
