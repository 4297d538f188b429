import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `feedpub credit ...` as a user would, optionally feeding stdin. */
function feedpubCredit(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile('node', ['functions/cli/bin.mjs', 'credit', ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
    else child.stdin?.end();
  });
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('feedpub credit', () => {
  it('prints one JSON credit per argument', async () => {
    const run = await feedpubCredit(['REUTERS/Maher Abou Taleb', 'Inter-Services Public Relations (ISPR)/Handout via REUTERS']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(jsonLines(run.stdout)).toEqual([
      { display: 'Maher Abou Taleb/Reuters', photographer: 'Maher Abou Taleb', agency: 'Reuters', handout: false, pool: false, raw: 'REUTERS/Maher Abou Taleb' },
      {
        display: 'ISPR/Handout via Reuters',
        provider: 'ISPR',
        via: 'Reuters',
        handout: true,
        pool: false,
        raw: 'Inter-Services Public Relations (ISPR)/Handout via REUTERS',
      },
    ]);
  });

  it('reads one raw credit per stdin line without arguments, skipping blank lines (CRLF too)', async () => {
    const run = await feedpubCredit([], 'AP Photo/Evan Vucci\r\n\r\n   \nJOHN SMITH/AFP via Getty Images\nUnsplash');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((c) => [c.raw, c.display])).toEqual([
      ['AP Photo/Evan Vucci', 'Evan Vucci/AP'],
      ['JOHN SMITH/AFP via Getty Images', 'John Smith/AFP via Getty Images'],
      ['Unsplash', 'Unsplash'],
    ]);
  });

  it('prints nothing for empty stdin', async () => {
    const run = await feedpubCredit([], '');
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('renders with --style', async () => {
    const run = await feedpubCredit(['--style', '{agency}/{photographer}', 'Andrew Leyden/NurPhoto']);
    expect(jsonLines(run.stdout)[0]).toMatchObject({ display: 'NurPhoto/Andrew Leyden', photographer: 'Andrew Leyden', agency: 'NurPhoto' });
  });

  it('rejects a --style without placeholders, saying what is expected', async () => {
    const run = await feedpubCredit(['--style', 'plain', 'REUTERS/X Y']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--style must be a template like "{photographer}/{agency}"');
  });

  it('takes the house style from --site, and --style wins over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedpub-credit-'));
    const site = join(dir, 'site.json');
    writeFileSync(site, JSON.stringify({ creditStyle: { format: '{photographer} ({agency})' } }));
    const fromSite = await feedpubCredit(['--site', site, 'REUTERS/Maher Abou Taleb']);
    expect(jsonLines(fromSite.stdout)[0]?.display).toBe('Maher Abou Taleb (Reuters)');
    const overridden = await feedpubCredit(['--site', site, '--style', '{agency}/{photographer}', 'REUTERS/Maher Abou Taleb']);
    expect(jsonLines(overridden.stdout)[0]?.display).toBe('Reuters/Maher Abou Taleb');
  });

  it('reports a bad --site file with its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedpub-credit-'));
    const site = join(dir, 'site.json');
    writeFileSync(site, JSON.stringify({ creditStyle: { format: 'plain' } }));
    const invalid = await feedpubCredit(['--site', site, 'AP']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('"creditStyle.format" must be a template');
    const missing = await feedpubCredit(['--site', join(dir, 'nope.json'), 'AP']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`site config ${join(dir, 'nope.json')} does not exist`);
  });

  it('explains itself with --help', async () => {
    const run = await feedpubCredit(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: feedpub credit [options] [raw...]');
    expect(run.stdout).toContain('--style <format>');
    expect(run.stdout).toContain('--site <file>');
  });
});
