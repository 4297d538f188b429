// How a republish cuts the site into chunks for the single writer: images first (articles then see
// every copy), then articles grouped by archive month, so each chunk reads and renders about one
// month manifest; a month's archives are rendered again once, with its last chunk. Keys the index
// does not place (new, quarantined, held) come last. Pure: same input, same chunks.

export interface ChunkPlan {
  keys: string[];
  images: boolean;
  rerenderMonths: string[];
}

export interface ChunkPlanInput {
  /** Every key to republish: the uploads listing and every key the index remembers. */
  keys: Iterable<string>;
  isImageKey: (key: string) => boolean;
  /** The archive month the index files each article key under. */
  monthOfKey: ReadonlyMap<string, string>;
  /** Months the index has (rendered again even if no key of theirs is in `keys`). */
  months: readonly string[];
  chunkSize: number;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function cut(keys: string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < keys.length; i += size) out.push(keys.slice(i, i + size));
  return out;
}

export function planRepublishChunks(input: ChunkPlanInput): ChunkPlan[] {
  const size = Math.max(1, Math.floor(input.chunkSize));
  const unique = [...new Set(input.keys)].sort(byString);
  const images = unique.filter((k) => input.isImageKey(k));
  const byMonth = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const key of unique) {
    if (input.isImageKey(key)) continue;
    const month = input.monthOfKey.get(key);
    if (month === undefined) unplaced.push(key);
    else {
      const list = byMonth.get(month);
      if (list === undefined) byMonth.set(month, [key]);
      else list.push(key);
    }
  }
  const chunks: ChunkPlan[] = cut(images, size).map((keys) => ({ keys, images: true, rerenderMonths: [] }));
  for (const month of [...new Set([...byMonth.keys(), ...input.months])].sort(byString)) {
    const parts = cut(byMonth.get(month) ?? [], size);
    if (parts.length === 0) parts.push([]);
    parts.forEach((keys, i) => chunks.push({ keys, images: false, rerenderMonths: i === parts.length - 1 ? [month] : [] }));
  }
  for (const keys of cut(unplaced, size)) chunks.push({ keys, images: false, rerenderMonths: [] });
  // An empty site still gets its head outputs (home, feeds, assets) rendered again.
  if (chunks.length === 0) chunks.push({ keys: [], images: false, rerenderMonths: [] });
  return chunks;
}
