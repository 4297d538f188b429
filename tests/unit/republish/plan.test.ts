import { describe, expect, it } from 'vitest';
import { planRepublishChunks } from '../../../functions/core/republish/plan';
import { isImageKey } from '../../../functions/core/upload-keys';

const monthOfKey = new Map([
  ['a.txt', '2026-01'],
  ['b.txt', '2026-02'],
  ['c.txt', '2026-01'],
  ['d.txt', '2026-01'],
  ['gone.txt', '2026-02'],
]);

describe('planRepublishChunks', () => {
  it('images first, then articles by month (oldest first) in chunks, each month re-rendered by its last chunk, unplaced keys last', () => {
    const chunks = planRepublishChunks({
      keys: ['d.txt', 'a.txt', 'pic.jpg', 'b.txt', 'c.txt', 'new.md', 'gone.txt', 'a.txt', 'other.PNG'],
      isImageKey,
      monthOfKey,
      months: ['2026-01', '2026-02', '2026-03'],
      chunkSize: 2,
    });
    expect(chunks).toEqual([
      { keys: ['other.PNG', 'pic.jpg'], images: true, rerenderMonths: [] },
      { keys: ['a.txt', 'c.txt'], images: false, rerenderMonths: [] },
      { keys: ['d.txt'], images: false, rerenderMonths: ['2026-01'] },
      { keys: ['b.txt', 'gone.txt'], images: false, rerenderMonths: ['2026-02'] },
      // A month the index lists but no key names still has its archives rendered again.
      { keys: [], images: false, rerenderMonths: ['2026-03'] },
      { keys: ['new.md'], images: false, rerenderMonths: [] },
    ]);
  });

  it('every key exactly once, whatever the order it came in', () => {
    const keys = Array.from({ length: 57 }, (_, i) => `k${i}.${i % 5 === 0 ? 'jpg' : 'txt'}`);
    const months = new Map(keys.filter((k) => k.endsWith('.txt')).map((k, i) => [k, `2025-0${(i % 4) + 1}`]));
    const forward = planRepublishChunks({ keys, isImageKey, monthOfKey: months, months: [], chunkSize: 5 });
    const backward = planRepublishChunks({ keys: [...keys].reverse(), isImageKey, monthOfKey: months, months: [], chunkSize: 5 });
    expect(backward).toEqual(forward);
    expect(forward.flatMap((c) => c.keys).sort()).toEqual([...keys].sort());
    expect(Math.max(...forward.map((c) => c.keys.length))).toBe(5);
  });

  it('an empty site is one chunk with no keys (home, feeds and assets are rendered again)', () => {
    expect(planRepublishChunks({ keys: [], isImageKey, monthOfKey: new Map(), months: [], chunkSize: 10 })).toEqual([{ keys: [], images: false, rerenderMonths: [] }]);
  });
});
