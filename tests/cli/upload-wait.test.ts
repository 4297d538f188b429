// `feedpub upload` waits for each file's outcome, as an editor runs it (the real CLI in a child
// process) against the real local stack (s3rver, both pipeline stages, real core): published with
// its repairs, quarantined with its reason, scheduled with its time, unchanged, updated, a duplicate
// body, an image; and the documented exit codes. Dates derive from the clock (faketime-safe).
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';
import { feedpub, isoSeconds as iso } from '../support/cli';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const CONTENT = join(import.meta.dirname, '../../content');
// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let stack: LocalStack;
let root: string;
let files: string;

const upload = (...names: string[]) => feedpub('upload', ...names.map((n) => join(files, n)), '--prefix', 'desk', '--endpoint', stack.urls.s3, '--timeout', '60');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'feedpub-upload-wait-'));
  const content = join(root, 'content');
  files = join(root, 'files');
  await mkdir(content);
  await mkdir(files);
  await copyFile(join(CONTENT, 'site.json'), join(content, 'site.json'));
  const story = (title: string, body: string, date = iso(Date.now() - 3_600_000)) => `${title}\nDate: ${date}\n\n${body}\n`;
  await writeFile(join(files, 'good.txt'), story('Harbour reopens', 'The harbour reopened on Friday after repairs.'));
  await writeFile(join(files, 'seed.txt'), await readFile(join(CONTENT, '000_47caeb000f8095de.txt')));
  await writeFile(join(files, 'bad.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
  await writeFile(join(files, 'later.txt'), story('Budget day', 'Held until its time.', iso(Date.now() + 2 * 86_400_000)));
  await writeFile(join(files, 'photo.png'), PNG);
  await writeFile(join(files, 'copy.txt'), story('Harbour open again', 'The harbour reopened on Friday after repairs.'));
  stack = await startLocalStack({ port: 0, s3Port: 0, dataDir: join(root, 'data'), contentDir: content, logger: new Logger({ logLevel: 'SILENT' }) });
}, 60_000);
afterAll(async () => {
  await stack?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('feedpub upload waits for each outcome', () => {
  it('prints published (with repairs), quarantined (with reason), scheduled (with time), image; exit 1 as one was quarantined', async () => {
    const r = await upload('good.txt', 'seed.txt', 'bad.txt', 'later.txt', 'photo.png');
    expect(r.stderr).toBe('');
    const out = r.stdout.split('\n');
    expect(out).toContain('published desk/good.txt "Harbour reopens"');
    expect(out).toContain('published desk/seed.txt "US pushes for cease-fire as Israel escalates fight against Hezbollah"');
    expect(out).toContain('  repair (fused-words): "Netanyahureportedly" -> "Netanyahu reportedly"');
    expect(out).toContain('quarantined desk/bad.txt: binary content (JPEG) in a .txt upload');
    expect(out.find((l) => l.startsWith('scheduled desk/later.txt'))).toMatch(/^scheduled desk\/later\.txt "Budget day" for \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(out).toContain('published desk/photo.png');
    expect(out).toContain('3 published, 1 scheduled, 1 quarantined');
    expect(r.code).toBe(1);
  }, 90_000);

  it('identical bytes again: unchanged; an edit: updated; exit 0', async () => {
    await writeFile(join(files, 'seed.txt'), `${await readFile(join(files, 'seed.txt'), 'utf8')}\nOne more paragraph added by the desk.\n`);
    const r = await upload('good.txt', 'seed.txt', 'photo.png');
    const out = r.stdout.split('\n');
    expect(out).toContain('unchanged desk/good.txt "Harbour reopens"');
    expect(out).toContain('updated desk/seed.txt "US pushes for cease-fire as Israel escalates fight against Hezbollah"');
    expect(out).toContain('unchanged desk/photo.png');
    expect(out).toContain('1 updated, 2 unchanged');
    expect(r.code).toBe(0);
  }, 90_000);

  it('the same body under a second key: published with "duplicate of <key>"', async () => {
    const r = await upload('copy.txt');
    const out = r.stdout.split('\n');
    expect(out).toContain('published desk/copy.txt "Harbour open again"');
    expect(out).toContain('  warning: duplicate of desk/good.txt: the same body is already published under that key');
    expect(r.code).toBe(0);
  }, 90_000);

  it('fixing the quarantined file: published, exit 0', async () => {
    await writeFile(join(files, 'bad.txt'), 'Fixed story\n\nNow it is text.\n');
    const r = await upload('bad.txt');
    expect(r.stdout.split('\n')).toContain('published desk/bad.txt "Fixed story"');
    expect(r.code).toBe(0);
  }, 90_000);
});
