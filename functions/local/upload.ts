// Local files -> an object store (the uploads bucket), with the Content-Type S3 would be told.
// One way to upload: the `npm start` seed and `feedpub upload` both use it.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { contentType } from 'mime-types';
import type { ObjectStore } from '../store/types';

export interface FileUpload {
  /** Local file path. */
  path: string;
  /** Object key in the bucket. */
  key: string;
  /** S3 user metadata (x-amz-meta-*), e.g. { date } for an article that names none. */
  metadata?: Record<string, string>;
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
    await store.put(file.key, bytes, { contentType: type, ...(file.metadata && { metadata: file.metadata }) });
    const uploaded = { ...file, bytes: bytes.byteLength, contentType: type };
    done.push(uploaded);
    onUploaded?.(uploaded, index);
  }
  return done;
}
