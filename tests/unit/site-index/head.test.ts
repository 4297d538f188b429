import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsForRefill, nextHeadItems, refillHead } from '../../../functions/core/site-index/head';
import type { Article } from '../../../functions/core/model';
import { monthOf, newestFirst } from '../../../functions/core/order';

const art = (id: string, published: string) => ({ id, published }) as Article;

describe('nextHeadItems', () => {
  const head = [art('c', '2026-03-03'), art('b', '2026-03-02'), art('a', '2026-03-01')];

  it('lets a newer upload in and pushes the oldest out', () => {
    const r = nextHeadItems(head, 3, new Set(['d']), [art('d', '2026-03-04')], 5);
    expect(r.items.map((a) => a.id)).toEqual(['d', 'c', 'b']);
    expect(r.needsRefill).toBe(false);
  });

  it('keeps an old edit out of a full head (it ranked below the cutoff)', () => {
    const r = nextHeadItems(head, 3, new Set(['z', 'c']), [art('z', '2025-01-01')], 10);
    expect(r.items.map((a) => a.id)).toEqual(['b', 'a']);
    expect(r.needsRefill).toBe(true);
  });

  it('asks for a refill only when older articles exist', () => {
    expect(nextHeadItems(head, 3, new Set(['c']), [], 2).needsRefill).toBe(false);
    expect(nextHeadItems(head, 3, new Set(['c']), [], 3).needsRefill).toBe(true);
  });

  it('equals the top-N of the whole archive after any batch (property)', () => {
    const day = fc.integer({ min: 1, max: 90 }).map((d) => new Date(Date.UTC(2026, 0, d)).toISOString());
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), published: day }), { selector: (a) => a.id, maxLength: 40 }),
        fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), published: day, remove: fc.boolean() }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 8 }),
        (initial, changes, feedSize) => {
          const all = new Map(initial.map((a) => [a.id, art(a.id, a.published)]));
          const before = [...all.values()].sort(newestFirst).slice(0, feedSize);
          const touched = new Set<string>();
          const upserts = new Map<string, Article>();
          for (const c of changes) {
            touched.add(c.id);
            if (c.remove) {
              all.delete(c.id);
              upserts.delete(c.id);
            } else {
              // An edit keeps `published`, as the pipeline guarantees.
              const kept = all.get(c.id)?.published ?? c.published;
              all.set(c.id, art(c.id, kept));
              upserts.set(c.id, art(c.id, kept));
            }
          }
          let { items, needsRefill } = nextHeadItems(before, feedSize, touched, [...upserts.values()], all.size);
          if (needsRefill) {
            const byMonth = new Map<string, Article[]>();
            for (const a of all.values()) byMonth.set(monthOf(a), [...(byMonth.get(monthOf(a)) ?? []), a]);
            const counts = [...byMonth].map(([month, list]) => ({ month, count: list.length }));
            items = refillHead(monthsForRefill(counts, feedSize).map((m) => byMonth.get(m) ?? []), feedSize);
          }
          expect(items.map((a) => a.id)).toEqual([...all.values()].sort(newestFirst).slice(0, feedSize).map((a) => a.id));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('monthsForRefill', () => {
  it('reads the newest months until they hold feedSize articles', () => {
    const months = [
      { month: '2026-01', count: 40 },
      { month: '2026-02', count: 30 },
      { month: '2026-03', count: 10 },
    ];
    expect(monthsForRefill(months, 35)).toEqual(['2026-03', '2026-02']);
    expect(monthsForRefill(months, 10)).toEqual(['2026-03']);
    expect(monthsForRefill(months, 500)).toEqual(['2026-03', '2026-02', '2026-01']);
  });
});
