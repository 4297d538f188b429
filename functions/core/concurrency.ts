// Bounded parallelism for I/O fan-out (S3 requests, file writes): pure scheduling, no I/O of its own.

/** Runs `fn` on every item with at most `limit` calls in flight, pulling items lazily (a generator is not drained ahead). */
export async function forEachLimit<T>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await fn(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}

/** `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachLimit(items.keys(), Math.min(limit, items.length), async (index) => {
    results[index] = await fn(items[index] as T);
  });
  return results;
}
