import { describe, expect, it } from 'vitest';
import {
  applyCopyDelta,
  articleRef,
  copyDeltas,
  imageRef,
  MAX_EXACT_PATHS,
  nextPendingTakedowns,
  takedownInvalidationPaths,
} from '../../../functions/core/site-index/copies';

const X = 'images/aaaaaaaaaaaaaaaa.jpg';
const Y = 'images/bbbbbbbbbbbbbbbb.jpg';

describe('copyDeltas', () => {
  it('a replaced image moves its reference from the old copy to the new one', () => {
    const deltas = copyDeltas([{ ref: imageRef('p.jpg'), before: [X], after: [Y] }]);
    expect([...(deltas.get(X)?.remove ?? [])]).toEqual(['image:p.jpg']);
    expect([...(deltas.get(Y)?.add ?? [])]).toEqual(['image:p.jpg']);
  });

  it('an unchanged reference is added again (idempotent), never removed', () => {
    const deltas = copyDeltas([{ ref: articleRef('a.md'), before: [X], after: [X] }]);
    expect(deltas.get(X)).toEqual({ add: new Set(['article:a.md']), remove: new Set() });
  });

  it('one batch: an image leaving a copy and another image arriving at it leave it referenced', () => {
    const deltas = copyDeltas([
      { ref: imageRef('a.jpg'), before: [X], after: [Y] },
      { ref: imageRef('b.jpg'), before: [], after: [X] },
    ]);
    expect(applyCopyDelta([imageRef('a.jpg')], deltas.get(X)!)).toEqual(['image:b.jpg']);
  });
});

describe('applyCopyDelta', () => {
  it('sorted set semantics: applying twice gives the same set', () => {
    const delta = { add: new Set(['article:b.md']), remove: new Set(['image:p.jpg']) };
    const once = applyCopyDelta(['image:p.jpg', 'article:a.md'], delta);
    expect(once).toEqual(['article:a.md', 'article:b.md']);
    expect(applyCopyDelta(once, delta)).toEqual(once);
  });
});

describe('nextPendingTakedowns', () => {
  it('keeps earlier entries with their time, adds new ones at now, drops revived paths', () => {
    const previous = [{ path: Y, since: '2026-03-01T00:00:00Z' }];
    expect(nextPendingTakedowns(previous, [X, Y], new Set(), '2026-03-02T00:00:00Z')).toEqual([
      { path: X, since: '2026-03-02T00:00:00Z' },
      { path: Y, since: '2026-03-01T00:00:00Z' },
    ]);
    expect(nextPendingTakedowns(previous, [X], new Set([Y]), '2026-03-02T00:00:00Z')).toEqual([{ path: X, since: '2026-03-02T00:00:00Z' }]);
  });
});

describe('takedownInvalidationPaths', () => {
  it(`exact paths up to ${MAX_EXACT_PATHS}, then the one wildcard /images/*`, () => {
    expect(takedownInvalidationPaths([Y, X, X])).toEqual([`/${X}`, `/${Y}`]);
    const many = Array.from({ length: MAX_EXACT_PATHS }, (_, i) => `images/${String(i).padStart(16, '0')}.png`);
    expect(takedownInvalidationPaths(many)).toHaveLength(MAX_EXACT_PATHS);
    expect(takedownInvalidationPaths([...many, X])).toEqual(['/images/*']);
  });
});
