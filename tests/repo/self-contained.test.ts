// The repository must run on any machine: no source, test, doc or config names an absolute path on the
// machine it was written on (a test that copied a file from such a path failed everywhere else).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f !== '' && f !== 'package-lock.json' && !/\.(png|jpe?g|gif|webp|avif)$/i.test(f));

// Home and workspace folders of the machines this project is built on; /tmp is not listed on purpose
// (tests make temporary folders through os.tmpdir(), never by name, and docs may show /tmp examples).
const OUTSIDE = /(?<![\w.~-])\/(?:work|root|home|Users)\/[\w.-]/;

describe('the repository is self-contained', () => {
  it('no tracked file names a path outside the repository', () => {
    const offenders = tracked.filter((file) => {
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        return false; // deleted in the work tree
      }
      return OUTSIDE.test(text);
    });
    expect(offenders).toEqual([]);
  });

  it('the pattern catches the shapes it is meant to', () => {
    // Spelled in pieces so this file does not match itself.
    expect(OUTSIDE.test(`copyFileSync('/${'work'}/shared/seeds/a.txt')`)).toBe(true);
    expect(OUTSIDE.test(`see /${'home'}/dev/notes.md`)).toBe(true);
    expect(OUTSIDE.test("join(import.meta.dirname, '../../content')")).toBe(false);
    expect(OUTSIDE.test('https://example.com/work/x')).toBe(false);
  });
});
