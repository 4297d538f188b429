import { describe, expect, it } from 'vitest';
import { applyMonthChanges, archivesToRender, nextMonthCounts } from '../../../functions/core/site-index/months';
import { planOutputs, hashBody } from '../../../functions/core/site-index/outputs';
import type { Article } from '../../../functions/core/model';

const art = (id: string, published: string, title = id) => ({ id, published, title }) as Article;

describe('applyMonthChanges', () => {
  it('removes, replaces and inserts, newest first', () => {
    const month = [art('b', '2026-03-02'), art('a', '2026-03-01')];
    const next = applyMonthChanges(month, new Set(['a']), [art('b', '2026-03-02', 'B2'), art('c', '2026-03-05')]);
    expect(next.map((a) => `${a.id}:${a.title}`)).toEqual(['c:c', 'b:B2']);
  });
});

describe('nextMonthCounts', () => {
  it('drops emptied months and keeps the list oldest first', () => {
    const prev = [{ month: '2026-01', count: 1 }, { month: '2026-02', count: 4 }];
    const next = nextMonthCounts(prev, new Map([['2026-01', 0], ['2026-03', 2]]));
    expect(next).toEqual([{ month: '2026-02', count: 4 }, { month: '2026-03', count: 2 }]);
  });
});

describe('archivesToRender', () => {
  it.each([
    ['changed month only', ['2026-01', '2026-02'], ['2026-01', '2026-02'], ['2026-01'], ['2026-01']],
    ['new month: its previous neighbour gets a next link', ['2026-01', '2026-02'], ['2026-01', '2026-02', '2026-03'], ['2026-03'], ['2026-02', '2026-03']],
    ['emptied middle month: both neighbours relink', ['2026-01', '2026-02', '2026-03'], ['2026-01', '2026-03'], ['2026-02'], ['2026-01', '2026-03']],
    ['nothing changed', ['2026-01'], ['2026-01'], [], []],
  ])('%s', (_name, before, after, changed, expected) => {
    expect(archivesToRender(before, after, new Set(changed))).toEqual(expected);
  });
});

describe('planOutputs', () => {
  it('writes only files whose bytes differ and lists the ones no longer produced', () => {
    const file = (path: string, body: string) => ({ path, body, contentType: 'text/plain', cacheControl: 'max-age=60' });
    const previous = { 'a.xml': hashBody('same'), 'b.xml': hashBody('old'), 'gone.xml': hashBody('x') };
    const plan = planOutputs([file('a.xml', 'same'), file('b.xml', 'new'), file('c.xml', 'c')], previous);
    expect(plan.write.map((f) => f.path)).toEqual(['b.xml', 'c.xml']);
    expect(plan.stale).toEqual(['gone.xml']);
    expect(plan.hashes['b.xml']).toBe(hashBody('new'));
  });
});
