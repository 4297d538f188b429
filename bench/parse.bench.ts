// Parse + normalize throughput (ingestUpload) on seed-size articles: the seed as uploaded, a variant
// with header lines, a Windows-1252 variant and a Markdown variant. Warm-up, then interleaved rounds (below).
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { ingestUpload } from '../functions/core/ingest';
import { DEFAULT_SITE, type UploadInput } from '../functions/core/model';
import { parseUpload } from '../functions/core/parse';
import { markdownToHtml, renderMarkdown, sanitizeMarkup } from '../functions/core/normalize/rules/markdown-html';
import { loadParseStacks } from '../functions/core/parse-stacks';

// Throughput, not cold load: every stack loaded before timing.
await loadParseStacks();
import { loadAverage, median } from './support/results';

const seed = readFileSync(new URL('../content/000_47caeb000f8095de.txt', import.meta.url), 'utf8');
const body = seed.split('\n').slice(6).join('\n');
const variants: { name: string; input: UploadInput }[] = [
  { name: 'seed scrape (.txt, UTF-8)', input: { key: 'seed.txt', bytes: new TextEncoder().encode(seed), fallbackDate: '2024-10-31T09:00:00Z' } },
  {
    name: 'header lines (.txt)',
    input: {
      key: 'headers.txt',
      bytes: new TextEncoder().encode(`Title: US pushes for cease-fire\nAuthor: Jane Roe and John Doe\nDate: 2024-10-31\nTags: Israel, Lebanon\n\n${body}`),
      fallbackDate: '2024-10-31T09:00:00Z',
    },
  },
  { name: 'Windows-1252 (.txt)', input: { key: 'cp1252.txt', bytes: new Uint8Array(iconv.encode(seed, 'win1252')), fallbackDate: '2024-10-31T09:00:00Z' } },
  {
    name: 'front matter (.md)',
    input: {
      key: 'story.md',
      bytes: new TextEncoder().encode(`---\ntitle: US pushes for cease-fire\nauthor: Jane Roe\ndate: 2024-10-31\ntags: [Israel, Lebanon]\nimage: story.jpg\ncredit: REUTERS/Maher Abou Taleb\n---\n\n${body.replace('More from GZERO Media', '')}`),
      fallbackDate: '2024-10-31T09:00:00Z',
    },
  },
];

type Step = (input: UploadInput) => void;
const ingest: Step = (input) => {
  const result = ingestUpload(input, DEFAULT_SITE);
  if (!result.ok) throw new Error(`${input.key}: ${result.error.reason}`);
};
const parseOnly: Step = (input) => {
  parseUpload({ key: input.key, bytes: input.bytes, maxBytes: DEFAULT_SITE.maxUploadBytes });
};

/** Runs `step` over `inputs` for at least `minMs`; wall time, and CPU time (fair on a shared machine). */
function measure(step: Step, inputs: UploadInput[], minMs: number): { count: number; wallMs: number; cpuMs: number } {
  let count = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < minMs) {
    for (const input of inputs) step(input);
    count += inputs.length;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  return { count, wallMs: now - start, cpuMs: (used.user + used.system) / 1000 };
}

interface Row {
  name: string;
  step: Step;
  inputs: UploadInput[];
  /** CPU µs per article, one figure per round. */
  perArticle: number[];
  wallMs: number;
  count: number;
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
// Rounds run the rows in turn (row 1, row 2, ..., row 1, ...), so a burst of other work on the shared
// machine lands on every row alike instead of on the one row measured while it lasted; the median of
// many short rounds then reads through it. BENCH_PARSE_ROUNDS and BENCH_PARSE_ROUND_MS override.
const ROUNDS = Number(process.env.BENCH_PARSE_ROUNDS ?? 21);
const ROUND_MS = Number(process.env.BENCH_PARSE_ROUND_MS ?? 150);

const rows: Row[] = [];
const row = (name: string, step: Step, inputs: UploadInput[]): Row => {
  const r: Row = { name, step, inputs, perArticle: [], wallMs: 0, count: 0 };
  rows.push(r);
  return r;
};

console.log(`ingestUpload (parse + normalize) on seed-size articles, one core, Node ${process.version}; ${ROUNDS} interleaved rounds of >= ${ROUND_MS} ms per row`);
const loadBefore = loadAverage();
const all = variants.map((v) => v.input);
for (const { name, input } of variants) row(`${name} (${input.bytes.byteLength} B)`, ingest, [input]);
const mixed = row('mix of the four', ingest, all);
const txt = row('.txt mix (the three scrapes)', ingest, all.filter((input) => input.key.endsWith('.txt')));
const md = row('.md alone (3 KB, front matter)', ingest, all.filter((input) => input.key.endsWith('.md')));
// The same mix with the language named (x-amz-meta-language): no franc detection, to show its share.
row('mix, language named (no detection)', ingest, all.map((input) => ({ ...input, metadata: { language: 'en' } })));
row('parseUpload alone, mix of the four', parseOnly, all);
// The Markdown body's HTML alone, with the shortcut for markdown-it's own output and with sanitize-html
// on every body (the peer: the same output, checked by tests/unit/normalize/html-own-markup.test.ts).
const mdBody = all.filter((input) => input.key.endsWith('.md')).map((input) => ({ ...input, key: Buffer.from(input.bytes).toString('utf8').split('\n---\n')[1] ?? '' }));
const viaLibrary = row('md body: markdown-it + sanitize-html', (input) => void sanitizeMarkup(renderMarkdown(input.key)), mdBody);
const viaShortcut = row('md body: markdownToHtml (shortcut)', (input) => void markdownToHtml(input.key), mdBody);

// Warm every path first (JIT tiers, word list, language models), so the first round is not slower only
// for being first (the seed and the Windows-1252 variant are the same text).
measure(ingest, all, 1500);
for (const r of rows) measure(r.step, r.inputs, 200);
for (let round = 0; round < ROUNDS; round++) {
  for (const r of rows) {
    const result = measure(r.step, r.inputs, ROUND_MS);
    r.perArticle.push((result.cpuMs * 1000) / result.count);
    r.wallMs += result.wallMs;
    r.count += result.count;
  }
}

/** Articles per CPU-second at the median round. */
const perCpuSecond = (r: Row): number => 1e6 / median(r.perArticle);
for (const r of rows) {
  const sorted = [...r.perArticle].sort((a, b) => a - b);
  console.log(
    `  ${r.name.padEnd(36)} ${fmt((r.count / r.wallMs) * 1000).padStart(7)} articles/s wall  ${fmt(perCpuSecond(r)).padStart(7)} per CPU-s (median)  CPU µs/article min ${sorted[0]!.toFixed(1)} median ${median(sorted).toFixed(1)}`,
  );
}
console.log(`  md body HTML, shortcut vs sanitize-html per CPU-s (median): ${(perCpuSecond(viaShortcut) / perCpuSecond(viaLibrary)).toFixed(2)}x`);
const [txtRate, mdRate] = [perCpuSecond(txt), perCpuSecond(md)];
console.log(`targets (CPU, median): .txt >= 20,000 articles/s ${txtRate >= 20_000 ? 'met' : 'NOT met'} (${fmt(txtRate)}); .md >= 8,000 articles/s ${mdRate >= 8_000 ? 'met' : 'NOT met'} (${fmt(mdRate)}); mix ${fmt(perCpuSecond(mixed))}/s`);
console.log(`load average before ${loadBefore}, after ${loadAverage()}`);
