import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../../functions/core/parse';

const SEED_KEY = '000_47caeb000f8095de.txt';
const seedBytes = readFileSync(new URL(`../../../content/${SEED_KEY}`, import.meta.url));

describe('the seed scrape, end to end', () => {
  const result = parseUpload({ key: SEED_KEY, bytes: seedBytes, maxBytes: 2 * 1024 * 1024 });
  if (!result.ok) throw new Error(`seed rejected: ${result.error.reason}`);
  const article = result.value;

  it('reads the first line as the title', () => {
    expect(article.format).toBe('txt');
    expect(article.encoding).toBe('utf-8');
    expect(article.title).toBe('US pushes for cease-fire as Israel escalates fight against Hezbollah');
  });

  it('keeps one image: the caption once and the raw credit line', () => {
    expect(article.images).toEqual([
      {
        caption:
          "Rescuers work at a site damaged in the aftermath of an Israeli strike in Sohmor, in Lebanon's Bekaa Valley, October 30, 2024.",
        credit: 'REUTERS/Maher Abou Taleb',
      },
    ]);
  });

  it('has the six body paragraphs, text unchanged (curly quotes, dash and fused words as uploaded)', () => {
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[0]).toBe(
      'Senior White House officials are traveling to Israel on Thursday as the Biden administration continues to push for an end to hostilities in the Middle East.',
    );
    expect(article.paragraphs[2]).toContain('Benjamin Netanyahureportedly discussed');
    expect(article.paragraphs[3]).toContain('remain – namely');
    expect(article.paragraphs[3]).toContain('Kim Ghattasdescribed as “insanity”');
    expect(article.paragraphs[5]).toBe(
      'We’ll be watching to see if there are any signs of progress after US officials meet with Netanyahu on Thursday.',
    );
  });

  it('names the publisher from "More from GZERO Media" and keeps nothing after it', () => {
    expect(article.publisher).toBe('GZERO Media');
    const everything = JSON.stringify(article.paragraphs) + JSON.stringify(article.images);
    for (const later of ['More from', 'Thanksgiving', 'NurPhoto', 'Le Pen', 'Stephane Mahe', 'Asim Munir', 'ISPR']) {
      expect(everything).not.toContain(later);
    }
    expect(article.warnings).toEqual(['dropped 15 lines of publisher boilerplate from "More from GZERO Media" on']);
  });

  it('has no header metadata and no markdown body', () => {
    expect(article.meta).toEqual({});
    expect(article.markdown).toBeUndefined();
  });
});
