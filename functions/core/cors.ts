// CORS for feeds (any origin, read-only): one table read by the CloudFront response headers policy
// (infra/feedpub-stack.ts) and the local dev server, so `npm start` answers scripts as the CDN does.
// ETag and Last-Modified are exposed so a web reader can make conditional requests and see the answer.

export const FEED_CORS = {
  allowOrigin: '*',
  allowMethods: ['GET', 'HEAD', 'OPTIONS'],
  allowHeaders: ['*'],
  exposeHeaders: ['ETag', 'Last-Modified'],
  maxAgeSeconds: 86_400,
} as const;

/** Headers on every feed response. */
export function corsResponseHeaders(): Record<string, string> {
  return { 'Access-Control-Allow-Origin': FEED_CORS.allowOrigin, 'Access-Control-Expose-Headers': FEED_CORS.exposeHeaders.join(', ') };
}

/** Headers of the answer to a preflight (OPTIONS with Access-Control-Request-Method). */
export function corsPreflightHeaders(): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': FEED_CORS.allowOrigin,
    'Access-Control-Allow-Methods': FEED_CORS.allowMethods.join(', '),
    'Access-Control-Allow-Headers': FEED_CORS.allowHeaders.join(', '),
    'Access-Control-Max-Age': String(FEED_CORS.maxAgeSeconds),
  };
}
