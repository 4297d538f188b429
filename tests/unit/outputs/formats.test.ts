// The output table's own rules: names and paths are unique, every published output is served by the
// CDN cache class it names (matched as CloudFront matches path patterns), and the path functions give
// the paths readers subscribe to (checked by hand against the README and the RFC 5005 archive layout).
import { describe, expect, it } from 'vitest';
import {
  archiveFeedFolder,
  CDN_CACHE_CLASSES,
  cdnCacheClassOf,
  FEED_FORMATS,
  feedPath,
  HEAD_FEED_FOLDER,
  HEAD_FEED_PATHS,
  SITE_OUTPUTS,
} from '../../../functions/core/outputs/formats';

/** A real path for a `<placeholder>` path of the table. */
function examplePath(path: string, fileName = 'feed.xml'): string {
  return path
    .replace('<feed file>', fileName)
    .replace('<YYYY-MM>', '2024-10')
    .replace('<slug>', 'harbour-reopens')
    .replace('<tag>', 'c-2e7d2c03')
    .replace('<sha256 16 hex>.<ext>', '0123456789abcdef.jpg')
    .replace('<upload key>', 'news/a.txt')
    .replace('<record>', 'head');
}

describe('output table', () => {
  it('feed formats: the head paths and archive paths readers subscribe to', () => {
    expect(HEAD_FEED_PATHS).toEqual(['feed.xml', 'atom.xml', 'feed.json']);
    expect(FEED_FORMATS.map((f) => feedPath(archiveFeedFolder('2024-10'), f.name))).toEqual(['archive/2024-10/feed.xml', 'archive/2024-10/atom.xml', 'archive/2024-10/feed.json']);
    expect(FEED_FORMATS.map((f) => f.contentType)).toEqual(['application/rss+xml; charset=utf-8', 'application/atom+xml; charset=utf-8', 'application/feed+json; charset=utf-8']);
    expect(FEED_FORMATS.filter((f) => f.browserRedirect).map((f) => feedPath(HEAD_FEED_FOLDER, f.name))).toEqual(['feed.xml', 'atom.xml']);
  });

  it('names, file names and fixed paths are unique', () => {
    const unique = (values: string[]) => expect(new Set(values).size).toBe(values.length);
    unique(FEED_FORMATS.map((f) => f.name));
    unique(FEED_FORMATS.map((f) => f.fileName));
    unique(FEED_FORMATS.map((f) => f.label));
    unique(CDN_CACHE_CLASSES.map((c) => c.name));
    unique(CDN_CACHE_CLASSES.flatMap((c) => c.pathPatterns));
    unique(SITE_OUTPUTS.filter((o) => !o.path.includes('<')).map((o) => o.path));
  });

  it('each Content-Type is its media type with the charset, where text', () => {
    for (const f of FEED_FORMATS) expect(f.contentType).toBe(`${f.mediaType}; charset=utf-8`);
    for (const o of SITE_OUTPUTS) if (o.contentType !== undefined) expect(o.contentType).toMatch(/^[a-z]+\/[a-z.+-]+; charset=utf-8$/);
  });

  it('exactly one cache class is the default (no path patterns)', () => {
    expect(CDN_CACHE_CLASSES.filter((c) => c.pathPatterns.length === 0).map((c) => c.name)).toEqual(['pages']);
  });

  it.each(SITE_OUTPUTS.filter((o) => o.cdn !== undefined).flatMap((o) => (o.path.includes('<feed file>') ? FEED_FORMATS.map((f) => [o.name, examplePath(o.path, f.fileName), o.cdn!] as const) : [[o.name, examplePath(o.path), o.cdn!] as const])))(
    '%s (%s) is served by the %s cache class',
    (_name, path, cdn) => {
      expect(path).not.toContain('<');
      expect(cdnCacheClassOf(path).name).toBe(cdn);
    },
  );

  it.each([
    ['images/0123456789abcdef.jpg', 'images'],
    ['feed.xml', 'feeds'],
    ['archive/2024-10/feed.json', 'feeds'],
    ['status.json', 'feeds'],
    ['articles/x/index.html', 'pages'],
    ['feed.xsl', 'pages'],
    ['xml', 'pages'],
    ['a.xml.html', 'pages'],
    // First match wins, as in CloudFront: images/* comes before *.xml.
    ['images/a.xml', 'images'],
  ])('cdnCacheClassOf(%s) = %s', (path, name) => {
    expect(cdnCacheClassOf(path).name).toBe(name);
  });

  it('CORS only on the class that serves feeds, and private records are not served', () => {
    expect(CDN_CACHE_CLASSES.filter((c) => c.cors).map((c) => c.name)).toEqual(['feeds']);
    expect(SITE_OUTPUTS.find((o) => o.name === 'privateRecord')?.cdn).toBeUndefined();
  });
});
