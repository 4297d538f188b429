// The object store seen by the pipeline: the five calls it needs, over S3, a directory or memory.
// Errors other than "not found" are thrown: they are infrastructure faults the queue must redeliver.

export interface StoredObject {
  bytes: Uint8Array;
  etag?: string;
  /** RFC 3339 UTC. */
  lastModified?: string;
  /** User metadata (x-amz-meta-*), keys lower-cased without the prefix. */
  metadata: Record<string, string>;
  contentType?: string;
  cacheControl?: string;
}

/** What a HEAD tells: enough to decide on an object (size limit, version) before reading it. */
export interface ObjectHead {
  size: number;
  etag?: string;
  /** RFC 3339 UTC. */
  lastModified?: string;
  metadata: Record<string, string>;
}

/** One object of a listing: its version and size, as a HEAD would tell them (no user metadata). */
export interface ListedObject {
  key: string;
  size: number;
  etag?: string;
  /** RFC 3339 UTC. */
  lastModified?: string;
}

export interface PutOptions {
  contentType?: string;
  cacheControl?: string;
  metadata?: Record<string, string>;
}

export interface ObjectStore {
  /** The object as it is now, or undefined when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  /** The object's size and version without its body, or undefined when there is none. */
  head(key: string): Promise<ObjectHead | undefined>;
  put(key: string, body: string | Uint8Array, options?: PutOptions): Promise<void>;
  /** Deleting a missing object is not an error (S3 semantics). */
  delete(key: string): Promise<void>;
  /** Every key under the prefix, in lexicographic order. */
  list(prefix: string): Promise<string[]>;
  /** Every object under the prefix with its version and size, in lexicographic key order (one request per 1,000 on S3). */
  listObjects(prefix: string): Promise<ListedObject[]>;
  /**
   * One conditional request where the store has it (S3 PUT with If-None-Match: *): writes only when
   * the key does not exist; false when it does. Use createIfAbsent, which falls back for other stores.
   */
  putIfAbsent?(key: string, body: string | Uint8Array, options?: PutOptions): Promise<boolean>;
  /** S3 GET with If-Match: the object only while its ETag is `etag`; 'changed' when it has another. Use getIfMatch. */
  getIfMatch?(key: string, etag: string): Promise<StoredObject | 'changed' | undefined>;
}

/** Writes `body` only when `key` does not exist yet; true when written. One request on S3. */
export async function createIfAbsent(store: ObjectStore, key: string, body: string | Uint8Array, options?: PutOptions): Promise<boolean> {
  if (store.putIfAbsent) return store.putIfAbsent(key, body, options);
  // Stores without a conditional write have one writer (a folder, a test wrapper): check, then write.
  if (await store.head(key)) return false;
  await store.put(key, body, options);
  return true;
}

/** The object while its ETag is still `etag` (one request on S3), 'changed' when a newer version replaced it. */
export async function getIfMatch(store: ObjectStore, key: string, etag: string): Promise<StoredObject | 'changed' | undefined> {
  if (store.getIfMatch) return store.getIfMatch(key, etag);
  const found = await store.get(key);
  if (!found) return undefined;
  return found.etag === undefined || found.etag === etag ? found : 'changed';
}

/** A JSON object of the store, or undefined when there is none. */
export async function readJson<T>(store: Pick<ObjectStore, 'get'>, key: string): Promise<T | undefined> {
  const found = await store.get(key);
  return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as T) : undefined;
}

export function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

/** A listing made of HEADs, for stores with no listing of their own (memory, folders). */
export async function listedFromHeads(store: Pick<ObjectStore, 'head'>, keys: readonly string[]): Promise<ListedObject[]> {
  const listed: ListedObject[] = [];
  for (const key of keys) {
    const head = await store.head(key);
    if (!head) continue;
    const { metadata: _none, ...rest } = head;
    listed.push({ key, ...rest });
  }
  return listed;
}
