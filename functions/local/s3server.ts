// A real local S3 API (s3rver) with the feedpub buckets, kept on disk under dataDir. `npm start`
// and the tests start it the same way; the router turns its object events into queue messages.
import type { S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, rename, rm, utimes, writeFile, type FileHandle } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import S3rver from 's3rver';
import { createS3Client, S3ObjectStore } from '../store/s3';
import { listenOn } from './listen';
import { keyRefusal, requestRefusal, type Refusal } from './s3-request-rules';

export const UPLOADS_BUCKET = 'feedpub-uploads';
export const SITE_BUCKET = 'feedpub-site';

/** One object event as s3rver emits it: keys raw (not URL-encoded as real S3 sends them). */
export interface S3rverEventRecord {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } };
}

/**
 * s3rver knows one access key ("S3RVER") and rejects the rest with InvalidAccessKeyId. Any
 * credentials should do locally (`aws s3 cp` with whatever profile is set), so unknown key ids are
 * mapped to its one account; SigV4 signatures are not checked by s3rver, SigV2 ones are let through
 * by allowMismatchedSignatures below.
 */
function acceptAnyAccessKey(): void {
  const { registry, DUMMY_ACCOUNT } = createRequire(import.meta.url)('s3rver/lib/models/account') as {
    registry: Map<string, unknown>;
    DUMMY_ACCOUNT: unknown;
  };
  registry.get = (id: string) => Map.prototype.get.call(registry, id) ?? DUMMY_ACCOUNT;
}

/** The parts of s3rver's Koa app and request context used below (its typings omit them). */
interface S3rverApp {
  middleware: Middleware[];
  emit(event: 'event', payload: unknown): boolean;
  callback(): Parameters<typeof createServer>[1];
  configureBuckets(): Promise<void>;
  logger: { close(): void; exceptions: { unhandle(): void } };
}
interface S3rverContext {
  method: string;
  path: string;
  hostname: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  ip: string;
  body: unknown;
  store: S3rverStore;
}
type Middleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;
interface S3rverObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, unknown>;
}
interface S3rverStore {
  rootDirectory: string;
  deleteObject(bucket: string, key: string): Promise<void>;
  existsObject(bucket: string, key: string): Promise<boolean>;
  getBucketPath(bucket: string): string;
  getBucket(bucket: string): Promise<unknown>;
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
  /** Ours (writeObjectsSafely): putObject that fails with 412 when the key exists. */
  putObjectIfAbsent(object: S3rverObject): Promise<{ size: number; md5: string }>;
  putMetadata(bucket: string, key: string, metadata: Record<string, unknown>, md5: string): Promise<void>;
  getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
  getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<object | null>;
}

const requireS3rver = createRequire(import.meta.url);
const S3_OBJECT = requireS3rver('s3rver/lib/models/object') as {
  new (bucket: string, key: string, content: Readable | null, metadata: Record<string, unknown>): object;
  ALLOWED_METADATA: readonly string[];
};
const S3Error = requireS3rver('s3rver/lib/models/error') as new (code: string, message: string, detail?: Record<string, unknown>) => Error;

function s3Error(refusal: Refusal): Error {
  return new S3Error(refusal.code, refusal.message);
}

