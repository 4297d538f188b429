// The seed scrape end to end through ingestUpload; every field checked against the file by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleIdForKey } from '../../functions/core/ids';
import { attachImages, describeImage } from '../../functions/core/images';
import { ingestUpload } from '../../functions/core/ingest';
import { DEFAULT_SITE, type Article } from '../../functions/core/model';

const SEED_KEY = '000_47caeb000f8095de.txt';
const seedBytes = new Uint8Array(readFileSync(new URL(`../../content/${SEED_KEY}`, import.meta.url)));
const site = { ...DEFAULT_SITE, baseUrl: 'https://news.example.com', defaultAuthor: 'Newsroom Staff' };
const fallbackDate = '2024-10-31T09:00:00Z';

function ingestSeed(overrides: Partial<Parameters<typeof ingestUpload>[0]> = {}, siteConfig = site): Article {
  const result = ingestUpload({ key: SEED_KEY, bytes: seedBytes, fallbackDate, etag: '"e1"', ...overrides }, siteConfig);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

describe('ingestUpload: the seed', () => {
  const a = ingestSeed();
  const slug = 'us-pushes-for-cease-fire-as-israel-escalates-fight-against-hezbollah';

  it('identity, title, slug and permalink', () => {
    expect(a.id).toBe(articleIdForKey(SEED_KEY));
    expect(a.title).toBe('US pushes for cease-fire as Israel escalates fight against Hezbollah');
    expect(a.slug).toBe(slug);
    expect(a.url).toBe(`articles/${slug}/`);
    expect(a.source).toEqual({ key: SEED_KEY, etag: '"e1"', size: 3393 });
  });

  it('one lead image with its caption once and the parsed credit', () => {
    const caption = "Rescuers work at a site damaged in the aftermath of an Israeli strike in Sohmor, in Lebanon's Bekaa Valley, October 30, 2024.";
    expect(a.images).toHaveLength(1);
    expect(a.images[0]).toMatchObject({ caption, alt: caption });
    expect(a.images[0]?.url).toBeUndefined();
    expect(a.images[0]?.credit).toMatchObject({
      raw: 'REUTERS/Maher Abou Taleb', display: 'Maher Abou Taleb/Reuters', photographer: 'Maher Abou Taleb', agency: 'Reuters',
    });
  });

  it('repairs exactly the two fused words, and says so', () => {
    expect(a.repairs.map((r) => [r.rule, r.before, r.after])).toEqual([
      ['fused-words', 'Netanyahureportedly', 'Netanyahu reportedly'],
      ['fused-words', 'Ghattasdescribed', 'Ghattas described'],
    ]);
    expect(a.contentText).toContain('Benjamin Netanyahu reportedly discussed');
    expect(a.contentText).toContain('Kim Ghattas described as “insanity”');
    expect(a.contentHtml).toContain('Netanyahu reportedly');
  });

  it('the body: six paragraphs, typography kept, nothing from the boilerplate', () => {
    const paragraphs = a.contentText.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(/^Senior White House officials are traveling to Israel on Thursday/);
    expect(paragraphs[5]).toBe('We’ll be watching to see if there are any signs of progress after US officials meet with Netanyahu on Thursday.');
    expect(a.contentHtml.match(/<p>/g)).toHaveLength(6);
    expect(a.contentText).toContain('remain – namely');
    // Everything a reader sees; the parser's warning names the cut line on purpose, for the editor.
    const published = JSON.stringify({ ...a, warnings: [] });
    for (const text of ['More from GZERO Media', 'Thanksgiving', 'Le Pen', 'Munir', 'NurPhoto', 'ISPR']) {
      expect(published).not.toContain(text);
    }
    expect(a.warnings.join(' ')).toMatch(/boilerplate from "More from GZERO Media"/);
  });

  it('metadata: publisher from the boilerplate, summary, language, authors, dates, reading time', () => {
    expect(a.publisher).toBe('GZERO Media');
    expect(a.summary).toBe(
      'Senior White House officials are traveling to Israel on Thursday as the Biden administration continues to push for an end to hostilities in the Middle East.',
    );
    expect(a.language).toBe('en');
    expect(a.authors).toEqual(['Newsroom Staff']);
    expect(a.tags).toEqual([]);
    expect(a.published).toBe(fallbackDate);
    expect(a.updated).toBe(fallbackDate);
    // about 260 words / 230 per minute
    expect(a.readingTimeMinutes).toBe(1);
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fused-word repair can be switched off per site', () => {
    const off = ingestSeed({}, { ...site, repairFusedWords: false });
    expect(off.repairs).toEqual([]);
    expect(off.contentText).toContain('Netanyahureportedly');
    expect(off.contentHash).not.toBe(a.contentHash);
  });

  it('the content hash ignores dates, etag and key but not the text', () => {
    expect(ingestSeed({ fallbackDate: '2025-01-01T00:00:00Z', etag: '"e2"' }).contentHash).toBe(a.contentHash);
    const edited = new TextEncoder().encode(new TextDecoder().decode(seedBytes).replace('two-month', 'three-month'));
    expect(ingestSeed({ bytes: edited }).contentHash).not.toBe(a.contentHash);
  });

  it('S3 metadata ranks below the file', () => {
    const b = ingestSeed({ metadata: { title: 'Other', author: 'Jane Roe', date: '2024-11-02', tags: 'Middle East, Israel' } });
    expect(b.title).toBe(a.title);
    expect(b.authors).toEqual(['Jane Roe']);
    expect(b.published).toBe('2024-11-02T00:00:00Z');
    expect(b.tags).toEqual(['Middle East', 'Israel']);
  });
});

describe('ingestUpload: rejections come from the parser as values', () => {
  it.each([
    ['empty.txt', new Uint8Array(), 'empty'],
    ['photo.txt', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), 'binary'],
    ['notes.pdf', new TextEncoder().encode('Title\n\nBody'), 'unsupported-type'],
  ])('%s -> %s', (key, bytes, code) => {
    const result = ingestUpload({ key, bytes, fallbackDate }, site);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code, key, size: bytes.byteLength });
  });

  it('too large for the site limit', () => {
    const result = ingestUpload({ key: SEED_KEY, bytes: seedBytes, fallbackDate }, { ...site, maxUploadBytes: 1000 });
    expect(result.ok || result.error.code).toBe('too-large');
  });
});

