// Tags: which tags are one tag, the URL slug each gets, and which tag collections a batch touches.
// Rule (docs/tags.md): a tag is its NFC, lower-cased spelling ("Rust" and "rust" are one tag, as they
// already are within one article). Its slug is first tried as the transliterated title slug; a slug
// another tag already owns, or an empty or hash-looking one, gets a hash of the tag appended. The
// first claim is pinned in the index and never released, so a slug never moves when other tags arrive.
import { createHash } from 'node:crypto';
import type { Article } from '../model';
import type { DeletionRecord } from './deletions';
import { slugFromTitle } from '../normalize/rules/slug';
import { monthOf } from '../order';
import { PRIVATE_PREFIX } from '../outputs/formats';

/** Longest slug base before the hash suffix, so `tags/<slug>/archive/YYYY-MM/feed.json` stays short. */
export const MAX_TAG_SLUG_BASE = 48;

/** The tag's identity: two spellings with the same identity are the same tag (one URL). */
export function tagIdentity(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

function identityHash(tag: string): string {
  return createHash('sha256').update(tagIdentity(tag), 'utf8').digest('hex');
}

/** Transliterated ASCII slug of the tag, cut at a hyphen to MAX_TAG_SLUG_BASE; '' when nothing is left ("日本", "🦀"). */
export function tagSlugBase(tag: string): string {
  const slug = slugFromTitle(tag.normalize('NFC'));
  if (slug.length <= MAX_TAG_SLUG_BASE) return slug;
  const cut = slug.slice(0, MAX_TAG_SLUG_BASE + 1);
  const hyphen = cut.lastIndexOf('-');
  return hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, MAX_TAG_SLUG_BASE);
}

/**
 * The slug to try on the n-th attempt (0, 1, 2...): the base, then base-<8 hex>, base-<16 hex>,
 * base-<64 hex>, then base-<8 hex>-2, -3... (only a hostile editor could make those needed). An
 * empty base is "tag". Any candidate is free or owned; the claim records decide, so two tags never
 * share one whatever their spellings.
 */
export function tagSlugCandidate(tag: string, attempt: number): string {
  const base = tagSlugBase(tag) || 'tag';
  const hash = identityHash(tag);
  // An empty base never stands alone: "tag" would be one arbitrary tag's.
  const plain = tagSlugBase(tag) === '' ? [] : [base];
  const ladder = [...plain, `${base}-${hash.slice(0, 8)}`, `${base}-${hash.slice(0, 16)}`, `${base}-${hash}`];
  return attempt < ladder.length ? (ladder[attempt] as string) : `${base}-${hash.slice(0, 8)}-${attempt - ladder.length + 2}`;
}

/** The first candidate that is free or already this tag's (`owner`: the identity owning a slug, if any). */
export function claimTagSlug(tag: string, owner: (slug: string) => string | undefined): string {
  const identity = tagIdentity(tag);
  for (let attempt = 0; ; attempt++) {
    const slug = tagSlugCandidate(tag, attempt);
    const current = owner(slug);
    if (current === undefined || current === identity) return slug;
  }
}

/**
 * Slugs for every tag of `articles`, claimed in the order given (a folder build: key order), with
 * the display name of each tag (its first spelling). Returns the articles with `tagSlugs` set.
 */
export function assignTagSlugs(articles: Article[]): Article[] {
  const owners = new Map<string, string>();
  const slugOf = new Map<string, string>();
  return articles.map((article) => {
    const tagSlugs = article.tags.map((tag) => {
      const identity = tagIdentity(tag);
      let slug = slugOf.get(identity);
      if (slug === undefined) {
        slug = claimTagSlug(tag, (s) => owners.get(s));
        owners.set(slug, identity);
        slugOf.set(identity, slug);
      }
      return slug;
    });
    return tagSlugs.length === 0 ? article : { ...article, tagSlugs };
  });
}

// ---- index records -------------------------------------------------------------------------------

/** `_feedpub/tag-slugs/<slug>.json`: who owns a slug. Never deleted: a tag URL means one tag for good. */
export interface TagSlugRecord {
  slug: string;
  identity: string;
  /** The spelling first published: the tag page's heading. */
  name: string;
}

/** `_feedpub/tag-names/<sha256(identity)>.json`: the slug a tag was given (its pin). */
export interface TagNameRecord {
  identity: string;
  slug: string;
  name: string;
}