/** "%2e%2e" -> "..", as s3rver's router decodes its :bucket and :key parameters. */
function decodePathPart(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * First in the chain: requests a web page could send, and keys or buckets the file store cannot
 * keep safely, are refused before any route runs (see s3-request-rules.ts). Only the stack's own
 * buckets exist here, so a bucket name like ".." never reaches the store either.
 */
function refuseUnsafeRequests(app: S3rverApp, buckets: readonly string[], ownOrigins: () => readonly string[]): void {
  app.middleware.unshift(async (ctx, next) => {
    const refused = requestRefusal({
      method: ctx.method,
      hostname: ctx.hostname,
      headers: ctx.headers,
      query: ctx.query,
      ownOrigins: ownOrigins(),
    });
    if (refused) throw s3Error(refused);
    const [, rawBucket = '', rawKey = ''] = /^\/([^/]*)\/?(.*)$/s.exec(ctx.path) ?? [];
    const bucket = decodePathPart(rawBucket);
    if (bucket !== '' && !buckets.includes(bucket)) {
      throw s3Error({ code: 'NoSuchBucket', message: `The local S3 server has only the buckets ${buckets.join(' and ')}` });
    }
    if (rawKey !== '') {
      const refusedKey = keyRefusal(decodePathPart(rawKey));
      if (refusedKey) throw s3Error(refusedKey);
    }
    return next();
  });
}

/**
 * Every file path s3rver derives goes through getBucketPath or getResourcePath, whichever route
 * named the key (the URL, a multi-delete body, x-amz-copy-source, a multipart upload): the same
 * rules are applied there, and the path must lie inside its bucket's folder.
 */
function confineStoreToBuckets(store: S3rverStore, buckets: readonly string[]): void {
  const bucketPath = store.getBucketPath.bind(store);
  const resourcePath = store.getResourcePath.bind(store);
  const root = resolve(store.rootDirectory);
  const checkBucket = (bucket: string) => {
    if (!buckets.includes(bucket)) throw s3Error({ code: 'NoSuchBucket', message: `The local S3 server has only the buckets ${buckets.join(' and ')}` });
  };
  store.getBucketPath = (bucket) => {
    checkBucket(bucket);
    return bucketPath(bucket);
  };
  // ListBuckets looks at every folder of the data directory (a stray ".DS_Store" among them).
  const getBucket = store.getBucket.bind(store);
  store.getBucket = async (bucket) => (buckets.includes(bucket) ? getBucket(bucket) : null);
  store.getResourcePath = (bucket, key = '', resource) => {
    checkBucket(bucket);
    const name = String(key);
    // "" is the bucket itself (its CORS or website configuration, its multipart uploads folder).
    if (name !== '') {
      const refused = keyRefusal(name);
      if (refused) throw s3Error(refused);
    }
    const path = resourcePath(bucket, name, resource);
    const inside = relative(join(root, bucket), resolve(path));
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw s3Error({ code: 'InvalidArgument', message: `Refused by the local S3 server: the key "${name}" does not stay inside its bucket` });
    }
    return path;
  };
}

/**
 * s3rver writes an object in place with a write stream nobody listens to for errors: a failed
 * write (read-only folder, disk full) is an uncaught exception that stops the whole process (S3
 * server, pipeline, site server). Here the body goes to a temporary file beside the object and is
 * renamed over it: a failed write answers 500 and leaves the previous version whole, as S3 does.
 */
/** S3's message for a 412 (If-Match on GET/HEAD, If-None-Match on PUT). */
const PRECONDITION_FAILED = 'At least one of the pre-conditions you specified did not hold';

