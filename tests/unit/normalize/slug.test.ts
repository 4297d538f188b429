import { describe, expect, it } from 'vitest';
import { uniqueSlug } from '../../../functions/core/normalize';
import { chooseSlug, fallbackSlug, slugFromTitle } from '../../../functions/core/normalize/rules/slug';

describe('slugFromTitle', () => {
  it.each([
    ['US pushes for cease-fire as Israel escalates fight against Hezbollah', 'us-pushes-for-cease-fire-as-israel-escalates-fight-against-hezbollah'],
    ['Café déjà vu: “quoted” — and dashes', 'cafe-deja-vu-quoted-and-dashes'],
    ['  Spaces   and___underscores  ', 'spaces-andunderscores'],
    ['<script>alert(1)</script> & more', 'script-alert1-script-and-more'],
    ['2024: a year', '2024-a-year'],
    ['🎉🎉', ''],
    ['中文标题', ''],
  ])('%s -> %s', (title, slug) => expect(slugFromTitle(title)).toBe(slug));

  it('cuts a long title at a hyphen, at most 80 chars', () => {
    const title = 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
    const slug = slugFromTitle(title);
    expect(slug).toBe('one-two-three-four-five-six-seven-eight-nine-ten-eleven-twelve-thirteen-fourteen');
    expect(slug.length).toBeLessThanOrEqual(80);
  });

  it('cuts a single 100-letter word hard at 80', () => {
    expect(slugFromTitle('a'.repeat(100))).toBe('a'.repeat(80));
  });
});

describe('chooseSlug', () => {
  it.each([
    ['my-slug', 'Title', 'my-slug', 0],
    [undefined, 'Some Title', 'some-title', 0],
    ['Not Valid!', 'Some Title', 'some-title', 1],
    ['a--b', 'Some Title', 'some-title', 1],
    [undefined, '🎉', fallbackSlug('k.txt'), 0],
  ])('requested %s, title %s -> %s', (requested, title, expected, warningCount) => {
    const warnings: string[] = [];
    expect(chooseSlug(requested, title, 'k.txt', warnings)).toBe(expected);
    expect(warnings).toHaveLength(warningCount);
  });

  it('the fallback is article-<8 hex of sha256(key)>, stable per key', () => {
    // sha256("k.txt") starts with these 8 hex digits (checked with `printf k.txt | sha256sum`).
    expect(fallbackSlug('k.txt')).toBe('article-1d55840c');
    expect(fallbackSlug('k.txt')).toBe(fallbackSlug('k.txt'));
    expect(fallbackSlug('k.txt')).not.toBe(fallbackSlug('l.txt'));
  });
});

describe('uniqueSlug', () => {
  const owners = new Map([['news', 'a.txt'], ['news-2', 'b.txt'], ['news-3', 'c.txt'], ['sport', 'd.txt']]);
  const taken = (slug: string) => owners.get(slug);
  it.each([
    ['free', 'x.txt', 'free'],
    ['news', 'a.txt', 'news'],
    ['news', 'b.txt', 'news-2'],
    ['news', 'z.txt', 'news-4'],
    ['sport', 'z.txt', 'sport-2'],
  ])('%s for %s -> %s', (desired, key, expected) => expect(uniqueSlug(desired, key, taken)).toBe(expected));
});

