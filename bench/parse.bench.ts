// Parse + normalize throughput (ingestUpload) on seed-size articles: the seed as uploaded, a variant
// with header lines, a Windows-1252 variant and a Markdown variant. Warm-up, then at least 2 s measured.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import iconv from 'iconv-lite';
import { ingestUpload } from '../functions/core/ingest';
import { DEFAULT_SITE, type UploadInput } from '../functions/core/model';
import { parseUpload } from '../functions/core/parse';
import { markdownToHtml, renderMarkdown, sanitizeMarkup } from '../functions/core/normalize/rules/markdown-html';
import { loadParseStacks } from '../functions/core/parse-stacks';

// Throughput, not cold load: every stack loaded before timing.
await loadParseStacks();

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

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const ROUNDS = 9;
/** Nine rounds of >= 250 ms; CPU µs per article: min and median; articles per CPU-second from the median. */
function report(name: string, step: Step, inputs: UploadInput[]): number {
  measure(step, inputs, 300); // warm-up of this input's own paths
  const perArticle: number[] = [];
  let wall = 0;
  let count = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const result = measure(step, inputs, 250);
    perArticle.push((result.cpuMs * 1000) / result.count);
    wall += result.wallMs;
    count += result.count;
  }
  perArticle.sort((a, b) => a - b);
  const median = perArticle[Math.floor(ROUNDS / 2)]!;
  const perCpuSecond = 1e6 / median;
  console.log(
    `  ${name.padEnd(36)} ${fmt((count / wall) * 1000).padStart(7)} articles/s wall  ${fmt(perCpuSecond).padStart(7)} per CPU-s (median)  CPU µs/article min ${perArticle[0]!.toFixed(1)} median ${median.toFixed(1)}`,
  );
  return perCpuSecond;
}

console.log(`ingestUpload (parse + normalize) on seed-size articles, one core, Node ${process.version}`);
// Warm every path first (JIT tiers, word list, language models), so the first line measured is not
// slower only for being first (the seed and the Windows-1252 variant are the same text).
const all = variants.map((v) => v.input);
measure(ingest, all, 1500);
for (const { name, input } of variants) report(`${name} (${input.bytes.byteLength} B)`, ingest, [input]);
const mixed = report('mix of the four', ingest, all);
const txt = report('.txt mix (the three scrapes)', ingest, all.filter((input) => input.key.endsWith('.txt')));
const md = report('.md alone (3 KB, front matter)', ingest, all.filter((input) => input.key.endsWith('.md')));
// The same mix with the language named (x-amz-meta-language): no franc detection, to show its share.
report('mix, language named (no detection)', ingest, all.map((input) => ({ ...input, metadata: { language: 'en' } })));
report('parseUpload alone, mix of the four', parseOnly, all);
// The Markdown body's HTML alone, with the shortcut for markdown-it's own output and with sanitize-html
// on every body (the peer: the same output, checked by tests/unit/normalize/html-own-markup.test.ts).
const mdBody = all.filter((input) => input.key.endsWith('.md')).map((input) => ({ ...input, key: Buffer.from(input.bytes).toString('utf8').split('\n---\n')[1] ?? '' }));
const viaLibrary = report('md body: markdown-it + sanitize-html', (input) => void sanitizeMarkup(renderMarkdown(input.key)), mdBody);
const viaShortcut = report('md body: markdownToHtml (shortcut)', (input) => void markdownToHtml(input.key), mdBody);
console.log(`  md body HTML, shortcut vs sanitize-html per CPU-s (median): ${(viaShortcut / viaLibrary).toFixed(2)}x`);
console.log(`targets (CPU): .txt >= 20,000 articles/s ${txt >= 20_000 ? 'met' : 'NOT met'}; .md >= 8,000 articles/s ${md >= 8_000 ? 'met' : 'NOT met'}; mix ${fmt(mixed)}/s`);
console.log(`load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
