// The real `feedpub` CLI in a child process, as a user runs it, for the tests in tests/cli/: one
// way to start it, to read its outcome, and to make the scratch folders it reads and writes.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';

const run = promisify(execFile);
export const FEEDPUB_BIN = join(import.meta.dirname, '../../functions/cli/bin.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to the test's environment. */
  env?: Record<string, string>;
  cwd?: string;
}

// A developer's FEEDPUB_S3_PORT must not point a test's CLI at their own `npm start`.
const cliEnv = (env: Record<string, string> = {}) => ({ ...process.env, FEEDPUB_S3_PORT: '', ...env });

/** Runs `feedpub ARGS` and resolves with its exit code and output, whatever the code. */
export async function runFeedpub(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [FEEDPUB_BIN, ...args], { env: cliEnv(options.env), ...(options.cwd && { cwd: options.cwd }) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `feedpub ARGS` with the test's environment. */
export const feedpub = (...args: string[]): Promise<CliRun> => runFeedpub(args);

/** Runs `feedpub ARGS` blocking: for tests that build a folder and read it back in one step. */
export function runFeedpubSync(args: readonly string[], options: CliOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [FEEDPUB_BIN, ...args], { encoding: 'utf8', env: cliEnv(options.env), ...(options.cwd && { cwd: options.cwd }) });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `feedpub ARGS`, blocking, with the test's environment. */
export const feedpubSync = (...args: string[]): CliRun => runFeedpubSync(args);

/** A maker of fresh temp folders (feedpub-NAME-*), all removed after the file's tests. Call at top level. */
export function tempDirs(): (name: string) => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return (name) => {
    const dir = mkdtempSync(join(tmpdir(), `feedpub-${name}-`));
    dirs.push(dir);
    return dir;
  };
}

/** RFC 3339 in UTC to the second, as editors write a Date: line (inputs only; never to check output). */
export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
