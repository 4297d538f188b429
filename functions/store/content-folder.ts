// The uploads of `feedpub build`: the content folder seen as the upload bucket, so the pipeline's
// ingest and publish stages run on it unchanged. An upload's version (ETag) is its content's MD5, as
// S3 gives for a single-part upload; its LastModified is the date the build dates it by (dates.json
// or the file's mtime), which the ingest stage uses as the first-seen date. Read-only.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listedFromHeads, type ListedObject, type ObjectHead, type ObjectStore, type StoredObject } from './types';

export class ContentFolderStore implements ObjectStore {
  /** The bytes a HEAD read, for the GET that follows it (ingest reads each upload once). */
  private readonly lastRead = new Map<string, Uint8Array>();
  private sorted: string[] | undefined;

  /**
   * `dates`: each upload key's LastModified (RFC 3339); a key not in it does not exist.
   * `heads`: versions already known (from the ingest stage), so a HEAD reads nothing.
   */
  constructor(
    readonly root: string,
    private readonly dates: ReadonlyMap<string, string>,
    private readonly heads?: ReadonlyMap<string, ObjectHead>,
  ) {}

  private pathOf(key: string): string {
    return join(this.root, ...key.split('/'));
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const bytes = await this.bytesOf(key);
    this.lastRead.delete(key);
    return bytes && this.objectOf(key, bytes);
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    const known = this.heads?.get(key);
    if (known !== undefined) return known;
    const bytes = await this.bytesOf(key);
    if (bytes === undefined) return undefined;
    this.lastRead.set(key, bytes);
    const { bytes: _bytes, ...rest } = this.objectOf(key, bytes);
    return { size: bytes.byteLength, ...rest };
  }

  /** Drops the bytes a HEAD kept for a GET that did not come (an upload rejected by its size). */
  release(key: string): void {
    this.lastRead.delete(key);
  }

  async put(): Promise<void> {
    throw new Error('the content folder is read-only to feedpub build');
  }

  async delete(): Promise<void> {
    throw new Error('the content folder is read-only to feedpub build');
  }

  async list(prefix: string): Promise<string[]> {
    // The publisher lists one same-base prefix per article: a sorted array and a binary search keep a
    // 10,000-file build from scanning every key for each of them.
    this.sorted ??= [...this.dates.keys()].sort();
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sorted[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const keys: string[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) keys.push(this.sorted[i]!);
    return keys;
  }

  async listObjects(prefix: string): Promise<ListedObject[]> {
    return listedFromHeads(this, await this.list(prefix));
  }

  private async bytesOf(key: string): Promise<Uint8Array | undefined> {
    if (!this.dates.has(key)) return undefined;
    const cached = this.lastRead.get(key);
    if (cached !== undefined) return cached;
    try {
      // Synchronous: the ingest workers read one file after another; a promise per read was a third of their time.
      return new Uint8Array(readFileSync(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private objectOf(key: string, bytes: Uint8Array): StoredObject {
    return { bytes, etag: etagOf(bytes), lastModified: this.dates.get(key) as string, metadata: {} };
  }
}

function etagOf(bytes: Uint8Array): string {
  return `"${createHash('md5').update(bytes).digest('hex')}"`;
}
