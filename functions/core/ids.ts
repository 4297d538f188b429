import { hash } from 'node:crypto';
import { parse as parseUuid, v5 as uuidv5 } from 'uuid';
import { isWellFormed } from './parse/decode';

// Fixed namespace: ids depend on the upload key only, so they survive title edits, re-uploads,
// and a change of the site's domain (feed readers would otherwise show every item again).
const FEEDPUB_NAMESPACE = '6f1c9b52-2a8e-5d0e-9a57-5c1f0e3d7b11';
const NAMESPACE_BYTES = parseUuid(FEEDPUB_NAMESPACE);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * RFC 4122 version 5 (SHA-1 of namespace + UTF-8 key), as uuid's v5 computes it, without its per-call
 * namespace parsing and string-to-bytes loop (this runs for every article). A key that is not well-formed
 * UTF-16 (a lone surrogate: no S3 key is one) goes to uuid itself, which throws on it as before.
 */
function uuidV5OfKey(key: string): string {
  if (!isWellFormed(key)) return uuidv5(key, FEEDPUB_NAMESPACE);
  // One-shot hash over one buffer: no Hash object (~1 µs of the ~2.5 a streamed hash took).
  const b = hash('sha1', Buffer.concat([NAMESPACE_BYTES, Buffer.from(key, 'utf8')]), 'buffer') as unknown as Buffer;
  b[6] = ((b[6] as number) & 0x0f) | 0x50;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i++) hex += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[b[i] as number];
  return hex;
}

/** Stable article id for an upload key, as a URN usable in RSS guid, Atom id and JSON Feed id. */
export function articleIdForKey(key: string): string {
  return `urn:uuid:${uuidV5OfKey(key)}`;
}
