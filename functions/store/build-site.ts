// The site store `feedpub build` publishes into: the one publisher (functions/pipeline/publish.ts)
// writes public files into the output folder (through the folder writer's thread); private records
// (_feedpub/: the prepared records, and any the publisher stores) stay in memory, so none of them ends
// up in the site folder. The build's publisher keeps its index in the batch (indexDiscarded). A build publishes from empty in one pass, so
// nothing of the index needs to outlive it (docs/architecture.md, "feedpub build").
import { PRIVATE_PREFIX } from '../core/outputs/formats';
import { DirectoryObjectStore } from './directory';
import { FolderWriter } from './folder-writer';
import { listedFromHeads, type ListedObject, type ObjectHead, type ObjectStore, type PutOptions, type StoredObject } from './types';

export class BuildSiteStore implements ObjectStore {
  /** Public site paths written, in write order (for the summary's counts). */
  readonly written: string[] = [];
  private readonly records = new Map<string, Uint8Array>();
  private readonly folder: DirectoryObjectStore;
  private readonly writer = new FolderWriter();

  constructor(
    outDir: string,
    private readonly onWrite?: (written: number) => void,
  ) {
    this.folder = new DirectoryObjectStore(outDir);
  }

  /** Bytes of public files handed to the writer. */
  get bytesWritten(): number {
    return this.writer.bytesWritten;
  }

  private static isPrivate(key: string): boolean {
    return key.startsWith(PRIVATE_PREFIX);
  }

  async get(key: string): Promise<StoredObject | undefined> {
    // The publisher reads back only its own records; public files are write-only here.
    const bytes = BuildSiteStore.isPrivate(key) ? this.records.get(key) : undefined;
    return bytes && { bytes, metadata: {} };
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    const bytes = BuildSiteStore.isPrivate(key) ? this.records.get(key) : undefined;
    return bytes && { size: bytes.byteLength, metadata: {} };
  }

  async put(key: string, body: string | Uint8Array, _options?: PutOptions): Promise<void> {
    if (BuildSiteStore.isPrivate(key)) {
      this.records.set(key, typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
      return;
    }
    this.writer.write(this.folder.pathOf(key), body);
    this.written.push(key);
    this.onWrite?.(this.written.length);
    if (this.writer.backlogged) await this.writer.drained();
  }

  async delete(key: string): Promise<void> {
    if (BuildSiteStore.isPrivate(key)) {
      this.records.delete(key);
      return;
    }
    // Rare in a build from empty: every queued write lands first, so the delete is the last word.
    await this.writer.drained();
    await this.writer.flush();
    await this.folder.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.records.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  async listObjects(prefix: string): Promise<ListedObject[]> {
    return listedFromHeads(this, await this.list(prefix));
  }

  /** Writes what is queued and stops the writer's thread; throws the first write error. */
  close(): Promise<void> {
    return this.writer.close();
  }
}
