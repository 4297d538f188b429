// The one-off sweep that gives old image copies their reference records (docs/takedown.md): a copy
// published before reference records existed has none, so it was never taken down, and copies of
// replaced pictures piled up. Run by the single writer in a republish's last chunk. Cost when every
// copy has its record: two LISTs (images/ and the copy records); only when some copy has none, one
// pass over the article and image records (a GET each) finds who shows it.
import { mapLimit } from '../core/concurrency';
import { articleRef, COPY_PREFIX, copyRecordKey, imageRef, type CopyRecord, type RefChange } from '../core/site-index/copies';
import { PRIVATE_PREFIX } from '../core/outputs/formats';
import type { ArticleRecord, ImageRecord } from '../core/site-index/types';
import { OUTPUTS } from '../core/outputs/formats';

/** `images/`: the folder of every published copy (the output table's image path). */
const COPIES_FOLDER = OUTPUTS.image.path.slice(0, OUTPUTS.image.path.indexOf('/') + 1);
const ARTICLE_RECORDS = `${PRIVATE_PREFIX}articles/`;
const IMAGE_RECORDS = `${PRIVATE_PREFIX}images/`;

export interface SweepIo {
  list(prefix: string): Promise<string[]>;
  readJson<T>(key: string): Promise<T | undefined>;
  limit: number;
}

export interface CopySweep {
  /** References found for copies without a record: the takedown phase writes their records. */
  changes: RefChange[];
  /** Copies nobody shows: taken down (their mark written first, as any takedown's). */
  orphans: string[];
}

/**
 * `batch`: this batch's own reference changes (their copies are the takedown phase's already, and
 * their article and image records are about to change, so they are not read).
 */
export async function sweepUnrecordedCopies(io: SweepIo, batch: readonly RefChange[]): Promise<CopySweep> {
  const inBatch = new Set(batch.flatMap((c) => [...c.before, ...c.after]));
  const batchRefs = new Set(batch.map((c) => c.ref));
  const [objects, recordKeys] = await Promise.all([io.list(COPIES_FOLDER), io.list(`${COPY_PREFIX}${COPIES_FOLDER}`)]);
  const recorded = new Set(recordKeys.filter((k) => k.endsWith('.json')).map((k) => k.slice(COPY_PREFIX.length, -'.json'.length)));
  const present = new Set(objects);
  const unrecorded = new Set(objects.filter((path) => !recorded.has(path) && !inBatch.has(path)));
  // A mark (refs []) whose copy is gone: a takedown cut short before its commit; taken down again (its invalidation).
  const marks = await mapLimit([...recorded].filter((p) => !present.has(p) && !inBatch.has(p)), io.limit, async (p) => ((await io.readJson<CopyRecord>(copyRecordKey(p)))?.refs.length === 0 ? p : undefined));
  const orphans = marks.filter((p): p is string => p !== undefined);
  if (unrecorded.size === 0) return { changes: [], orphans };

  const refsOf = new Map<string, Set<string>>([...unrecorded].map((p) => [p, new Set<string>()]));
  const shown = (path: string, ref: string) => {
    if (!batchRefs.has(ref)) refsOf.get(path)?.add(ref);
  };
  const [articleKeys, imageKeys] = await Promise.all([io.list(ARTICLE_RECORDS), io.list(IMAGE_RECORDS)]);
  await mapLimit(articleKeys, io.limit, async (key) => {
    const record = await io.readJson<ArticleRecord>(key);
    for (const path of record?.assetPaths ?? []) shown(path, articleRef(record!.key));
  });
  await mapLimit(imageKeys, io.limit, async (key) => {
    const record = await io.readJson<ImageRecord>(key);
    if (record?.asset !== undefined) shown(record.asset.path, imageRef(record.key));
  });
  const changes: RefChange[] = [];
  for (const [path, refs] of [...refsOf].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (refs.size === 0) orphans.push(path);
    for (const ref of [...refs].sort()) changes.push({ ref, before: [], after: [path] });
  }
  return { changes, orphans: orphans.sort() };
}