describe('ingestUpload + images: a Markdown sample that names its picture (content/010_harbour.md)', () => {
  const read = (name: string) => new Uint8Array(readFileSync(new URL(`../../content/${name}`, import.meta.url)));
  const result = ingestUpload({ key: 'news/010_harbour.md', bytes: read('010_harbour.md'), fallbackDate }, site);
  if (!result.ok) throw new Error(result.error.reason);
  const article = result.value;

  it('front matter fields, sanitized body, summary from front matter', () => {
    expect(article).toMatchObject({
      title: 'Harbour dredging finishes early as first container ship docks',
      slug: 'harbour-dredging-finishes-early-as-first-container-ship-docks',
      authors: ['Priya Raman'],
      tags: ['shipping', 'infrastructure', 'ports'],
      published: '2025-06-12T00:00:00Z',
      summary: 'The deepened channel lets larger ships call at the port for the first time.',
      language: 'en',
    });
    expect(article.contentHtml).toContain('<em>Northern Star</em>');
    expect(article.contentHtml).toContain('<h2>What changes for the town</h2>');
    expect(article.contentHtml).toContain('<li>The old fishing quay stays open to small boats.</li>');
    expect(article.contentText).toContain('The port says the project cost €212 million');
    expect(article.images).toEqual([
      expect.objectContaining({ src: '010_harbour.png', caption: 'The Northern Star container ship is guided to berth 4 by two tugs on Wednesday morning.' }),
    ]);
    expect(article.images[0]?.url).toBeUndefined();
  });

  it('the 8x6 PNG next to it is described and attached under its hashed name', () => {
    const described = describeImage('news/010_harbour.png', read('010_harbour.png'));
    if (!described.ok) throw new Error(described.error.reason);
    expect(described.value).toMatchObject({ contentType: 'image/png', width: 8, height: 6 });
    const attached = attachImages(article, new Map([['news/010_harbour.png', described.value]]), site);
    expect(attached.images[0]).toMatchObject({
      src: '010_harbour.png', url: described.value.path, width: 8, height: 6, type: 'image/png',
    });
    expect(attached.images).toHaveLength(1); // it is named, so not appended again as a sidecar
    expect(attached.contentHash).not.toBe(article.contentHash);
  });
});
