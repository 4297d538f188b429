// Where each index part and per-key output lives in the site bucket.
import { createHash } from 'node:crypto';
import { PRIVATE_PREFIX } from '../outputs/formats';

export const HEAD_KEY = `${PRIVATE_PREFIX}head.json`;

function keyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

// Upload keys are hashed: they may be 1024 bytes long or contain "../", and must stay one object each.
export function articleRecordKey(uploadKey: string): string {
  return `${PRIVATE_PREFIX}articles/${keyHash(uploadKey)}.json`;
}

export const NOTES_PREFIX = `${PRIVATE_PREFIX}notes/`;

/** The editor note of one upload key (notes.ts): its own private record, so no batch rewrites the others. */
export function noteRecordKey(uploadKey: string): string {
  return `${NOTES_PREFIX}${keyHash(uploadKey)}.json`;
}

export function imageRecordKey(uploadKey: string): string {
  return `${PRIVATE_PREFIX}images/${keyHash(uploadKey)}.json`;
}

/** `feedpub republish` runs: their chunk files and Step Functions result files. */
export const REPUBLISH_RUNS_PREFIX = `${PRIVATE_PREFIX}republish/runs/`;
export const PREPARED_PREFIX = `${PRIVATE_PREFIX}prepared/`;

/**
 * The ingest stage's verdict on one upload version. Keyed by version, so a slow ingest of an old
 * version can never overwrite the verdict on a newer one: the publisher reads the record of the
 * version the uploads bucket holds now, or waits for it.
 */
export function preparedRecordKey(uploadKey: string, etag: string | undefined): string {
  return `${PREPARED_PREFIX}${keyHash(uploadKey)}/${keyHash(etag ?? '')}.json`;
}

export const MONTHS_PREFIX = `${PRIVATE_PREFIX}months/`;

export function monthManifestKey(month: string): string {
  return `${MONTHS_PREFIX}${month}.json`;
}

/** The claim on one article body (sha256 of its HTML): which key published it first (duplicates.ts). */
export function bodyClaimKey(bodyHash: string): string {
  return `${PRIVATE_PREFIX}bodies/${bodyHash}.json`;
}

export function slugRecordKey(slug: string): string {
  return `${PRIVATE_PREFIX}slugs/${slug}.json`;
}

const S3_MAX_KEY_BYTES = 1024;
// The local S3 server keeps each key segment as a file name (see functions/local/s3-request-rules.ts).
const MAX_SEGMENT_BYTES = 233;

/** One path segment of a quarantine record's path: "%" is escaped first, so every other escape is unambiguous. */
function escapeSegment(segment: string): string {
  if (segment === '') return '%';
  const escaped = segment.replace(/%/g, '%25');
  return escaped === '.' || escaped === '..' ? escaped.replace(/\./g, '%2E') : escaped;
}

export const QUARANTINE_PREFIX = `${PRIVATE_PREFIX}quarantine/`;

/**
 * `_feedpub/quarantine/<key>.json`: private (the CDN denies _feedpub/), as the record names an
 * unpublished upload and its reason may quote the file. Readable for ordinary keys, and one record
 * per key: the mapping is injective. "%" becomes "%25"; a "." or ".." segment (a CDN or browser would resolve it) becomes
 * "%2E"/"%2E%2E"; an empty segment becomes "%", which no escaped segment can be. A key too long
 * for that (over S3's 1,024 bytes, or a segment a file system cannot name) is kept under
 * _feedpub/quarantine/%23/<sha256>.json: "%23" is a segment no escaped key produces (a "%" in a key is always
 * followed by "25"). `feedpub status` shows the full key either way.
 */
export function quarantinePath(uploadKey: string): string {
  const segments = uploadKey.split('/').map(escapeSegment);
  const path = `${QUARANTINE_PREFIX}${segments.join('/')}.json`;
  const fits = Buffer.byteLength(path) <= S3_MAX_KEY_BYTES && segments.every((s, i) => Buffer.byteLength(i === segments.length - 1 ? `${s}.json` : s) <= MAX_SEGMENT_BYTES);
  return fits ? path : `${QUARANTINE_PREFIX}%23/${keyHash(uploadKey)}.json`;
}
