import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { toBytes, type ObjectStore, type PutOptions, type StoredObject } from './types';

// A key segment that a file system would interpret ("..", ".", "") is escaped, so no key can
// name a file outside the root; ordinary site paths ("articles/x/index.html") map 1:1 to files.
function segmentToName(segment: string): string {
  if (segment === '' || segment === '.' || segment === '..' || segment.startsWith('%')) {
    return `%${Buffer.from(segment, 'utf8').toString('hex')}`;
  }
  return segment;
}

function nameToSegment(name: string): string {
  return name.startsWith('%') ? Buffer.from(name.slice(1), 'hex').toString('utf8') : name;
}

/** The same store interface over a local folder: `feedpub build --out DIR` and tests. */
export class DirectoryObjectStore implements ObjectStore {
  constructor(readonly root: string) {}

  pathOf(key: string): string {
    return join(this.root, ...key.split('/').map(segmentToName));
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const path = this.pathOf(key);
    try {
      const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
      return {
        bytes: new Uint8Array(bytes),
        etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
        lastModified: info.mtime.toISOString(),
        metadata: {},
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  }

  async put(key: string, body: string | Uint8Array, _options?: PutOptions): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, toBytes(body));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else keys.push(relative(this.root, full).split(sep).map(nameToSegment).join('/'));
      }
    };
    await walk(this.root);
    return keys.filter((k) => k.startsWith(prefix)).sort();
  }
}
