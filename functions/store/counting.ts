import { createIfAbsent, getIfMatch, type ListedObject, type ObjectHead, type ObjectStore, type PutOptions, type StoredObject } from './types';

export interface RequestCounts {
  get: number;
  head: number;
  put: number;
  delete: number;
  list: number;
  bytesWritten: number;
}

/** Wraps a store and counts its requests: the benchmark's S3 request figures and bytesWritten logs. */
export class CountingObjectStore implements ObjectStore {
  counts: RequestCounts = { get: 0, head: 0, put: 0, delete: 0, list: 0, bytesWritten: 0 };

  constructor(readonly inner: ObjectStore) {}

  reset(): RequestCounts {
    const before = this.counts;
    this.counts = { get: 0, head: 0, put: 0, delete: 0, list: 0, bytesWritten: 0 };
    return before;
  }

  get(key: string): Promise<StoredObject | undefined> {
    this.counts.get++;
    return this.inner.get(key);
  }

  head(key: string): Promise<ObjectHead | undefined> {
    this.counts.head++;
    return this.inner.head(key);
  }

  put(key: string, body: string | Uint8Array, options?: PutOptions): Promise<void> {
    this.counts.put++;
    this.counts.bytesWritten += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    return this.inner.put(key, body, options);
  }

  putIfAbsent(key: string, body: string | Uint8Array, options?: PutOptions): Promise<boolean> {
    this.counts.put++;
    this.counts.bytesWritten += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    return createIfAbsent(this.inner, key, body, options);
  }

  getIfMatch(key: string, etag: string): Promise<StoredObject | 'changed' | undefined> {
    this.counts.get++;
    return getIfMatch(this.inner, key, etag);
  }

  delete(key: string): Promise<void> {
    this.counts.delete++;
    return this.inner.delete(key);
  }

  list(prefix: string): Promise<string[]> {
    this.counts.list++;
    return this.inner.list(prefix);
  }

  listObjects(prefix: string): Promise<ListedObject[]> {
    this.counts.list++;
    return this.inner.listObjects(prefix);
  }
}
