// A domain move at the edge: the viewer-request function built for a deployment with a previous
// domain answers 301 to the same path on the current one; other hosts are served as before.
import { describe, expect, it } from 'vitest';
import { viewerRequestCode } from '../../infra/viewer-request-code';

type Result = { uri?: string; statusCode?: number; headers?: Record<string, { value: string }> };
const handlerOf = (code: string) => new Function(`${code}; return handler;`)() as (event: unknown) => Result;
const request = (host: string, uri: string) => ({ request: { uri, method: 'GET', querystring: {}, headers: { host: { value: host } } } });

describe('host redirect for a domain move', () => {
  const handler = handlerOf(viewerRequestCode({ canonicalHost: 'news.example.org', movedHosts: ['old.example.com', 'www.old.example.com'] }));

  it.each([
    ['old.example.com', '/articles/harbour/', 'https://news.example.org/articles/harbour/'],
    ['OLD.example.com', '/feed.xml', 'https://news.example.org/feed.xml'],
    ['www.old.example.com', '/', 'https://news.example.org/'],
    // Never to a third site: a protocol-relative path stays a path on the new domain.
    ['old.example.com', '//evil.example/x', 'https://news.example.org/evil.example/x'],
  ])('%s%s -> 301 %s', (host, uri, location) => {
    const r = handler(request(host, uri));
    expect(r.statusCode).toBe(301);
    expect(r.headers?.location?.value).toBe(location);
  });

  it('the current domain is served (folder index), not redirected', () => {
    expect(handler(request('news.example.org', '/articles/harbour/'))).toMatchObject({ uri: '/articles/harbour/index.html' });
  });

  it('without previous domains the function is the file as it is (no redirect for any host)', () => {
    const plain = handlerOf(viewerRequestCode({ canonicalHost: 'news.example.org', movedHosts: [] }));
    expect(plain(request('old.example.com', '/feed.xml'))).toMatchObject({ uri: '/feed.xml' });
  });
});
