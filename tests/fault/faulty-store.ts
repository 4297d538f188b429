import type { ListedObject, ObjectHead, ObjectStore, PutOptions, StoredObject } from '../../functions/store/types';

export class Killed extends Error {
  constructor() {
    super('process killed (fault injection)');
    this.name = 'Killed';
  }
}

/** Lets the first `allowedWrites` puts/deletes through, then fails every later write: a crash between two writes. */
export class KillAfterWrites implements ObjectStore {
  writes = 0;
  constructor(
    private readonly inner: ObjectStore,
    private readonly allowedWrites: number,
  ) {}
  get(key: string): Promise<StoredObject | undefined> {
    return this.inner.get(key);
  }
  head(key: string): Promise<ObjectHead | undefined> {
    return this.inner.head(key);
  }
  list(prefix: string): Promise<string[]> {
    return this.inner.list(prefix);
  }
  listObjects(prefix: string): Promise<ListedObject[]> {
    return this.inner.listObjects(prefix);
  }
  async put(key: string, body: string | Uint8Array, options?: PutOptions): Promise<void> {
    if (this.writes >= this.allowedWrites) throw new Killed();
    this.writes++;
    return this.inner.put(key, body, options);
  }
  async delete(key: string): Promise<void> {
    if (this.writes >= this.allowedWrites) throw new Killed();
    this.writes++;
    return this.inner.delete(key);
  }
}
