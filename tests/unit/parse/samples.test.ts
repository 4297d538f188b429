import { readdirSync, readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../../functions/core/parse';

const contentDir = new URL('../../../content/', import.meta.url);
const fixturesDir = new URL('../../fixtures/uploads/', import.meta.url);
const MAX = 2 * 1024 * 1024;

const parseFile = (dir: URL, name: string) => parseUpload({ key: name, bytes: readFileSync(new URL(name, dir)), maxBytes: MAX });
const articleFiles = readdirSync(contentDir).filter((name) => /\.(txt|md)$/.test(name)).sort();

describe('content/ samples', () => {
  it('has the seed and at least 8 more articles', () => {
    expect(articleFiles[0]).toBe('000_47caeb000f8095de.txt');
    expect(articleFiles.length).toBeGreaterThanOrEqual(9);
  });

  it.each(articleFiles.filter((name) => !name.startsWith('000_')))('%s parses, has a date and no mojibake left', (name) => {
    const result = parseFile(contentDir, name);
    if (!result.ok) throw new Error(result.error.reason);
    expect(typeof result.value.meta.date).toBe('string');
    expect(result.value.title).not.toMatch(/[ÃÂâ]€?/);
    for (const paragraph of result.value.paragraphs) expect(paragraph).not.toMatch(/Ã|â€/);
  });

  it('spreads dates over at least 3 months of 2025-2026', () => {
    const months = new Set(
      articleFiles.filter((name) => !name.startsWith('000_')).map((name) => {
        const result = parseFile(contentDir, name);
        return result.ok ? String(result.value.meta.date).slice(0, 7) : 'rejected';
      }),
    );
    expect(months.has('rejected')).toBe(false);
    expect([...months].every((month) => /^202[56]-\d\d$/.test(month))).toBe(true);
    expect(months.size).toBeGreaterThanOrEqual(3);
  });

  // Each sample exists to exercise one input shape; check that it still does.
  it.each([
    ['070_cafe-reopens.txt', 'windows-1252', 'Café on the market square reopens a year after fire'],
    ['080_museum-utf16.txt', 'utf-16le', 'Museum returns carved panels to the village they were taken from'],
    ['090_bom-library.txt', 'utf-8-bom', 'Library lends out tools and sewing machines as repair café takes off'],
    ['100_mojibake-bakery.txt', 'utf-8', 'Bakery’s sourdough wins national prize – and a queue around the block'],
    ['110_rtl-emoji.txt', 'utf-8', 'Translators & coders meet to fix <script> bugs in right-to-left apps 🌍'],
  ])('%s is %s and decodes its title', (name, encoding, title) => {
    const result = parseFile(contentDir, name);
    expect(result.ok && result.value.encoding).toBe(encoding);
    expect(result.ok && result.value.title).toBe(title);
  });

  it('the scrape sample has two images and nothing from after "Related"', () => {
    const result = parseFile(contentDir, '030_rail-strike.txt');
    if (!result.ok) throw new Error(result.error.reason);
    expect(result.value.images.map((image) => image.credit)).toEqual(['Ludovic Marin/AFP via Getty Images', 'Handout via REUTERS']);
    expect(result.value.paragraphs).toHaveLength(4);
    expect(JSON.stringify(result.value)).not.toMatch(/Bus drivers|Pool\/Reuters|rail fares/);
  });

  it('the harbour sample names its sidecar PNG, which image-size reads as 8x6', () => {
    const result = parseFile(contentDir, '010_harbour.md');
    expect(result.ok && result.value.images[0]?.src).toBe('010_harbour.png');
    expect(imageSize(readFileSync(new URL('010_harbour.png', contentDir)))).toMatchObject({ width: 8, height: 6, type: 'png' });
  });
});

describe('tests/fixtures/uploads: each bad file is rejected with its code', () => {
  it.each([
    ['empty.txt', 'empty'],
    ['whitespace.txt', 'empty'],
    ['jpeg-named.txt', 'binary'],
    ['pdf-named.txt', 'binary'],
    ['no-title.txt', 'no-title'],
    ['no-title.md', 'no-title'],
    ['bad-front-matter.md', 'bad-front-matter'],
    ['notes.docx', 'unsupported-type'],
    ['front-matter-js.md', 'bad-front-matter'],
    ['utf16-no-bom.txt', 'binary'],
    ['wrong-bom.txt', 'bad-encoding'],
  ])('%s -> %s', (name, code) => {
    const result = parseFile(fixturesDir, name);
    expect(result.ok ? 'accepted' : result.error.code).toBe(code);
  });

  it('a bad-front-matter reason names the YAML problem and its line in the file', () => {
    const result = parseFile(fixturesDir, 'bad-front-matter.md');
    expect(result.ok ? '' : result.error.reason).toMatch(/^front matter is not valid YAML: .+ at line 4, column \d+$/);
  });
});