/** `createOnly`: S3's PUT with If-None-Match: * (412 when the key exists, decided atomically). */
async function writeObject(store: S3rverStore, object: S3rverObject, createOnly: boolean): Promise<{ size: number; md5: string }> {
  const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
  await mkdir(dirname(objectPath), { recursive: true });
  // Not "<name>._S3rver_object": never listed, and no key can name it (keys may not hold "._S3rver_").
  const temporary = join(dirname(objectPath), `._S3rver_tmp-${randomBytes(6).toString('hex')}`);
  const md5 = createHash('md5');
  let size = 0;
  let exists = false;
  try {
    await new Promise<void>((done, fail) => {
      const out = createWriteStream(temporary, { flags: 'wx' });
      const content = object.content;
      out.on('error', (error) => {
        if (!Buffer.isBuffer(content)) {
          // Read the rest of the request so the error can still be answered.
          content.unpipe(out);
          content.resume();
        }
        fail(error);
      });
      out.on('close', () => {
        if (out.writableFinished) done();
      });
      if (Buffer.isBuffer(content)) {
        md5.update(content);
        size = content.length;
        out.end(content);
      } else {
        content.on('data', (chunk: Buffer) => {
          md5.update(chunk);
          size += chunk.length;
        });
        // A client that goes away mid-body leaves a partial file: never renamed over the object.
        const abandon = (error: Error) => {
          out.destroy();
          fail(error);
        };
        content.on('error', abandon);
        content.on('close', () => {
          if (!content.readableEnded) abandon(new Error('the upload ended early'));
        });
        content.pipe(out);
      }
    });
    // LastModified is the server's clock, as S3's is its own: this process's clock (which a test may
    // shift), not the file system's, so record ages compare with the clock the pipeline reads.
    const now = new Date();
    await utimes(temporary, now, now);
    if (createOnly) {
      // A hard link is never made over an existing file: of two creates at once exactly one wins.
      try {
        await link(temporary, objectPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        exists = true;
      }
      await rm(temporary, { force: true });
    } else {
      await rename(temporary, objectPath);
    }
  } catch (error) {
    await rm(temporary, { force: true });
    // Named in the 500 reply (s3rver would say only "internal error"), so the pipeline's log says why.
    const { code, message } = error as NodeJS.ErrnoException;
    throw new S3Error('InternalError', `The local S3 server could not write ${object.bucket}/${object.key}: ${code ?? message}`);
  }
  if (exists) throw new S3Error('PreconditionFailed', PRECONDITION_FAILED, { Condition: 'If-None-Match' });
  const hex = md5.digest('hex');
  await store.putMetadata(object.bucket, object.key, object.metadata, hex);
  return { size, md5: hex };
}

function writeObjectsSafely(store: S3rverStore): void {
  store.putObject = (object) => writeObject(store, object, false);
  store.putObjectIfAbsent = (object) => writeObject(store, object, true);
  // s3rver truncates and rewrites the .md5 and metadata files in place: a read in between saw an
  // empty ETag beside a new body cut to the old length, which no torn-read check could catch.
  // Each is written beside itself and renamed over, so a reader sees one whole version or the other.
  store.putMetadata = async (bucket, key, metadata, md5) => {
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(metadata)) {
      if (S3_OBJECT.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-')) kept[name] = value;
    }
    if (md5) await replaceFile(store.getResourcePath(bucket, key, 'object.md5'), md5);
    await replaceFile(store.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(kept, null, 2));
  };
}

/**
 * s3rver stats the object's path for its length and then opens the path again to stream it: a
 * rename between the two sent the new body cut to the old length. Here the file is opened once and
 * its length taken from that open file, so length and bytes are one version; the ETag, read from
 * its own file, can still be the other version's for an instant, which a reader can check.
 */
function readObjectsFromOneVersion(store: S3rverStore): void {
  store.getObject = async (bucket, key, options) => {
    let file: FileHandle;
    try {
      file = await open(store.getResourcePath(bucket, key, 'object'), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const [stat, metadata] = await Promise.all([file.stat(), store.getMetadata(bucket, key)]);
      const size = stat.size;
      Object.assign(metadata, { 'content-length': size, 'last-modified': stat.mtime.toUTCString() });
      const lastByte = Math.max(0, size - 1);
      const range = { start: options?.start ?? 0, end: Math.min(options?.end ?? Number.POSITIVE_INFINITY, lastByte) };
      const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
      if (range.start < 0 || range.end < range.start) {
        await file.close();
        return Object.assign(new S3_OBJECT(bucket, key, null, metadata), ranged ? { range } : {});
      }
      const content = file.createReadStream({ ...range, autoClose: true });
      return Object.assign(new S3_OBJECT(bucket, key, content, metadata), ranged ? { range } : {});
    } catch (error) {
      await file.close();
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  };
}

async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `._S3rver_tmp-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const { code, message } = error as NodeJS.ErrnoException;
    throw new S3Error('InternalError', `The local S3 server could not write ${path}: ${code ?? message}`);
  }
}

/**
 * s3rver's ListObjectsV2 continuation token is DES-encrypted, a cipher OpenSSL 3 (Node 17+) only
 * has in its legacy provider: any listing past 1,000 keys answered 500, so a restart with more
 * uploads than that failed. V2 requests are answered by its V1 listing (same keys, same order;
 * the marker is the last key) and the reply rewritten into V2 form, with a plain token.
 */
function listV2WithoutDes(app: S3rverApp, at: number): void {
  const TOKEN_PREFIX = 'feedpub-local:';
  const encodeToken = (bucket: string, key: string) => Buffer.from(`${TOKEN_PREFIX}${JSON.stringify([bucket, key])}`).toString('base64url');
  const decodeToken = (bucket: string, token: string): string => {
    const text = Buffer.from(token, 'base64url').toString('utf8');
    if (text.startsWith(TOKEN_PREFIX)) {
      try {
        const [tokenBucket, key] = JSON.parse(text.slice(TOKEN_PREFIX.length)) as unknown[];
        if (tokenBucket === bucket && typeof key === 'string') return key;
      } catch {
        // falls through to the refusal
      }
    }
    throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', { ArgumentName: 'continuation-token' });
  };
  const middleware: Middleware = async (ctx, next) => {
    const bucket = /^\/([^/]+)\/?$/.exec(ctx.path)?.[1];
    if (ctx.method !== 'GET' || bucket === undefined || ctx.query['list-type'] !== '2') return next();
    const { 'list-type': _type, 'continuation-token': token, 'start-after': startAfter, 'fetch-owner': fetchOwner, ...rest } = ctx.query;
    const marker = typeof token === 'string' && token !== '' ? decodeToken(decodePathPart(bucket), token) : startAfter;
    ctx.query = { ...rest, ...(typeof marker === 'string' && marker !== '' && { marker }) };
    await next();
    const result = (ctx.body as { ListBucketResult?: Record<string, unknown> } | undefined)?.ListBucketResult;
    if (!result) return;
    const contents = (result.Contents ?? []) as Array<{ Key: string; Owner?: unknown }>;
    const prefixes = (result.CommonPrefixes ?? []) as unknown[];
    const last = contents.at(-1)?.Key;
    const { Marker: _marker, NextMarker: _next, ...kept } = result;
    ctx.body = {
      ListBucketResult: {
        ...kept,
        ...(typeof token === 'string' ? { ContinuationToken: token } : typeof startAfter === 'string' && { StartAfter: startAfter }),
        ...(result.IsTruncated === true && last !== undefined && { NextContinuationToken: encodeToken(decodePathPart(bucket), last) }),
        KeyCount: contents.length + prefixes.length,
        Contents: fetchOwner === 'true' ? contents : contents.map(({ Owner: _owner, ...item }) => item),
      },
    };
  };
  app.middleware.splice(at, 0, middleware);
}

/**
 * s3rver's deleteObject removes the object's files, then the folders left empty. Two deletes in one
 * folder at once (a multi-delete runs its keys in parallel) race on that cleanup: the loser's rmdir
 * or readdir fails with ENOENT/ENOTEMPTY after its object is gone, the request fails, the client's
 * retry finds nothing to delete, and no event is ever sent. A failed cleanup is not a failed delete.
 */
function tolerateFolderCleanupRace(store: S3rverStore): void {
  const deleteObject = store.deleteObject.bind(store);
  store.deleteObject = async (bucket, key) => {
    try {
      await deleteObject(bucket, key);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code === 'ENOENT' || code === 'ENOTEMPTY') && !(await store.existsObject(bucket, key))) return;
      throw error;
    }
  };
}

/**
 * s3rver emits ObjectRemoved:Delete for DELETE Object but nothing for Multi-Object Delete (POST
 * ?delete: `aws s3 rm --recursive`, `aws s3 sync --delete`, DeleteObjectsCommand), so those deletes
 * would never unpublish. S3 notifies each key a multi-delete removes; this does the same, for the
 * keys s3rver actually deleted, with s3rver's own event model (as its single delete does).
 */
function emitMultiDeleteEvents(app: S3rverApp): void {
  const S3Event = createRequire(import.meta.url)('s3rver/lib/models/event') as new (
    data: { bucket: string; eventType: 'Delete'; S3Item: { key: string } },
    request: { reqHeaders: unknown; sourceIp: string },
  ) => unknown;
  // First in the chain, so the request's store is the recording one before any route runs.
  app.middleware.unshift(async (ctx, next) => {
    if (ctx.method !== 'POST' || !('delete' in ctx.query)) return next();
    const store = ctx.store;
    const deleted: Array<{ bucket: string; key: string }> = [];
    ctx.store = Object.assign(Object.create(store) as S3rverStore, {
      async deleteObject(bucket: string, key: string) {
        await store.deleteObject(bucket, key);
        deleted.push({ bucket, key });
      },
    });
    try {
      await next();
    } finally {
      for (const { bucket, key } of deleted) {
        app.emit('event', new S3Event({ bucket, eventType: 'Delete', S3Item: { key } }, { reqHeaders: ctx.headers, sourceIp: ctx.ip }));
      }
    }
  });
}


/** "\"abc\"", "abc", "W/\"abc\"" -> abc: ETags compared as S3 compares them. */
function bareEtag(tag: string): string {
  return tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
}

/**
 * S3's conditional requests that s3rver lacks: GET/HEAD with If-Match (412 unless the object's ETag
 * is one of those listed, or "*"; a missing key stays 404) and PUT with If-None-Match: * (412 when
 * the key exists). The ETag checked is the one read with the body (readObjectsFromOneVersion), and
 * the create is one atomic link. Conditions S3 has that nothing here uses (If-Match on PUT,
 * If-None-Match with an ETag on PUT) are refused, so no caller can believe they held.
 */
function conditionalRequests(app: S3rverApp): void {
  app.middleware.unshift(async (ctx, next) => {
    const header = (name: string) => {
      const value = ctx.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const isObject = /^\/[^/]+\/.+/s.test(ctx.path);
    const ifMatch = header('if-match');
    const ifNoneMatch = header('if-none-match');
    if (!isObject || (ifMatch === undefined && ifNoneMatch === undefined)) return next();
    const store = ctx.store;
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ifMatch !== undefined) {
      const wanted = ifMatch.split(',').map(bareEtag);
      ctx.store = Object.assign(Object.create(store) as S3rverStore, {
        async getObject(bucket: string, key: string, options?: { start?: number; end?: number }) {
          const object = (await store.getObject(bucket, key, options)) as { metadata: Record<string, unknown>; content?: Readable | null } | null;
          if (object && !wanted.includes('*') && !wanted.includes(bareEtag(String(object.metadata.etag ?? '')))) {
            object.content?.destroy();
            throw new S3Error('PreconditionFailed', PRECONDITION_FAILED, { Condition: 'If-Match' });
          }
          return object;
        },
      });
    } else if (ctx.method === 'PUT') {
      if (ifMatch !== undefined || ifNoneMatch !== '*' || header('x-amz-copy-source') !== undefined) {
        throw new S3Error('NotImplemented', 'The local S3 server implements only If-None-Match: * on a PUT of an object (no copy)');
      }
      ctx.store = Object.assign(Object.create(store) as S3rverStore, {
        putObject: (object: S3rverObject) => store.putObjectIfAbsent(object),
      });
    }
    return next();
  });
}

/** One request as the local S3 server received it (retries included): the request-cost tests count these. */
export interface S3Request {
  method: string;
  bucket: string;
  /** The object key, decoded; '' for a bucket request (a listing). */
  key: string;
  /** A bucket GET: ListObjects(V2). */
  list: boolean;
}

/** Last in the chain of wrappers, so every request is seen, refused ones too. */
function reportRequests(app: S3rverApp, listeners: Set<(request: S3Request) => void>): void {
  app.middleware.unshift(async (ctx, next) => {
    if (listeners.size > 0) {
      const [, rawBucket = '', rawKey = ''] = /^\/([^/]*)\/?(.*)$/s.exec(ctx.path) ?? [];
      const key = decodePathPart(rawKey);
      const request: S3Request = { method: ctx.method, bucket: decodePathPart(rawBucket), key, list: ctx.method === 'GET' && key === '' };
      for (const listener of listeners) listener(request);
    }
    return next();
  });
}

export interface LocalS3Options {
  /** 0 picks a free port. */
  port: number;
  /** Where objects are kept; survives restarts. */
  dataDir: string;
  address?: string;
  buckets?: { uploads: string; site: string };
  /** SDK attempts per call for the returned client. */
  maxAttempts?: number;
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  client: S3Client;
  uploadsBucket: string;
  siteBucket: string;
  uploads: S3ObjectStore;
  siteStore: S3ObjectStore;
  /** Subscribes to every request the server receives (all buckets); returns the unsubscribe function. */
  onRequest(listener: (request: S3Request) => void): () => void;
  /** Subscribes to every object event (all buckets); returns the unsubscribe function. */
  onEvent(listener: (record: S3rverEventRecord) => void): () => void;
  close(): Promise<void>;
}

export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const buckets = options.buckets ?? { uploads: UPLOADS_BUCKET, site: SITE_BUCKET };
  await mkdir(options.dataDir, { recursive: true });
  acceptAnyAccessKey();
  const address = options.address ?? '127.0.0.1';
  const server = new S3rver({
    port: options.port,
    address,
    silent: true,
    allowMismatchedSignatures: true,
    directory: options.dataDir,
    // Creates the buckets when missing; existing objects are kept.
    configureBuckets: [
      { name: buckets.uploads, configs: [] },
      { name: buckets.site, configs: [] },
    ],
  });
  const app = server as unknown as S3rverApp;
  const store = (server as unknown as { store: S3rverStore }).store;
  const bucketNames = [buckets.uploads, buckets.site];
  let port = options.port;
  // Just before its router, after its host and path handling.
  listV2WithoutDes(app, app.middleware.length - 1);
  tolerateFolderCleanupRace(store);
  confineStoreToBuckets(store, bucketNames);
  writeObjectsSafely(store);
  readObjectsFromOneVersion(store);
  emitMultiDeleteEvents(app);
  conditionalRequests(app);
  refuseUnsafeRequests(app, bucketNames, () => [`http://${address}:${port}`, `http://localhost:${port}`]);
  const requestListeners = new Set<(request: S3Request) => void>();
  reportRequests(app, requestListeners);

  await app.configureBuckets();
  const httpServer: Server = createServer(app.callback());
  httpServer.on('close', () => {
    app.logger.exceptions.unhandle();
    app.logger.close();
  });
  // s3rver's own listen leaves a listen error unhandled (EADDRINUSE would crash with a stack).
  await listenOn(httpServer, options.port, address, 'local S3 API');
  (server as unknown as { httpServer: Server }).httpServer = httpServer;
  port = (httpServer.address() as AddressInfo).port;
  const endpoint = `http://${address}:${port}`;
  const client = createS3Client({ endpoint, ...(options.maxAttempts !== undefined && { maxAttempts: options.maxAttempts }) });
  // s3rver is a Koa app (an EventEmitter); its typings omit that.
  const emitter = server as unknown as EventEmitter;
  return {
    endpoint,
    port,
    client,
    uploadsBucket: buckets.uploads,
    siteBucket: buckets.site,
    uploads: new S3ObjectStore(client, buckets.uploads),
    siteStore: new S3ObjectStore(client, buckets.site),
    onRequest(listener) {
      requestListeners.add(listener);
      return () => requestListeners.delete(listener);
    },
    onEvent(listener) {
      const forEach = (event: { Records: S3rverEventRecord[] }) => {
        for (const record of event.Records) listener(record);
      };
      emitter.on('event', forEach);
      return () => emitter.off('event', forEach);
    },
    async close() {
      client.destroy();
      await server.close();
    },
  };
}
