import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { namedImageKeys, resolveUploadKey, sidecarArticleKeys, sidecarImageKeys } from '../../../functions/core/site-index/imagerefs';
import { articleRecordKey, quarantinePath } from '../../../functions/core/site-index/paths';
import type { Article } from '../../../functions/core/model';

describe('quarantinePath', () => {
  it.each([
    ['news/a b.txt', '_feedpub/quarantine/news/a b.txt.json'],
    ['../etc/passwd', '_feedpub/quarantine/%2E%2E/etc/passwd.json'],
    ['a//b.txt', '_feedpub/quarantine/a/%/b.txt.json'],
    ['./x.txt', '_feedpub/quarantine/%2E/x.txt.json'],
    ['100%.txt', '_feedpub/quarantine/100%25.txt.json'],
    ['%2E%2E/x.txt', '_feedpub/quarantine/%252E%252E/x.txt.json'],
  ])('%s -> %s', (key, path) => expect(quarantinePath(key)).toBe(path));

  it('falls back to a hash when the key would exceed S3 key length or a file name', () => {
    expect(quarantinePath(`${'é'.repeat(510)}.txt`)).toMatch(/^_feedpub\/quarantine\/%23\/[0-9a-f]{64}\.json$/);
    expect(quarantinePath(`${'x'.repeat(229)}.txt`)).toMatch(/^_feedpub\/quarantine\/%23\/[0-9a-f]{64}\.json$/);
    expect(quarantinePath(`${'x'.repeat(224)}.txt`)).toBe(`_feedpub/quarantine/${'x'.repeat(224)}.txt.json`);
  });

  // Keys that a sloppy escape would merge: "%" itself, its escapes spelled out, empty and dot
  // segments, a key equal to another key's hash, the hash folder's own name, case, Unicode forms.
  const LONG = `${'é'.repeat(510)}.txt`;
  const COLLIDING_PRONE = [
    '..', '%2E%2E', '%2e%2e', '.', '%2E', '%', '%25', '%2525', '', '/', '//', 'a/', 'a//', 'a/%', 'a/%25', 'a/', 'a/.', 'a/..',
    'a/%2E', 'a/b', 'a%2Fb', 'a\\b', 'x.json', 'x', 'x.json.json', 'A', 'a', 'é', 'e\u0301', '%23', '%23/x', '#/x', '%2523',
    LONG, LONG.slice(0, -1), `${LONG}x`, createHash('sha256').update(LONG).digest('hex'), `%23/${createHash('sha256').update(LONG).digest('hex')}`,
    'errors/x', ' ', 'a ', 'a.', 'a..', '...', '%00', '\u0000',
  ];

  it('gives every key its own record (injective over a table of collision-prone keys)', () => {
    const keys = [...new Set(COLLIDING_PRONE)];
    const paths = new Map<string, string>();
    for (const key of keys) {
      const path = quarantinePath(key);
      expect(paths.get(path), `${JSON.stringify(key)} and ${JSON.stringify(paths.get(path))} share ${path}`).toBeUndefined();
      paths.set(path, key);
      expect(path.startsWith('_feedpub/quarantine/'), path).toBe(true);
      expect(path.split('/').some((s) => s === '.' || s === '..' || s === ''), path).toBe(false);
    }
  });

  it('is injective on random keys built from the characters escapes are made of', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('%', '2', '5', 'E', 'e', '.', '/', 'a', '3'), maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('%', '2', '5', 'E', 'e', '.', '/', 'a', '3'), maxLength: 12 }),
        (a, b) => a === b || quarantinePath(a) !== quarantinePath(b),
      ),
      { numRuns: 5000 },
    );
  });
});

describe('articleRecordKey', () => {
  it('is one short object per upload key, whatever the key', () => {
    expect(articleRecordKey('x'.repeat(1024))).toMatch(/^_feedpub\/articles\/[0-9a-f]{64}\.json$/);
    expect(articleRecordKey('a')).not.toBe(articleRecordKey('A'));
  });
});

describe('image references', () => {
  it('pairs sidecars both ways', () => {
    expect(sidecarImageKeys('news/story.txt')).toContain('news/story.jpg');
    expect(sidecarImageKeys('story.md')).toContain('story.png');
    expect(sidecarArticleKeys('news/story.jpeg')).toEqual([
      'news/story.txt',
      'news/story.TXT',
      'news/story.md',
      'news/story.MD',
      'news/story.markdown',
      'news/story.MARKDOWN',
    ]);
  });

  it.each([
    ['news/a.txt', 'photo.jpg', 'news/photo.jpg'],
    ['news/a.txt', '../img/p.jpg', 'img/p.jpg'],
    ['news/a.txt', '/top.jpg', 'top.jpg'],
    ['a.txt', '../../p.jpg', undefined],
  ])('%s names %s -> %s', (article, src, key) => expect(resolveUploadKey(article, src)).toBe(key));

  it('ignores images named by URL', () => {
    const article = {
      source: { key: 'n/a.txt', size: 1 },
      images: [{ src: 'https://cdn.example/p.jpg', alt: '', caption: '' }, { src: 'p.jpg', alt: '', caption: '' }],
    } as Pick<Article, 'images' | 'source'>;
    expect(namedImageKeys(article)).toEqual(['n/p.jpg']);
  });
});
