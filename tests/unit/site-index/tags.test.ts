// Tag slugs: a table checked by hand (hash prefixes from `printf '%s' <identity> | sha256sum`), then the
// invariants as properties: distinct tags never share a slug, a claimed slug never moves when other
// tags arrive, and caps hold against hostile input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTagSlugs, claimTagSlug, tagChangesOf, tagIdentity, tagSlugBase, tagSlugCandidate } from '../../../functions/core/site-index/tags';
import { capTags, MAX_TAG_LENGTH, MAX_TAGS_PER_ARTICLE } from '../../../functions/core/normalize/rules/tagLimits';
import type { Article } from '../../../functions/core/model';

describe('tag slug table', () => {
  it.each([
    // tag, first candidate, second candidate (the collision slug)
    ['C++', 'c', 'c-cedb1bac'],
    ['C', 'c', 'c-2e7d2c03'],
    ['Café', 'cafe', 'cafe-850f7dc4'],
    ['cafe', 'cafe', 'cafe-a860b858'],
    // Case is not a different tag: same identity, same hash.
    ['CAFE', 'cafe', 'cafe-a860b858'],
    ['Ærø', 'aero', undefined],
    ['Москва', 'moskva', undefined],
    ['İstanbul', 'istanbul', undefined],
    ['Node.js', 'nodejs', undefined],
    // Nothing left after transliteration: never a bare "tag", always a hash.
    ['日本', 'tag-cf2abf0c', 'tag-cf2abf0c5be326cb'],
    ['🦀', 'tag-7224c588', 'tag-7224c588fa988754'],
    ['---', 'tag-cb3f91d5', 'tag-cb3f91d54eee30e5'],
  ])('%s -> %s, then %s', (tag, first, second) => {
    expect(tagSlugCandidate(tag, 0)).toBe(first);
    if (second !== undefined) expect(tagSlugCandidate(tag, 1)).toBe(second);
  });

  it('a long tag is cut at a hyphen to 48 characters', () => {
    expect(tagSlugBase('x y'.repeat(30))).toBe('x-yx-yx-yx-yx-yx-yx-yx-yx-yx-yx-yx-yx-yx-yx-yx');
    expect(tagSlugBase('a'.repeat(100))).toBe('a'.repeat(48));
  });

  it('identity is NFC and lower case: a decomposed é is the same tag', () => {
    expect(tagIdentity('Cafe\u0301')).toBe(tagIdentity('CAFÉ'));
    expect(tagIdentity('Café')).not.toBe(tagIdentity('Cafe'));
  });

  it('a hostile tag spelling another tag\'s collision slug pushes it further down its ladder', () => {
    const owners = new Map([['c', tagIdentity('C++')], ['c-2e7d2c03', 'c 2e7d2c03']]);
    expect(claimTagSlug('C', (s) => owners.get(s))).toBe('c-2e7d2c03a9507ae2');
  });
});

const tagArb = fc.oneof(
  fc.constantFrom('C', 'C++', 'C#', 'c', 'Café', 'cafe', 'CAFÉ', 'Cafe\u0301', '日本', '🦀', '', '-', 'a-b', 'a b', 'A B'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

function claimAll(tags: string[]): Map<string, string> {
  const owners = new Map<string, string>();
  const slugOf = new Map<string, string>();
  for (const tag of tags) {
    const identity = tagIdentity(tag);
    if (slugOf.has(identity)) continue;
    const slug = claimTagSlug(tag, (s) => owners.get(s));
    owners.set(slug, identity);
    slugOf.set(identity, slug);
  }
  return slugOf;
}

describe('tag slug properties', () => {
  it('distinct tags never share a slug, and every slug is a plain URL segment', () => {
    fc.assert(
      fc.property(fc.array(tagArb, { maxLength: 40 }), (tags) => {
        const slugs = [...claimAll(tags).values()];
        expect(new Set(slugs).size).toBe(slugs.length);
        for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }),
    );
  });

  it('a slug once claimed does not change when other tags arrive later', () => {
    fc.assert(
      fc.property(fc.array(tagArb, { maxLength: 20 }), fc.array(tagArb, { maxLength: 20 }), (first, later) => {
        const before = claimAll(first);
        const after = claimAll([...first, ...later]);
        for (const [identity, slug] of before) expect(after.get(identity)).toBe(slug);
      }),
    );
  });

  it('assignTagSlugs: same input, same slugs; spellings of one tag share one', () => {
    const article = (tags: string[]) => ({ tags }) as unknown as Article;
    const out = assignTagSlugs([article(['C++', 'Rust']), article(['C', 'rust'])]);
    expect(out.map((a) => a.tagSlugs)).toEqual([['c', 'rust'], ['c-2e7d2c03', 'rust']]);
    expect(assignTagSlugs([article(['C++', 'Rust']), article(['C', 'rust'])])).toEqual(out);
  });
});

describe('tag changes of a batch', () => {
  it('an article listing one slug twice enters that tag once', () => {
    const twice = { id: 'y', published: '2026-01-02T00:00:00Z', tags: ['Café', 'Cafe\u0301'], tagSlugs: ['cafe', 'cafe'] } as unknown as Article;
    expect(tagChangesOf([{ article: twice }]).get('cafe')?.upserts).toEqual([twice]);
  });

  it('an edit leaves the old tags and enters the new ones', () => {
    const edited = { id: 'x', published: '2026-01-02T00:00:00Z', tags: ['B'], tagSlugs: ['b'] } as unknown as Article;
    const changes = tagChangesOf([{ article: edited, before: { id: 'x', month: '2025-12', tagSlugs: ['a', 'b'] } }]);
    expect([...changes.keys()]).toEqual(['a', 'b']);
    expect(changes.get('a')).toMatchObject({ removed: [{ id: 'x', month: '2025-12' }], upserts: [] });
    expect(changes.get('b')?.upserts).toEqual([edited]);
  });
});

describe('tag caps (hostile input)', () => {
  it(`keeps the first ${MAX_TAGS_PER_ARTICLE} tags, cuts each to ${MAX_TAG_LENGTH} characters, warns once each`, () => {
    const warnings: string[] = [];
    const tags = capTags([...Array.from({ length: 1000 }, (_, i) => `tag ${i}`)], warnings);
    expect(tags).toHaveLength(MAX_TAGS_PER_ARTICLE);
    expect(tags[0]).toBe('tag 0');
    const long = capTags(['🦀'.repeat(10_000)], warnings);
    expect([...(long[0] as string)]).toHaveLength(MAX_TAG_LENGTH);
    expect(warnings).toHaveLength(2);
  });

  it('composed and decomposed spellings of one tag are one', () => {
    expect(capTags(['Café', 'Cafe\u0301', 'CAFÉ'], [])).toEqual(['Café']);
  });

  it('two tags cut to the same text are one', () => {
    expect(capTags([`${'x'.repeat(64)}a`, `${'X'.repeat(64)}b`], [])).toEqual(['x'.repeat(64)]);
  });

  it('a 1 MB tag header stays fast (generous bound)', () => {
    const started = performance.now();
    const warnings: string[] = [];
    capTags(Array.from({ length: 50_000 }, () => 'y'.repeat(20)), warnings);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
