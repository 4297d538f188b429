// Editor notes in their private per-key records (what happened to each upload) and "duplicate of <key>", through
// both real stages and the real core over memory stores: warnings and repairs as ingested, outcomes,
// the body claim's life (same batch, later batch, owner edited or deleted, claim left by a crash).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEAD_KEY, NOTES_PREFIX, noteRecordKey } from '../../../functions/core/site-index/paths';
import { NOTE_ITEMS_LIMIT, alreadyNoted, articleNote, recentNotes, type EditorNote } from '../../../functions/core/site-index/notes';
import { readNote, readRecentNotes } from '../../../functions/pipeline/editor-notes';
import type { HeadManifest } from '../../../functions/core/site-index/types';
import { DEFAULT_SITE } from '../../../functions/core/model';
import { defaultCore } from '../../../functions/pipeline/default-core';
import { CountingObjectStore } from '../../../functions/store/counting';
import { MemoryObjectStore } from '../../../functions/store/memory';
import { ingestAndPublish } from '../../support/stages';

const NOW = new Date('2026-03-01T10:00:00Z');
const SEED = readFileSync(join(import.meta.dirname, '../../../content/000_47caeb000f8095de.txt'));

function stores() {
  const uploads = new MemoryObjectStore(() => NOW);
  const site = new MemoryObjectStore(() => NOW);
  const publish = (keys: string[]) => ingestAndPublish({ uploads, siteStore: site, config: DEFAULT_SITE, core: defaultCore, now: () => NOW }, keys);
  const head = async () => JSON.parse(Buffer.from((await site.get(HEAD_KEY))?.bytes ?? []).toString('utf8')) as HeadManifest;
  const note = async (key: string) => {
    const found = await site.get(noteRecordKey(key));
    return found ? (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as EditorNote) : undefined;
  };
  return { uploads, site, publish, head, note };
}

const story = (title: string, body: string) => `${title}\nDate: 2026-02-20T09:00:00Z\n\n${body}\n`;

describe('editor notes', () => {
  it('an article with repairs and a warning: each is in its note, with the outcome and version', async () => {
    const { uploads, publish, note } = stores();
    await uploads.put('desk/seed.txt', SEED);
    await uploads.put('desk/old.txt', 'Archive piece\nDate: 1924-05-01T00:00:00Z\n\nFrom the archive.\n');
    await publish(['desk/seed.txt', 'desk/old.txt']);
    const seed = await note('desk/seed.txt');
    expect(seed?.outcome).toBe('published');
    expect(seed?.etag).toBe((await uploads.head('desk/seed.txt'))?.etag);
    expect(seed?.time).toBe(NOW.toISOString());
    // Checked by hand against content/: the two link-removal fusions the seed is known for.
    expect(seed?.repairs.map((r) => r.after)).toEqual(expect.arrayContaining(['Netanyahu reportedly', 'Ghattas described']));
    expect((await note('desk/old.txt'))?.warnings).toContain('the date 1924-05-01 is before 1990: is the year right?');
  });

  it('quarantined and scheduled uploads are noted with reason and time; a delete drops the note', async () => {
    const { uploads, publish, note } = stores();
    await uploads.put('desk/empty.txt', '   ');
    await uploads.put('desk/later.txt', 'Later\nDate: 2026-03-05T09:00:00Z\n\nHeld.\n');
    await publish(['desk/empty.txt', 'desk/later.txt']);
    expect(await note('desk/empty.txt')).toMatchObject({ outcome: 'quarantined', reason: 'only whitespace (3 bytes)' });
    expect(await note('desk/later.txt')).toMatchObject({ outcome: 'scheduled', at: '2026-03-05T09:00:00Z', title: 'Later' });
    await uploads.delete('desk/later.txt');
    await uploads.put('desk/ok.txt', story('Fine', 'Fine body.'));
    await publish(['desk/later.txt', 'desk/ok.txt']);
    expect(await note('desk/later.txt')).toBeUndefined();
    expect((await note('desk/ok.txt'))?.outcome).toBe('published');
  });

  it('an edit is noted as updated; identical bytes again leave the note as it was', async () => {
    const { uploads, publish, note } = stores();
    await uploads.put('desk/a.txt', story('A', 'First words.'));
    await publish(['desk/a.txt']);
    await uploads.put('desk/a.txt', story('A', 'Second words.'));
    await publish(['desk/a.txt']);
    const updated = await note('desk/a.txt');
    expect(updated?.outcome).toBe('updated');
    await uploads.put('desk/a.txt', story('A', 'Second words.'));
    await publish(['desk/a.txt']);
    expect(await note('desk/a.txt')).toEqual(updated);
  });
});

