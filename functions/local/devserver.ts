// Serves the site bucket over HTTP the way CloudFront serves it in production: the stored
// Content-Type and Cache-Control, ETag/Last-Modified with 304s, gzip for text, CORS on feeds,
// directory indexes, and never the private index under _feedpub/.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { contentType as contentTypeFor } from 'mime-types';
import { corsPreflightHeaders, corsResponseHeaders } from '../core/cors';
import { CACHE_CONTROL, cdnCacheClassOf, OUTPUTS, PRIVATE_PREFIX, TEXT_CONTENT_TYPE } from '../core/outputs/formats';
import { BROWSER_REDIRECTED_FEED_PATH, isBrowserNavigation, SUBSCRIBE_LOCATION } from '../core/render/subscribe';
import type { ObjectStore, StoredObject } from '../store/types';
import { listenOn } from './listen';
import { localKeyProblem } from './s3-request-rules';

export interface DevServerOptions {
  store: ObjectStore;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /**
   * HTML put at the top of /status/ while it returns one (the local stack's failed uploads and, for a
   * client on this machine, the editor's private view). `loopback`: the request comes from this machine.
   */
  statusNotice?: (client: { loopback: boolean }) => string | undefined | Promise<string | undefined>;
  /** Local control requests (POST /_feedpub/republish); returns false for a request it does not handle. */
  control?: (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>;
}

export interface DevServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** The paths CloudFront serves with the feeds' CORS policy (the cache classes with `cors`). */
function isFeedPath(path: string): boolean {
  return cdnCacheClassOf(path.replace(/^\/+/, '')).cors;
}
const GZIP_MIN_BYTES = 256;

const PRIVATE_SEGMENT = PRIVATE_PREFIX.slice(0, -1);
const S3_MAX_KEY_BYTES = 1024;
// Control characters (NUL among them) are never in a site path; NUL makes s3rver fail the same way.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * The bucket's first path segment as a case-insensitive file system (macOS, Windows) resolves it:
 * letters in any case, trailing dots and spaces dropped. s3rver keeps objects in such a file
 * system, so "_FEEDPUB/" or "_feedpub./" there opens the private index.
 */
function isPrivateSegment(segment: string): boolean {
  return segment.toLowerCase().replace(/[. ]+$/, '') === PRIVATE_SEGMENT;
}

/** Request path -> object key; undefined for a path that can never name a public object. */
export function keyForPath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const key = decoded.replace(/^\/+/, '');
  const segments = key.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined;
  if (isPrivateSegment(segments[0] ?? '')) return undefined;
  if (CONTROL_CHARACTER.test(key)) return undefined;
  const object = key === '' || key.endsWith('/') ? `${key}index.html` : key;
  if (Buffer.byteLength(object) > S3_MAX_KEY_BYTES) return undefined;
  // A key the local S3 API refuses (400: a segment too long for a file name, "//", "._S3rver_"...) can
  // hold no object: not found at once, rather than an error retried into a 503.
  if (localKeyProblem(object) !== undefined) return undefined;
  return object;
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
// checked against its ETag (the MD5 of a single-part upload) and read again. A body that is still torn
// after ~2 s of retries is never served: the request fails (503) instead.
const READ_ATTEMPTS = 10;

async function readObject(store: ObjectStore, key: string): Promise<StoredObject | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      const object = await store.get(key);
      if (!object || isWhole(object)) return object;
      if (attempt >= READ_ATTEMPTS) throw new Error(`${key} is being rewritten; try again`);
    } catch (error) {
      if (attempt >= READ_ATTEMPTS) throw error;
    }
    await new Promise((r) => setTimeout(r, Math.min(400, 10 * 2 ** attempt)));
  }
}

// A multipart ETag ("<md5>-<parts>") is not the body's MD5 and cannot be checked; any other ETag
// that is not a whole MD5 (none, empty, cut short) comes from a read racing a write, not from an object.
function isWhole(object: StoredObject): boolean {
  const etag = object.etag ?? '';
  if (/^"[0-9a-f]{32}-\d+"$/.test(etag)) return true;
  const md5 = /^"([0-9a-f]{32})"$/.exec(etag)?.[1];
  return md5 !== undefined && createHash('md5').update(object.bytes).digest('hex') === md5;
}