/** `_feedpub/tags/<slug>/head.json`: the tag's newest articles and months, like the site's head. */
export interface TagHead {
  slug: string;
  name: string;
  /** The newest site.feedSize articles of the tag, newest first. */
  items: Article[];
  months: { month: string; count: number }[];
  /** When the tag's collection last changed: its months completed since are re-rendered (fh:archive). */
  lastPublish: string | null;
  outputs: Record<string, string>;
  /** Deletion records of the tag's deleted articles for its head feeds (headDeletions' window), newest first; absent when none. */
  deleted?: DeletionRecord[];
}

/**
 * `_feedpub/tag-list.json`: every tag that has articles (slug order) and the hash of tags/index.html.
 * Read and written only by a batch in which a tag appears or goes (or a republish), never per upload.
 */
export interface TagList {
  tags: { slug: string; name: string }[];
  outputs: Record<string, string>;
}

export const TAG_LIST_KEY = `${PRIVATE_PREFIX}tag-list.json`;
/** Tag heads are `${TAG_HEADS_PREFIX}<slug>/head.json` (the tag list is rebuilt from them when missing). */
export const TAG_HEADS_PREFIX = `${PRIVATE_PREFIX}tags/`;

/** The slug of a tag head's key, or undefined for any other key under TAG_HEADS_PREFIX. */
export function tagSlugOfHeadKey(key: string): string | undefined {
  if (!key.startsWith(TAG_HEADS_PREFIX) || !key.endsWith('/head.json')) return undefined;
  const slug = key.slice(TAG_HEADS_PREFIX.length, -'/head.json'.length);
  return slug === '' || slug.includes('/') ? undefined : slug;
}

/** The list with each tag of `flips` in it (has articles) or out of it (has none), in slug order. */
export function nextTagList(previous: readonly { slug: string; name: string }[], flips: readonly { slug: string; name: string; live: boolean }[]): { slug: string; name: string }[] {
  const bySlug = new Map(previous.map((t) => [t.slug, t]));
  for (const flip of flips) {
    if (flip.live) bySlug.set(flip.slug, { slug: flip.slug, name: flip.name });
    else bySlug.delete(flip.slug);
  }
  return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export function tagSlugRecordKey(slug: string): string {
  return `${PRIVATE_PREFIX}tag-slugs/${slug}.json`;
}

export function tagNameRecordKey(tag: string): string {
  return `${PRIVATE_PREFIX}tag-names/${identityHash(tag)}.json`;
}

export function tagHeadKey(slug: string): string {
  return `${TAG_HEADS_PREFIX}${slug}/head.json`;
}

export function tagMonthKey(slug: string, month: string): string {
  return `${TAG_HEADS_PREFIX}${slug}/months/${month}.json`;
}

export function emptyTagHead(slug: string, name: string): TagHead {
  return { slug, name, items: [], months: [], lastPublish: null, outputs: {} };
}

// ---- what a batch changes -----------------------------------------------------------------------

/** One tag's share of a batch: articles that leave it (by id, from their old month) and articles in it now. */
export interface TagChange {
  slug: string;
  name: string;
  removed: { id: string; month: string }[];
  upserts: Article[];
}

export interface TaggedChange {
  /** The version now published, if any. */
  article?: Article;
  /** The version published before (its id, month and tag slugs), if any. */
  before?: { id: string; month: string; tagSlugs?: string[] };
}

/**
 * Per tag slug: what leaves and what enters. An edited article leaves every tag it had (from its old
 * month) and enters every tag it has now; applyMonthChanges makes leave + enter a replacement.
 */
export function tagChangesOf(changes: TaggedChange[]): Map<string, TagChange> {
  const bySlug = new Map<string, TagChange>();
  const entry = (slug: string, name: string): TagChange => {
    let change = bySlug.get(slug);
    if (change === undefined) bySlug.set(slug, (change = { slug, name, removed: [], upserts: [] }));
    return change;
  };
  for (const { article, before } of changes) {
    if (before !== undefined) for (const slug of before.tagSlugs ?? []) entry(slug, '').removed.push({ id: before.id, month: before.month });
    if (article !== undefined) {
      // One entry per tag even if two spellings of it slipped through (each slug once).
      [...new Set(article.tagSlugs ?? [])].forEach((slug) => {
        const i = (article.tagSlugs ?? []).indexOf(slug);
        const change = entry(slug, article.tags[i] ?? '');
        if (change.name === '') change.name = article.tags[i] ?? '';
        change.upserts.push(article);
      });
    }
  }
  return new Map([...bySlug].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Months a tag change touches. */
export function tagChangeMonths(change: TagChange): string[] {
  return [...new Set([...change.removed.map((r) => r.month), ...change.upserts.map((a) => monthOf(a))])].sort();
}
