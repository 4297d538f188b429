// The CloudFront viewer-request function, run as CloudFront would run it: a table of request URIs
// and what the viewer gets (the rewritten origin path, or a redirect).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROWSER_REDIRECTED_FEED_PATH, isBrowserNavigation } from '../../functions/core/render/subscribe';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../infra/feedpub-app';
import { viewerRequestCode } from '../../infra/viewer-request-code';

type Request = { uri: string; method: string; querystring: Record<string, unknown>; headers: Record<string, unknown> };
type Response = { statusCode: number; headers: Record<string, { value: string }> };
const handler = new Function(`${viewerRequestCode()}; return handler;`)() as (event: {
  request: Request;
}) => Request | Response;

const run = (uri: string) => handler({ request: { uri, method: 'GET', querystring: {}, headers: {} } });

describe('viewer-request function', () => {
  it.each([
    ['/', '/index.html'],
    ['/articles/harbour-reopens/', '/articles/harbour-reopens/index.html'],
    ['/archive/2026-11/', '/archive/2026-11/index.html'],
    ['/feed.xml', '/feed.xml'],
    ['/archive/2026-11/feed.json', '/archive/2026-11/feed.json'],
    ['/images/0123456789abcdef.jpg', '/images/0123456789abcdef.jpg'],
    ['/errors/news/a.txt.json', '/errors/news/a.txt.json'],
  ])('%s is read from %s', (uri, origin) => {
    expect(run(uri)).toMatchObject({ uri: origin });
  });

  it.each([
    ['/articles/harbour-reopens', '/articles/harbour-reopens/'],
    ['/status', '/status/'],
    // Never to another site: "//host/..." and "/\\host/..." are protocol-relative URLs.
    ['//evil.example/x', '/evil.example/x/'],
    ['///evil.example/x', '/evil.example/x/'],
    ['/\\evil.example/x', '/evil.example/x/'],
    ['/\\/evil.example/x', '/evil.example/x/'],
    ['/\t/evil.example/x', '/evil.example/x/'],
    ['//evil', '/evil/'],
    ['/\\', '/'],
  ])('%s redirects permanently to %s', (uri, location) => {
    const response = run(uri) as Response;
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toEqual({ value: location });
  });

  it('a redirect stays on this site: its Location is a path, not a protocol-relative URL', () => {
    // Browsers delete tab/CR/LF from a URL and read "\\" as "/": what they would see must start
    // with exactly one slash.
    const asBrowserReads = (location: string) => location.replace(/[\t\r\n]/g, '').replace(/\\/g, '/');
    const segment = fc.stringMatching(/^[a-z.\\\t-]{0,6}$/);
    fc.assert(
      fc.property(fc.array(fc.oneof(segment, fc.constant('')), { minLength: 1, maxLength: 5 }), (segments) => {
        const uri = `/${segments.join('/')}`;
        const response = run(uri);
        if (!('statusCode' in response)) return;
        const location = asBrowserReads(response.headers.location!.value);
        expect(location).toMatch(/^\/(?!\/)/);
        expect(new URL(location, 'https://site.example/').origin).toBe('https://site.example');
      }),
    );
  });

  // Accept headers as sent by real clients (browsers on a navigation, feed readers and libraries).
  const ACCEPTS: [client: string, accept: string | undefined, browser: boolean][] = [
    ['Chromium navigation', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7', true],
    ['Firefox navigation', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['Python feedparser', 'application/atom+xml,application/rdf+xml,application/rss+xml,application/x-netcdf,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1', false],
    ['reader asking for feeds and HTML', 'application/rss+xml, text/html;q=0.5', false],
    ['curl / newsboat', '*/*', false],
    ['fetch() from a script', '*/*', false],
    ['no Accept header', undefined, false],
  ];

  it.each(ACCEPTS)('%s on an RSS/Atom feed, head, archive or tag: redirected to the subscribe page = %s; the core rule agrees', (_client, accept, browser) => {
    for (const uri of ['/feed.xml', '/atom.xml', '/archive/2026-11/feed.xml', '/archive/2026-11/atom.xml', '/tags/rust/feed.xml', '/tags/c-1a2b3c4d/atom.xml', '/tags/rust/archive/2026-11/feed.xml']) {
      const response = handler({ request: { uri, method: 'GET', querystring: {}, headers: accept === undefined ? {} : { accept: { value: accept } } } });
      if (browser) expect(response).toEqual({ statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/subscribe/' }, 'cache-control': { value: 'no-store' } } });
      else expect(response).toMatchObject({ uri });
    }
    expect(isBrowserNavigation(accept)).toBe(browser);
  });

  it('a browser on JSON Feed, the stylesheet or a look-alike path is not redirected; the function and the core match the same paths', () => {
    const accept = { value: ACCEPTS[0]![1] as string };
    const others = [
      '/feed.json', '/archive/2026-11/feed.json', '/feed.xsl', '/archive/feed.xml', '/archive/2026-1/atom.xml', '/feed.xml/', '/archive/2026-11/feed.xml.bak',
      // Tag look-alikes: JSON Feed, no slug, upper case (slugs never are), a nested folder, a hyphen at an end.
      '/tags/x/feed.json', '/tags//feed.xml', '/tags/X/feed.xml', '/tags/a/b/feed.xml', '/tags/-x/atom.xml', '/tags/x-/feed.xml', '/tags/feed.xml',
    ];
    for (const uri of others) {
      expect(handler({ request: { uri, method: 'GET', querystring: {}, headers: { accept } } })).toMatchObject({ uri: uri.endsWith('/') ? `${uri}index.html` : uri });
      expect(BROWSER_REDIRECTED_FEED_PATH.test(uri)).toBe(false);
    }
    expect(viewerRequestCode()).toContain(`var BROWSER_REDIRECTED_FEED_PATH = /${BROWSER_REDIRECTED_FEED_PATH.source}/;`);
  });

  it('uses only syntax the cloudfront-js-2.0 runtime accepts (no import/export, one handler)', () => {
    const source = viewerRequestCode();
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    expect(source.match(/function handler\(event\)/g)).toHaveLength(1);
  });

  it('is filled in from the output table: the file alone names placeholders, the deployed code none', () => {
    expect(viewerRequestCode()).not.toMatch(/FEEDPUB_/);
    expect(viewerRequestCode()).toContain(
      'var BROWSER_REDIRECTED_FEED_PATH = /^\\/(?:tags\\/[a-z0-9]+(?:-[a-z0-9]+)*\\/)?(?:archive\\/\\d{4}-\\d{2}\\/)?(?:feed\\.xml|atom\\.xml)$/;',
    );
    // Unfilled, the function fails as it loads: it can never be deployed by mistake and half work.
    const raw = readFileSync(join(PROJECT_ROOT, 'infra', 'viewer-request.js'), 'utf8');
    expect(() => new Function(`${raw}; return handler;`)()).toThrow(ReferenceError);
  });
});
