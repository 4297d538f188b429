// Who shows each published image copy (images/<hash>.<ext>), so a copy nobody shows any more is taken
// down: deleted from the site bucket and invalidated on the CDN (docs/takedown.md). A copy's references
// are the image uploads whose current version it is ("image:<key>") and the published articles that
// show it ("article:<key>"). Kept as sets, not counts: a batch redone after a crash applies the same
// changes again and gets the same sets.
import { CDN_CACHE_CLASSES, PRIVATE_PREFIX } from '../outputs/formats';

export const COPY_PREFIX = `${PRIVATE_PREFIX}copies/`;

/** `_feedpub/copies/<copy path>.json`. A copy with an empty set has been taken down (kept until the commit). */
export interface CopyRecord {
  path: string;
  refs: string[];
}

/** A copy taken down at the origin whose CDN invalidation has not been accepted yet. */
export interface TakedownEntry {
  path: string;
  /** RFC 3339: the publish that took it down. */
  since: string;
}

export function copyRecordKey(copyPath: string): string {
  return `${COPY_PREFIX}${copyPath}.json`;
}

export const imageRef = (uploadKey: string): string => `image:${uploadKey}`;
export const articleRef = (uploadKey: string): string => `article:${uploadKey}`;

/** One uploader's copies before and after a batch (an image upload's current copy, an article's attached copies). */
export interface RefChange {
  ref: string;
  before: readonly string[];
  after: readonly string[];
}

export interface CopyDelta {
  add: Set<string>;
  remove: Set<string>;
}

/** Per copy path: the references a batch adds and removes. Adds win over removes of the same reference. */
export function copyDeltas(changes: readonly RefChange[]): Map<string, CopyDelta> {
  const deltas = new Map<string, CopyDelta>();
  const deltaOf = (path: string): CopyDelta => {
    let delta = deltas.get(path);
    if (delta === undefined) deltas.set(path, (delta = { add: new Set(), remove: new Set() }));
    return delta;
  };
  for (const { ref, before, after } of changes) {
    const kept = new Set(after);
    for (const path of before) if (!kept.has(path)) deltaOf(path).remove.add(ref);
    for (const path of after) deltaOf(path).add.add(ref);
  }
  for (const delta of deltas.values()) for (const ref of delta.add) delta.remove.delete(ref);
  return deltas;
}

export function applyCopyDelta(refs: readonly string[], delta: CopyDelta): string[] {
  const next = new Set(refs.filter((r) => !delta.remove.has(r)));
  for (const ref of delta.add) next.add(ref);
  return [...next].sort();
}

/** Pending takedowns after a batch: the earlier ones plus those it took down, minus copies shown again. */
export function nextPendingTakedowns(previous: readonly TakedownEntry[], takenDown: readonly string[], revived: ReadonlySet<string>, now: string): TakedownEntry[] {
  const byPath = new Map(previous.map((e) => [e.path, e]));
  for (const path of takenDown) if (!byPath.has(path)) byPath.set(path, { path, since: now });
  return [...byPath.values()].filter((e) => !revived.has(e.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * One invalidation request's paths: each copy's path while there are at most MAX_EXACT_PATHS, else the
 * one wildcard `/images/*` (billed as one path; every cached image is then fetched again from the
 * bucket on its next request, which costs S3 GETs, not invalidation fees).
 */
export const MAX_EXACT_PATHS = 100;
/** The images cache class's own pattern (`images/*`), from the output table. */
const IMAGES_WILDCARD = `/${CDN_CACHE_CLASSES.find((c) => c.name === 'images')?.pathPatterns[0] ?? 'images/*'}`;
export function takedownInvalidationPaths(paths: readonly string[]): string[] {
  if (paths.length > MAX_EXACT_PATHS) return [IMAGES_WILDCARD];
  return [...new Set(paths)].sort().map((p) => `/${p}`);
}
