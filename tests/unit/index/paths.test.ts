import { describe, expect, it } from 'vitest';
import { namedImageKeys, resolveUploadKey, sidecarArticleKeys, sidecarImageKeys } from '../../../functions/core/index/imagerefs';
import { articleRecordKey, quarantinePath } from '../../../functions/core/index/paths';
import type { Article } from '../../../functions/core/model';

describe('quarantinePath', () => {
  it.each([
    ['news/a b.txt', 'errors/news/a b.txt.json'],
    ['../etc/passwd', 'errors/%2E%2E/etc/passwd.json'],
    ['a//b.txt', 'errors/a/%/b.txt.json'],
    ['./x.txt', 'errors/%2E/x.txt.json'],
  ])('%s -> %s', (key, path) => expect(quarantinePath(key)).toBe(path));

  it('falls back to a hash when the key would exceed S3 key length', () => {
    const path = quarantinePath(`${'é'.repeat(510)}.txt`);
    expect(path).toMatch(/^errors\/[0-9a-f]{64}\.json$/);
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
