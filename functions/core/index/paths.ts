// Where each index part and per-key output lives in the site bucket.
import { createHash } from 'node:crypto';

export const INDEX_PREFIX = '_feedpub/';
export const HEAD_KEY = `${INDEX_PREFIX}head.json`;

function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

// Upload keys are hashed: they may be 1024 bytes long or contain "../", and must stay one object each.
export function articleRecordKey(uploadKey: string): string {
  return `${INDEX_PREFIX}articles/${keyHash(uploadKey)}.json`;
}

export function imageRecordKey(uploadKey: string): string {
  return `${INDEX_PREFIX}images/${keyHash(uploadKey)}.json`;
}

export const PREPARED_PREFIX = `${INDEX_PREFIX}prepared/`;

/**
 * The ingest stage's verdict on one upload version. Keyed by version, so a slow ingest of an old
 * version can never overwrite the verdict on a newer one: the publisher reads the record of the
 * version the uploads bucket holds now, or waits for it.
 */
export function preparedRecordKey(uploadKey: string, etag: string | undefined): string {
  return `${PREPARED_PREFIX}${keyHash(uploadKey)}/${keyHash(etag ?? '')}.json`;
}

export function monthManifestKey(month: string): string {
  return `${INDEX_PREFIX}months/${month}.json`;
}

export function slugRecordKey(slug: string): string {
  return `${INDEX_PREFIX}slugs/${slug}.json`;
}

const S3_MAX_KEY_BYTES = 1024;

/**
 * `errors/<key>.json`, readable for ordinary keys. Segments a CDN or browser would resolve ("..",
 * ".", empty) are escaped so the record stays under errors/; a key too long for S3 with the prefix
 * falls back to its hash (the status page still shows the full key).
 */
export function quarantinePath(uploadKey: string): string {
  const safe = uploadKey
    .split('/')
    .map((s) => (s === '' ? '%' : s === '.' || s === '..' ? s.replace(/\./g, '%2E') : s))
    .join('/');
  const path = `errors/${safe}.json`;
  return Buffer.byteLength(path) <= S3_MAX_KEY_BYTES ? path : `errors/${keyHash(uploadKey)}.json`;
}
