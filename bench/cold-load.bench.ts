// Cold load of the ingest function's bundle (built as the stack builds it, infra/bundling.ts) with the
// parser's heavy stacks loaded on first need (functions/core/parse-stacks.ts), against a what-if build
// of the same handler that loads them at init, as every upload did before. Each figure is one require()
// in a fresh Node process, the two builds alternating so a burst of machine load hits both alike; then
// the first-parse cost the lazy build pays once per process for a .md (the Markdown stack) or a text
// that needs franc-min. Prints min and median and the load average.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { lambdaInitEnv } from './support/lambda-env';
import { loadAverage, median } from './support/results';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions, INGEST_ENTRY } from '../infra/bundling';
import { PROJECT_ROOT } from '../infra/feedpub-app';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const env = lambdaInitEnv({
  PUBLISH_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench.fifo',
  POWERTOOLS_SERVICE_NAME: 'feedpub-ingest',
});

/** ms for require() of the bundle, in a fresh process (as the Lambda runtime loads a CJS handler). */
function requireOnce(outfile: string): number {
  const probe = `const t = performance.now(); const m = require(${JSON.stringify(outfile)});
if (typeof m.handler !== 'function') throw new Error('no handler export');
process.stdout.write(String(performance.now() - t));`;
  const run = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=commonjs', '-e', probe], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bundle failed to load: ${run.stderr}`);
  return Number(run.stdout);
}

/** ms for the first load of each stack after the handler loaded (what the first .md or non-English text pays). */
function stackLoadOnce(outfile: string): { markdown: number; franc: number } {
  const probe = `const m = require(${JSON.stringify(outfile)});
(async () => {
  let t = performance.now(); await m.markdownStack.load(); const markdown = performance.now() - t;
  t = performance.now(); await m.francStack.load(); const franc = performance.now() - t;
  process.stdout.write(JSON.stringify({ markdown, franc }));
})();`;
  const run = spawnSync(process.execPath, ['--enable-source-maps', '--input-type=commonjs', '-e', probe], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`stack load failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { markdown: number; franc: number };
}

const scratch = join(PROJECT_ROOT, 'node_modules', '.cache');
mkdirSync(scratch, { recursive: true });
const out = mkdtempSync(join(scratch, 'feedpub-cold-'));
try {
  console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadAverage()} (times scale with load)`);
  const handler = join(PROJECT_ROOT, INGEST_ENTRY).replace(/\.ts$/, '');
  const stacks = join(PROJECT_ROOT, 'functions/core/parse-stacks');
  // Lazy (as deployed) exports the stacks too, for the first-load probe; eager imports them statically,
  // which makes esbuild run their module code at init, as a static import did before.
  writeFileSync(join(out, 'lazy.ts'), `export { handler } from ${JSON.stringify(handler)};\nexport { markdownStack, francStack } from ${JSON.stringify(stacks)};\n`);
  writeFileSync(
    join(out, 'eager.ts'),
    `export { handler } from ${JSON.stringify(handler)};\nimport ${JSON.stringify(join(PROJECT_ROOT, 'functions/core/normalize/rules/markdown-html'))};\nimport 'franc-min';\n`,
  );
  const builds = { lazy: join(out, 'lazy', 'index.js'), eager: join(out, 'eager', 'index.js') };
  for (const [name, outfile] of Object.entries(builds)) {
    await build({ ...esbuildOptions(join(out, `${name}.ts`), outfile), absWorkingDir: PROJECT_ROOT, nodePaths: [join(PROJECT_ROOT, 'node_modules')] });
    console.log(`${name} build: ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
  }
  const times: Record<string, number[]> = { lazy: [], eager: [] };
  for (let i = 0; i < RUNS; i++) for (const [name, outfile] of Object.entries(builds)) times[name]!.push(requireOnce(outfile));
  for (const [name, xs] of Object.entries(times)) {
    console.log(`ingest bundle cold require, ${name === 'lazy' ? 'stacks on first need (deployed)' : 'stacks at init (before)'}: min ${Math.min(...xs).toFixed(1)} ms, median ${median(xs).toFixed(1)} ms (${RUNS} fresh processes)`);
  }
  const saved = median(times.eager!) - median(times.lazy!);
  console.log(`saved per cold start of a .txt-only container: ${saved.toFixed(1)} ms (median), ${(Math.min(...times.eager!) - Math.min(...times.lazy!)).toFixed(1)} ms (min)`);
  const first = Array.from({ length: Math.max(5, Math.floor(RUNS / 2)) }, () => stackLoadOnce(builds.lazy));
  console.log(
    `first load on need: Markdown stack min ${Math.min(...first.map((f) => f.markdown)).toFixed(1)} / median ${median(first.map((f) => f.markdown)).toFixed(1)} ms; franc-min min ${Math.min(...first.map((f) => f.franc)).toFixed(1)} / median ${median(first.map((f) => f.franc)).toFixed(1)} ms`,
  );
  console.log(`load average after: ${loadAverage()}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
