// One home for each piece of shared support code (issue 14), checked on the tracked files: a second
// copy of what was once written out in several places fails here, with the place it appeared.
//   - test helpers used by more than one file live in tests/support/ (tests/fixtures/ is data only);
//   - the real CLI is started in a child process only by tests/support/cli.ts (except the commands
//     that stay running or read stdin);
//   - bench/*.bench.ts build their synthetic archive and report through bench/support/;
//   - the local queues' bookkeeping lives once in functions/local/queues.ts;
//   - infra makes queues in infra/queues.ts and alarms in infra/alarms.ts only;
//   - the seeded generator of the test builders is tests/support/random.ts;
//   - folder names say what they hold: the site index is core/site-index/ (not core/index/, read as a
//     barrel), feedpub build's code is functions/folder-build/ (tools read build/ as generated output),
//     local-only code is under functions/local/, and tests sit in the folder of the code they test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f !== '' && /\.(ts|mts|mjs)$/.test(f));
const read = (file: string) => {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return ''; // deleted in the working tree
  }
};
const isTest = (file: string) => /\.test\.ts$/.test(file);

/** Files (of `files`) whose text matches `pattern`. */
const filesWith = (files: readonly string[], pattern: RegExp) => files.filter((f) => pattern.test(read(f)));

describe('one home for shared support code', () => {
  it('test helper modules imported by more than one test file, or from another folder, live in tests/support/', () => {
    const helpers = tracked.filter((f) => f.startsWith('tests/') && !isTest(f) && !f.startsWith('tests/support/'));
    const importers = new Map<string, string[]>(helpers.map((h) => [h.replace(/\.m?ts$/, ''), []]));
    for (const file of tracked) {
      for (const [, spec] of read(file).matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = normalize(join(dirname(file), spec as string)).replace(/\.m?ts$/, '');
        importers.get(target)?.push(file);
      }
    }
    const sharedBy = (helper: string, by: string[]) => by.filter(isTest).length > 1 || by.some((f) => dirname(f) !== dirname(helper));
    const shared = [...importers].filter(([helper, by]) => sharedBy(helper, by)).map(([helper, by]) => `${helper} (imported by ${by.join(', ')})`);
    expect(shared).toEqual([]);
  });

  it('only tests/support/cli.ts starts the CLI for a test, but for `dev` (it keeps running), `credit` (stdin) and a build on a terminal', () => {
    const tests = tracked.filter((f) => f.startsWith('tests/') && f !== 'tests/support/cli.ts');
    const runners = filesWith(tests, /cli\/bin\.mjs/).filter(
      (f) => !['tests/cli/dev.test.ts', 'tests/cli/dev-hardening.test.ts', 'tests/cli/credit.test.ts', 'tests/cli/build.test.ts'].includes(f),
    );
    expect(runners).toEqual([]);
  });

  it('benchmarks seed, time and report through bench/support/', () => {
    const benches = tracked.filter((f) => /^bench\/[^/]+\.bench\.ts$/.test(f));
    expect(benches.length).toBeGreaterThan(5);
    // A synthetic archive article, a seeded index, a RESULTS.md writer, a median, the load average.
    expect(filesWith(benches, /long enough to weigh like a short news item/)).toEqual([]);
    expect(filesWith(benches, /monthsForRefill\(/)).toEqual([]);
    expect(filesWith(benches, /'RESULTS\.md'/)).toEqual([]);
    expect(filesWith(benches, /const median = \(xs/)).toEqual([]);
    expect(filesWith(benches, /loadavg\(\)\.map/)).toEqual([]);
  });

  it('one seeded generator for the test builders', () => {
    expect(filesWith(tracked.filter((f) => (f.startsWith('tests/') && !f.startsWith('tests/repo/')) || f.startsWith('bench/')), /0x6d2b79f5/)).toEqual(['tests/support/random.ts']);
  });

  it('the local queues keep their bookkeeping once', () => {
    const functions = tracked.filter((f) => f.startsWith('functions/'));
    expect(filesWith(functions, /deadLetters\.push\(/)).toEqual(['functions/local/queues.ts']);
    expect(read('functions/local/queues.ts').match(/deadLetters\.push\(|eventSourceARN:|receiptHandle:/g)).toEqual(['deadLetters.push(', 'receiptHandle:', 'eventSourceARN:']);
  });

  it('infra makes every queue in infra/queues.ts and every alarm in infra/alarms.ts', () => {
    const infra = tracked.filter((f) => f.startsWith('infra/'));
    expect(filesWith(infra, /new sqs\.Queue\(/)).toEqual(['infra/queues.ts']);
    expect(filesWith(infra, /new cloudwatch\.Alarm\(/)).toEqual(['infra/alarms.ts']);
  });

  it('folder names say what they hold', () => {
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0');
    const misnamed = files.filter((f) => /^(functions\/core\/index\/|functions\/build\/|tests\/unit\/index\/|tests\/unit\/build\/)/.test(f));
    expect(misnamed).toEqual([]);
    // Production code (what the Lambda bundles reach) never imports the local stack.
    const production = tracked.filter((f) => /^functions\/(core|pipeline|handlers|store)\//.test(f));
    expect(filesWith(production, /from '\.\.\/local\/|from '\.\.\/\.\.\/local\//)).toEqual([]);
  });
});
