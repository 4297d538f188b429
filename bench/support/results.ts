// What every benchmark reports the same way: min/median/mean, the load average, the archive sizes a
// run covers, and its own section of bench/RESULTS.md.
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The median: the middle value, or the mean of the two middle values of an even count. */
export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** "1.23 0.98 0.75": the 1, 5 and 15 minute load averages. */
export const loadAverage = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

/** The archive sizes to run: BENCH_SIZES=100,1000 overrides the benchmark's own (a quick check that it still runs). */
export function benchSizes(defaults: readonly number[]): number[] {
  const given = process.env.BENCH_SIZES?.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  return given && given.length > 0 ? given : [...defaults];
}

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'RESULTS.md');

/**
 * Replaces the section that starts with `section`'s first line (its "## " heading) in bench/RESULTS.md,
 * or appends it. BENCH_WRITE_RESULTS=0 (and any BENCH_SIZES run) leaves the file alone: quick runs must
 * not overwrite the recorded figures.
 */
export async function writeResultsSection(section: string): Promise<void> {
  if (process.env.BENCH_WRITE_RESULTS === '0' || process.env.BENCH_SIZES) return;
  const existing = await readFile(RESULTS, 'utf8').catch(() => '# Benchmark results\n\n');
  const heading = section.split('\n')[0] as string;
  const start = existing.indexOf(heading);
  const next = start < 0 ? -1 : existing.indexOf('\n## ', start + heading.length);
  const updated = start < 0 ? `${existing.trimEnd()}\n\n${section}` : `${existing.slice(0, start)}${section}${next < 0 ? '' : existing.slice(next + 1)}`;
  await writeFile(RESULTS, `${updated.trimEnd()}\n`);
}
