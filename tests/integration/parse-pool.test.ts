// The local ingest stage's worker pool: a throw and an overrun are verdicts on the file; a parse cut
// short by close() is not (its message is retried at the next start, the file is not quarantined).
import { afterEach, describe, expect, it } from 'vitest';
import { createParsePool, type ParsePool } from '../../functions/local/parse-pool';
import { DEFAULT_SITE } from '../../functions/core/model';
import { SPIN_MARKER } from '../support/spin-ingest';

const SPIN_MODULE = new URL('../support/spin-ingest.ts', import.meta.url).href;
const input = (key: string, text: string) => ({ key, bytes: Buffer.from(text), fallbackDate: '2026-02-01T00:00:00.000Z' });
let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('parse pool', () => {
  it('parses on a worker, rejects a stack overflow and an overrun, and keeps serving after replacing the stuck worker', { timeout: 60_000 }, async () => {
    pool = createParsePool({ size: 1, deadlineMs: 3000, module: SPIN_MODULE });
    const fine = await pool.parse(input('fine.txt', 'A fine story\n\nIts paragraph.\n'), DEFAULT_SITE);
    expect(fine.ok && fine.value.title).toBe('A fine story');
    const deep = await pool.parse(input('deep.md', `---\ntitle: Deep\n---\n\n${'>'.repeat(3000)} x\n`), DEFAULT_SITE);
    // The worker has a main thread's stack: the file that overflows in Lambda overflows here (unless a cap rejects it first).
    expect(deep.ok).toBe(false);
    const spin = await pool.parse(input('spin.txt', `Spin\n\n${SPIN_MARKER}\n`), DEFAULT_SITE);
    expect(spin).toEqual({ ok: false, error: { code: 'parse-timeout', reason: 'parsing did not finish within 3.0 s', key: 'spin.txt', size: Buffer.byteLength(`Spin\n\n${SPIN_MARKER}\n`) } });
    const after = await pool.parse(input('after.txt', 'After the stuck one\n\nStill parsing.\n'), DEFAULT_SITE);
    expect(after.ok).toBe(true);
  });

  it('a parse cut short by close() fails as a fault, not as a verdict on the file', { timeout: 60_000 }, async () => {
    pool = createParsePool({ size: 1, deadlineMs: 60_000, module: SPIN_MODULE });
    const warm = await pool.parse(input('warm.txt', 'Warm\n\nUp.\n'), DEFAULT_SITE);
    expect(warm.ok).toBe(true);
    const running = pool.parse(input('spin.txt', `Spin\n\n${SPIN_MARKER}\n`), DEFAULT_SITE);
    await new Promise((r) => setTimeout(r, 200));
    await pool.close();
    await expect(running).rejects.toThrow('parse pool closed');
  });
});