describe('duplicate of <key>', () => {
  const body = 'The council approved the new harbour plan on Tuesday after a long debate.';

  it('same body under a second key in the same batch: published, the later key (key order) notes the first', async () => {
    const { uploads, publish, note, head } = stores();
    await uploads.put('desk/copy-b.txt', story('Harbour plan approved', body));
    await uploads.put('desk/copy-a.txt', story('Council backs harbour', body));
    const result = await publish(['desk/copy-b.txt', 'desk/copy-a.txt']);
    expect(result.results.map((r) => [r.key, r.outcome])).toEqual([
      ['desk/copy-a.txt', 'published'],
      ['desk/copy-b.txt', 'published'],
    ]);
    expect((await note('desk/copy-a.txt'))?.duplicateOf).toBeUndefined();
    const b = await note('desk/copy-b.txt');
    expect(b?.duplicateOf).toBe('desk/copy-a.txt');
    expect(b?.warnings).toContain('duplicate of desk/copy-a.txt: the same body is already published under that key');
    expect((await head()).items).toHaveLength(2);
  });

  it('in a later batch too; a different body is no duplicate; after the owner is deleted or edited the body is free', async () => {
    const { uploads, publish, note } = stores();
    await uploads.put('desk/first.txt', story('First', body));
    await publish(['desk/first.txt']);
    await uploads.put('desk/second.txt', story('Second', body));
    await uploads.put('desk/other.txt', story('Other', `${body} And more.`));
    await publish(['desk/second.txt', 'desk/other.txt']);
    expect((await note('desk/second.txt'))?.duplicateOf).toBe('desk/first.txt');
    expect((await note('desk/other.txt'))?.duplicateOf).toBeUndefined();

    await uploads.delete('desk/first.txt');
    await publish(['desk/first.txt']);
    await uploads.put('desk/third.txt', story('Third', body));
    await publish(['desk/third.txt']);
    // second.txt was published while first.txt owned the body; with first.txt gone it is third's original.
    expect((await note('desk/third.txt'))?.duplicateOf).toBeUndefined();

    await uploads.put('desk/third.txt', story('Third', 'Rewritten entirely.'));
    await publish(['desk/third.txt']);
    await uploads.put('desk/fourth.txt', story('Fourth', body));
    await publish(['desk/fourth.txt']);
    expect((await note('desk/fourth.txt'))?.duplicateOf).toBeUndefined();
  });

  it('a claim whose owner no longer has that body (left by a crash) passes to the next key', async () => {
    const { uploads, site, publish, note } = stores();
    await uploads.put('desk/owner.txt', story('Owner', body));
    await publish(['desk/owner.txt']);
    const claimKey = [...site.objects.keys()].find((k) => k.startsWith('_feedpub/bodies/')) as string;
    expect(claimKey).toBeDefined();
    await uploads.put('desk/owner.txt', story('Owner', 'Now different.'));
    await publish(['desk/owner.txt']);
    // The old body's claim put back, naming a key whose record now has another body (as if the release never ran).
    expect(await site.get(claimKey)).toBeUndefined();
    await site.put(claimKey, JSON.stringify({ bodyHash: claimKey.slice('_feedpub/bodies/'.length, -5), key: 'desk/owner.txt' }));
    await uploads.put('desk/next.txt', story('Next', body));
    await publish(['desk/next.txt']);
    expect((await note('desk/next.txt'))?.duplicateOf).toBeUndefined();
  });
});

