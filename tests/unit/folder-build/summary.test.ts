import { describe, expect, it } from 'vitest';
import { countSiteFiles, formatBytes, formatSummary } from '../../../functions/folder-build/summary';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1.0 kB'],
    [12_345, '12.3 kB'],
    [999_949, '999.9 kB'],
    [1_234_567, '1.2 MB'],
    [2_500_000_000, '2.5 GB'],
  ])('%d -> %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('countSiteFiles', () => {
  it('tells head feeds, archive feeds and article pages apart', () => {
    const paths = [
      'feed.xml', 'atom.xml', 'feed.json',
      'archive/2024-10/feed.xml', 'archive/2024-10/atom.xml', 'archive/2024-10/feed.json',
      'articles/a/index.html', 'articles/b/index.html',
      'index.html', 'status.json', 'status/index.html', 'feed.xsl', 'style.css', 'images/0123.png',
      'tags/world/feed.xml', // a tag feed is neither head nor archive
    ];
    expect(countSiteFiles(paths.map((path) => ({ path })))).toEqual({ headFeeds: 3, archiveFeeds: 3, pages: 2 });
  });
});

describe('formatSummary', () => {
  const counts = { articles: 9, headFeeds: 3, archiveFeeds: 12, pages: 9, bytes: 1_234_567, ms: 85.4, rejected: [], held: [] };

  it('is one line when every file was published', () => {
    expect(formatSummary(counts)).toEqual(['built 9 articles, 3 feeds + 12 archive feeds, 9 pages, 1.2 MB in 85 ms']);
  });

  it('adds the quarantine count and one line per rejected file with its reason and code', () => {
    const rejected = [
      { key: 'bad.txt', code: 'binary' as const, reason: 'binary content (JPEG) in a .txt upload', size: 16 },
      { key: 'notes.docx', code: 'unsupported-type' as const, reason: 'notes.docx is not an article: upload .txt, .md or .markdown', size: 3 },
    ];
    expect(formatSummary({ ...counts, rejected })).toEqual([
      'built 9 articles, 3 feeds + 12 archive feeds, 9 pages, 1.2 MB in 85 ms; 2 quarantined',
      '  bad.txt: binary content (JPEG) in a .txt upload [binary]',
      '  notes.docx: notes.docx is not an article: upload .txt, .md or .markdown [unsupported-type]',
    ]);
  });

  it('adds the held count and one line per held article with its time and title, before the rejected files', () => {
    const held = [
      { key: 'desk/election.txt', title: 'Election night live', at: '2031-05-06T07:00:00Z' },
      { key: 'desk/budget.txt', title: 'Budget "day"', at: '2031-05-08T09:00:00Z' },
    ];
    const rejected = [{ key: 'bad.txt', code: 'binary' as const, reason: 'binary content (JPEG) in a .txt upload', size: 16 }];
    expect(formatSummary({ ...counts, held, rejected })).toEqual([
      'built 9 articles, 3 feeds + 12 archive feeds, 9 pages, 1.2 MB in 85 ms; 2 held until their dates; 1 quarantined',
      '  desk/election.txt: held until 2031-05-06T07:00:00Z "Election night live" [scheduled]',
      '  desk/budget.txt: held until 2031-05-08T09:00:00Z "Budget \\"day\\"" [scheduled]',
      '  bad.txt: binary content (JPEG) in a .txt upload [binary]',
    ]);
    expect(formatSummary({ ...counts, held: held.slice(0, 1) })[0]).toMatch(/; 1 held until its date$/);
  });

  it('speaks in the singular for one and in seconds past 10 s', () => {
    expect(formatSummary({ ...counts, articles: 1, headFeeds: 1, archiveFeeds: 1, pages: 1, bytes: 512, ms: 12_345 })).toEqual([
      'built 1 article, 1 feed + 1 archive feed, 1 page, 512 B in 12.3 s',
    ]);
  });
});
