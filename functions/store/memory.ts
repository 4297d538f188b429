import { createHash } from 'node:crypto';
import { listedFromHeads, toBytes, type ListedObject, type ObjectHead, type ObjectStore, type PutOptions, type StoredObject } from './types';

/** In-memory store: unit tests and fault sweeps that run the pipeline hundreds of times. */
export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, StoredObject>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async get(key: string): Promise<StoredObject | undefined> {
    const found = this.objects.get(key);
    return found && { ...found, bytes: new Uint8Array(found.bytes) };
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    const found = this.objects.get(key);
    if (!found) return undefined;
    return {
      size: found.bytes.byteLength,
      metadata: { ...found.metadata },
      ...(found.etag !== undefined && { etag: found.etag }),
      ...(found.lastModified !== undefined && { lastModified: found.lastModified }),
    };
  }

  async put(key: string, body: string | Uint8Array, options: PutOptions = {}): Promise<void> {
    const bytes = new Uint8Array(toBytes(body));
    this.objects.set(key, {
      bytes,
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      lastModified: this.clock().toISOString(),
      metadata: { ...options.metadata },
      ...(options.contentType !== undefined && { contentType: options.contentType }),
      ...(options.cacheControl !== undefined && { cacheControl: options.cacheControl }),
    });
  }

  async putIfAbsent(key: string, body: string | Uint8Array, options: PutOptions = {}): Promise<boolean> {
    if (this.objects.has(key)) return false;
    await this.put(key, body, options);
    return true;
  }

  async getIfMatch(key: string, etag: string): Promise<StoredObject | 'changed' | undefined> {
    const found = await this.get(key);
    return found && found.etag !== etag ? 'changed' : found;
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async listObjects(prefix: string): Promise<ListedObject[]> {
    return listedFromHeads(this, await this.list(prefix));
  }
}