describe('notes in their own records', () => {
  const n = (key: string, etag = 'e', time = '2026-03-01T10:00:00Z'): EditorNote => ({ key, etag, outcome: 'published', time, warnings: [], repairs: [] });
  const LATER = '2026-03-01T11:00:00Z';

  it('the head carries no notes; each noted key has its record; status lists them newest first', async () => {
    const { uploads, site, publish, head } = stores();
    await uploads.put('desk/seed.txt', SEED);
    await uploads.put('desk/b.txt', story('B', 'Bee words.'));
    await uploads.put('desk/empty.txt', ' ');
    await publish(['desk/seed.txt', 'desk/b.txt', 'desk/empty.txt']);
    expect((await head()).notes).toBeUndefined();
    expect((await site.list(NOTES_PREFIX)).length).toBe(3);
    const recent = await readRecentNotes(site);
    expect(recent.map((r) => [r.key, r.outcome])).toEqual([
      ['desk/b.txt', 'published'],
      ['desk/empty.txt', 'quarantined'],
      ['desk/seed.txt', 'published'],
    ]);
  });

  it('status reads only the note records written last (one listing), not every record', async () => {
    let clock = new Date('2026-03-01T10:00:00Z');
    const inner = new MemoryObjectStore(() => clock);
    const site = new CountingObjectStore(inner);
    for (const [n, key] of ['desk/a.txt', 'desk/b.txt', 'desk/c.txt', 'desk/d.txt', 'desk/e.txt'].entries()) {
      clock = new Date(Date.parse('2026-03-01T10:00:00Z') + n * 60_000);
      const note: EditorNote = { key, etag: `"${n}"`, time: clock.toISOString(), outcome: 'published', warnings: [], repairs: [] } as EditorNote;
      await inner.put(noteRecordKey(key), JSON.stringify(note));
    }
    const recent = await readRecentNotes(site, undefined, 2);
    expect(recent.map((r) => r.key)).toEqual(['desk/e.txt', 'desk/d.txt']);
    expect(site.counts.get).toBe(2);
  });

  it('a batch writes only its own notes: the others are not rewritten', async () => {
    const { uploads, site, publish } = stores();
    await uploads.put('desk/a.txt', story('A', 'Aye words.'));
    await uploads.put('desk/b.txt', story('B', 'Bee words.'));
    await publish(['desk/a.txt', 'desk/b.txt']);
    const puts: string[] = [];
    const put = site.put.bind(site);
    site.put = async (key, body, options) => {
      puts.push(key);
      return put(key, body, options);
    };
    await uploads.put('desk/c.txt', story('C', 'Sea words.'));
    await publish(['desk/c.txt']);
    expect(puts.filter((k) => k.startsWith(NOTES_PREFIX))).toEqual([noteRecordKey('desk/c.txt')]);
  });

  it('a head from before (notes inside) moves them to records on the next batch, and readers take them meanwhile', async () => {
    const { uploads, site, publish, head, note } = stores();
    await uploads.put('desk/a.txt', story('A', 'Aye words.'));
    await publish(['desk/a.txt']);
    const legacy = [n('old/one.txt', 'x1'), n('old/two.txt', 'x2')];
    await site.delete(noteRecordKey('desk/a.txt'));
    await site.put(HEAD_KEY, JSON.stringify({ ...(await head()), notes: legacy }));
    expect((await readNote(site, 'old/one.txt', await head()))?.etag).toBe('x1');
    expect((await readRecentNotes(site, await head())).map((r) => r.key)).toEqual(['old/one.txt', 'old/two.txt']);
    await uploads.put('desk/b.txt', story('B', 'Bee words.'));
    await publish(['desk/b.txt']);
    expect((await head()).notes).toBeUndefined();
    expect(await note('old/one.txt')).toEqual(legacy[0]);
    expect(await note('old/two.txt')).toEqual(legacy[1]);
    expect((await note('desk/b.txt'))?.outcome).toBe('published');
  });

  it('alreadyNoted: the same version keeps its note; a new version, hold time or outcome class does not', () => {
    const earlier = n('k', 'e1');
    expect(alreadyNoted(earlier, { ...n('k', 'e1', LATER), outcome: 'updated' })).toBe(true);
    expect(alreadyNoted(earlier, n('k', 'e2', LATER))).toBe(false);
    expect(alreadyNoted(earlier, { ...n('k', 'e1'), outcome: 'quarantined' })).toBe(false);
    expect(alreadyNoted({ ...earlier, outcome: 'scheduled', at: 'a' }, { ...earlier, outcome: 'scheduled', at: 'b' })).toBe(false);
    expect(alreadyNoted(undefined, earlier)).toBe(false);
  });

  it('recentNotes: one per key (the newest), newest publish first, ties by key, at most the limit', () => {
    const notes = [n('b'), n('a'), n('c', 'e', LATER), n('a', 'e2', LATER)];
    expect(recentNotes(notes).map((x) => [x.key, x.etag])).toEqual([
      ['a', 'e2'],
      ['c', 'e'],
      ['b', 'e'],
    ]);
    expect(recentNotes(notes, 2)).toHaveLength(2);
  });

  it('caps warnings and repairs per note and counts the rest', () => {
    const many = Array.from({ length: NOTE_ITEMS_LIMIT + 5 }, (_, i) => `w${i}`);
    const repairs = Array.from({ length: NOTE_ITEMS_LIMIT + 2 }, (_, i) => ({ rule: 'fused-words', before: `a${i}b`, after: `a${i} b`, reason: 'x' }));
    const note = articleNote({ key: 'k', outcome: 'published', time: 't' }, { title: 'T', warnings: many, repairs });
    expect(note.warnings).toHaveLength(NOTE_ITEMS_LIMIT);
    expect(note.repairs).toHaveLength(NOTE_ITEMS_LIMIT);
    expect(note.omitted).toEqual({ warnings: 5, repairs: 2 });
  });
});
