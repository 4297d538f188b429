// What the local S3 API (s3rver on a developer's laptop) accepts. s3rver keeps each key as a file
// path under its bucket's folder and trusts every request, so two kinds of request are refused
// before it sees them: keys a file system would resolve outside their bucket (or onto another key's
// file), and requests a web page in the developer's browser can send (see docs/local-s3.md).

/** S3's own limit on key length. */
export const S3_MAX_KEY_BYTES = 1024;
/**
 * Longest key segment the local store can keep: the last segment becomes a file name with up to
 * 22 bytes of s3rver suffix ("._S3rver_metadata.json") on a file system allowing 255-byte names.
 */
export const LOCAL_MAX_SEGMENT_BYTES = 233;
/** s3rver names its own files <name>._S3rver_<part>: a key holding this could address one of them. */
const S3RVER_FILE_MARK = '._S3rver_';
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export interface Refusal {
  /** S3 error code (its HTTP status follows from it: 400, 403, 404). */
  code: 'InvalidArgument' | 'KeyTooLongError' | 'AccessDenied' | 'NoSuchBucket';
  message: string;
}

/**
 * Why the local store cannot keep this key as its own file, or undefined when it can. Real S3
 * keeps every key as an opaque name; here "a/./b.txt" would be stored as "a/b.txt" (and listed,
 * hence published, under that second name after a restart) and "../x" would land outside the bucket.
 */
export function localKeyProblem(key: string): string | undefined {
  if (key === '') return 'the key is empty';
  if (Buffer.byteLength(key) > S3_MAX_KEY_BYTES) return `the key is over ${S3_MAX_KEY_BYTES} bytes`;
  if (CONTROL_CHARACTER.test(key)) return 'the key contains a control character';
  if (key.includes('\\')) return 'the key contains a backslash (a folder separator on Windows)';
  if (key.includes(S3RVER_FILE_MARK)) return `the key contains "${S3RVER_FILE_MARK}", which names the local S3 server's own files`;
  const segments = key.split('/');
  for (const [i, segment] of segments.entries()) {
    if (segment === '.' || segment === '..') return `the key has a "${segment}" path segment`;
    // A trailing "/" is a folder marker (as the S3 console creates); an empty segment elsewhere
    // ("//", a leading "/") would be stored under the same file as the key without it.
    if (segment === '' && i !== segments.length - 1) return 'the key has an empty path segment ("//" or a leading "/")';
    if (Buffer.byteLength(segment) > LOCAL_MAX_SEGMENT_BYTES) return `a path segment of the key is over ${LOCAL_MAX_SEGMENT_BYTES} bytes`;
  }
  return undefined;
}

export function keyRefusal(key: string): Refusal | undefined {
  const problem = localKeyProblem(key);
  if (problem === undefined) return undefined;
  return {
    code: Buffer.byteLength(key) > S3_MAX_KEY_BYTES ? 'KeyTooLongError' : 'InvalidArgument',
    message: `Refused by the local S3 server: ${problem}. It keeps keys as files, so such keys cannot be stored here (S3 itself would keep them as opaque names).`,
  };
}

/** The parts of an HTTP request the rules below read (header names lower-case). */
export interface RequestFacts {
  method: string;
  /** Host header name without the port. */
  hostname: string;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, unknown>;
  /** This server's own origins (http://127.0.0.1:PORT, http://localhost:PORT). */
  ownOrigins: readonly string[];
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function header(facts: RequestFacts, name: string): string | undefined {
  const value = facts.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function isSigV4HeaderSigned(facts: RequestFacts): boolean {
  return /^AWS4-HMAC-SHA256 /.test(header(facts, 'authorization') ?? '');
}

export function isSigV4Presigned(facts: RequestFacts): boolean {
  return facts.query['X-Amz-Algorithm'] === 'AWS4-HMAC-SHA256';
}

/**
 * Whether the request is one an S3 client sends (accepted) or one a web page can make the
 * developer's browser send (refused). A page can send a GET, HEAD or form POST to any origin
 * without asking; it cannot add an Authorization header or use PUT/DELETE cross-origin without a
 * CORS preflight, which this server never grants. Signatures are not verified (any credentials
 * work locally), so a presigned query is forgeable: it is accepted only where a page cannot use it
 * to write (no POST).
 */
export function requestRefusal(facts: RequestFacts): Refusal | undefined {
  const denied = (message: string): Refusal => ({ code: 'AccessDenied', message: `Refused by the local S3 server: ${message}` });
  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 reaches this port as its own origin.
  if (!LOOPBACK_HOSTS.has(facts.hostname) && !facts.hostname.endsWith('.localhost')) {
    return denied(`the Host "${facts.hostname}" is not this machine's loopback name (localhost, 127.0.0.1)`);
  }
  const origin = header(facts, 'origin');
  if (origin !== undefined && !facts.ownOrigins.includes(origin)) return denied(`requests from web pages (Origin ${origin}) are not accepted`);
  const fetchSite = header(facts, 'sec-fetch-site');
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return denied(`requests from web pages (Sec-Fetch-Site: ${fetchSite}) are not accepted`);
  }
  if (facts.method === 'OPTIONS') return denied('no CORS: web pages may not call the local S3 API');
  const signedHeader = isSigV4HeaderSigned(facts);
  if (!signedHeader && !isSigV4Presigned(facts)) {
    return denied(
      'only S3 clients are accepted: sign requests with AWS Signature Version 4 (any credentials), as the AWS CLI and SDKs do. The site itself is served by the site server.',
    );
  }
  if (facts.method === 'POST' && !signedHeader) return denied('a POST must carry a signed Authorization header (HTML form uploads are not accepted)');
  return undefined;
}
