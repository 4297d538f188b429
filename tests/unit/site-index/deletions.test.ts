import { describe, expect, it } from 'vitest';
import { byRemoval, headDeletions, HEAD_DELETION_DAYS, HEAD_DELETION_MAX, nextDeletions, type DeletionRecord } from '../../../functions/core/site-index/deletions';

const rec = (id: string, when: string, month = '2026-02'): DeletionRecord => ({ id, when, month, url: `https://n.example/articles/${id}/` });

describe('nextDeletions', () => {
  it('adds the removed, keeps the first `when` of an id already recorded (a redo), drops republished ids', () => {
    const previous = [rec('a', '2026-03-01T00:00:00Z')];
    const next = nextDeletions(previous, [rec('a', '2026-03-05T00:00:00Z'), rec('b', '2026-03-05T00:00:00Z')], new Set());
    expect(next).toEqual([rec('b', '2026-03-05T00:00:00Z'), rec('a', '2026-03-01T00:00:00Z')]);
    expect(nextDeletions(next, [], new Set(['a']))).toEqual([rec('b', '2026-03-05T00:00:00Z')]);
  });

  it('orders newest removal first, then by id, whatever the input order', () => {
    const records = [rec('c', '2026-03-01T00:00:00Z'), rec('b', '2026-03-02T00:00:00Z'), rec('a', '2026-03-02T00:00:00Z')];
    expect(nextDeletions([], records, new Set()).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(nextDeletions([], [...records].reverse(), new Set())).toEqual(nextDeletions([], records, new Set()));
    expect([...records].sort(byRemoval).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('headDeletions', () => {
  const now = '2026-04-10T12:00:00Z';
  it(`keeps records younger than ${HEAD_DELETION_DAYS} days at the injected clock`, () => {
    const day = 86_400_000;
    const at = (daysAgo: number) => new Date(Date.parse(now) - daysAgo * day).toISOString();
    const kept = headDeletions([rec('old', at(HEAD_DELETION_DAYS + 0.01)), rec('edge', at(HEAD_DELETION_DAYS)), rec('new', at(1))], now);
    expect(kept.map((r) => r.id)).toEqual(['new', 'edge']);
  });

  it(`carries at most ${HEAD_DELETION_MAX}, the newest`, () => {
    const many = Array.from({ length: HEAD_DELETION_MAX + 5 }, (_, i) => rec(`id${String(i).padStart(3, '0')}`, new Date(Date.parse(now) - i * 60_000).toISOString()));
    const kept = headDeletions(many, now);
    expect(kept).toHaveLength(HEAD_DELETION_MAX);
    expect(kept[0]?.id).toBe('id000');
    expect(kept.at(-1)?.id).toBe(`id${String(HEAD_DELETION_MAX - 1).padStart(3, '0')}`);
  });
});
