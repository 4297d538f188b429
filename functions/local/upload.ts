// Local files -> an object store (the uploads bucket), with the Content-Type S3 would be told.
// One way to upload: the `npm start` seed and `feedpub upload` both use it.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { contentType } from 'mime-types';
import type { ObjectStore } from '../store/types';

export interface FileUpload {
  /** Local file path. */
  path: string;
  /** Object key in the bucket. */
  key: string;
}

export interface UploadedFile extends FileUpload {
  bytes: number;
  contentType: string;
}

export function uploadContentType(path: string): string {
  return contentType(basename(path)) || 'application/octet-stream';
}

/** Uploads one file at a time in order (events then arrive in the order files were named). */
export async function uploadFiles(
  store: ObjectStore,
  files: readonly FileUpload[],
  onUploaded?: (file: UploadedFile, index: number) => void,
): Promise<UploadedFile[]> {
  const done: UploadedFile[] = [];
  for (const [index, file] of files.entries()) {
    const bytes = await readFile(file.path);
    const type = uploadContentType(file.path);
    await store.put(file.key, bytes, { contentType: type });
    const uploaded = { ...file, bytes: bytes.byteLength, contentType: type };
    done.push(uploaded);
    onUploaded?.(uploaded, index);
  }
  return done;
}

/** Every file under dir (keys relative to it, "/"-separated), without dotfiles and the names excluded. */
export async function filesUnder(dir: string, exclude: ReadonlySet<string> = new Set()): Promise<FileUpload[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, key: relative(dir, path).split(sep).join('/') };
    })
    .filter((f) => !exclude.has(f.key) && !f.key.split('/').some((s) => s.startsWith('.')))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