const STATUS_PAGE = OUTPUTS.statusPage.path;

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 forms. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The status page with a live notice at the top of its main part; never cached, as it is not the stored page. */
function withNotice(page: StoredObject | undefined, notice: string): StoredObject {
  const html = page ? Buffer.from(page.bytes).toString('utf8') : '<!doctype html>\n<meta charset="utf-8">\n<title>Status</title>\n<main>\n<h1>Status</h1>\n</main>\n';
  const at = html.includes('<main>') ? html.indexOf('<main>') + '<main>'.length : 0;
  const bytes = Buffer.from(`${html.slice(0, at)}\n${notice}\n${html.slice(at)}`);
  return { bytes, metadata: {}, contentType: OUTPUTS.statusPage.contentType, cacheControl: CACHE_CONTROL.none };
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const store: Pick<ObjectStore, 'get'> = { get: (key) => readObject(options.store, key) };

  const send = async (req: IncomingMessage, res: ServerResponse, key: string, object: StoredObject, status = 200): Promise<void> => {
    const type = object.contentType ?? (contentTypeFor(key) || 'application/octet-stream');
    const lastModified = object.lastModified ? new Date(object.lastModified) : undefined;
    const gzip = isCompressible(type) && acceptsGzip(req) && object.bytes.byteLength >= GZIP_MIN_BYTES;
    const etag = object.etag && (gzip ? `W/${object.etag.replace(/^W\//, '')}` : object.etag);
    res.setHeader('Content-Type', type);
    if (object.cacheControl) res.setHeader('Cache-Control', object.cacheControl);
    if (etag) res.setHeader('ETag', etag);
    if (lastModified) res.setHeader('Last-Modified', lastModified.toUTCString());
    if (isCompressible(type)) res.setHeader('Vary', 'Accept-Encoding');
    if (isFeedPath(key)) for (const [header, value] of Object.entries(corsResponseHeaders())) res.setHeader(header, value);
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
    const page = await store.get(OUTPUTS.notFound.path);
    if (page) return send(req, res, OUTPUTS.notFound.path, { ...page, cacheControl: 'no-cache' }, 404);
    const body = Buffer.from('<!doctype html><meta charset="utf-8"><title>Not found</title><h1>Not found</h1><p><a href="/">Home</a></p>\n');
    return send(req, res, OUTPUTS.notFound.path, { bytes: body, metadata: {}, contentType: OUTPUTS.notFound.contentType, cacheControl: 'no-cache' }, 404);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // An origin-form target is a path: as a relative URL, "//feed.xml" would name the host "feed.xml".
    const target = req.url ?? '/';
    const { pathname } = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
    if (options.control && (await options.control(req, res, pathname))) return;
    // A CORS preflight for a feed, answered as the CloudFront response headers policy answers it.
    if (req.method === 'OPTIONS' && isFeedPath(pathname) && req.headers['access-control-request-method'] !== undefined) {
      res.writeHead(204, corsPreflightHeaders()).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: isFeedPath(pathname) ? 'GET, HEAD, OPTIONS' : 'GET, HEAD' }).end();
      return;
    }
    // A person opening an RSS/Atom feed (head or archive) in a browser gets the subscribe page (as the CloudFront function does).
    if (BROWSER_REDIRECTED_FEED_PATH.test(pathname) && isBrowserNavigation(req.headers.accept)) {
      res.writeHead(302, { Location: SUBSCRIBE_LOCATION, 'Cache-Control': CACHE_CONTROL.none }).end();
      return;
    }
    const key = keyForPath(pathname);
    if (key === undefined) return notFound(req, res);
    const notice = key === STATUS_PAGE ? await options.statusNotice?.({ loopback: isLoopback(req.socket.remoteAddress) }) : undefined;
    if (notice !== undefined) return send(req, res, key, withNotice(await store.get(key), notice));
    const object = await store.get(key);
    if (object) return send(req, res, key, object);
    // "/articles/x" -> "/articles/x/" when that folder has an index, as a static host does.
    if (!pathname.endsWith('/') && keyForPath(`${pathname}/`) !== undefined && (await store.get(`${key}/index.html`))) {
      // One leading slash: "//status/" would be a protocol-relative URL to the host "status".
      res.writeHead(301, { Location: `${pathname.replace(/^\/+/, '/')}/` }).end();
      return;
    }
    return notFound(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      // The local S3 server is busy or unreachable: the client may retry, as with S3's own 503s.
      if (!res.headersSent) res.writeHead(503, { 'Content-Type': TEXT_CONTENT_TYPE, 'Retry-After': '1' });
      res.end(`site bucket read failed: ${error.message}\n`);
    });
  });
  await listenOn(server, options.port, options.host ?? '127.0.0.1', 'site server');
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
