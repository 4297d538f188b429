// The publish function's bundle, built exactly as the stack builds it (infra/bundling.ts holds the
// one definition): size (raw, gzip, source map), the heaviest packages in it (esbuild metafile),
// and the cold load time of the bundled module in fresh Node processes, with and without
// --enable-source-maps (the stack sets it in NODE_OPTIONS). Targets: < 1 MB, < 150 ms.
// A second, what-if build bundles our own copy of @aws-sdk/* instead of using the runtime's, to put
// a number on that choice (see infra/bundling.ts). A third loads the AWS S3 client alone, the part
// of the cold load that any S3-using function pays.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { esbuildOptions, publishBundle, PUBLISH_ENTRY } from '../infra/bundling';
import { PROJECT_ROOT } from '../infra/feedpub-app';
import { lambdaInitEnv } from './support/lambda-env';
import { loadAverage } from './support/results';

const RUNS = 10;
const SIZE_TARGET = 1024 * 1024;
const IMPORT_TARGET_MS = 150;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (sorted: number[]) => (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;

const env = lambdaInitEnv({
  BASE_URL: 'https://d111111abcdef8.cloudfront.net',
  DISTRIBUTION_ID: 'E2BENCHDIST',
  POWERTOOLS_SERVICE_NAME: 'feedpub-publish',
  POWERTOOLS_METRICS_NAMESPACE: 'feedpub',
});

/** One cold load (ms) of the bundle in a fresh process, loaded as the Lambda runtime does. */
function loadOnce(outfile: string, nodeOptions: readonly string[]): number {
  // require() for a CommonJS .js file (the runtime's path: no ESM format detection, no export
  // scan of a multi-MB file), import() for an ES module.
  const cjs = publishBundle.format === 'cjs';
  const load = cjs ? `require(${JSON.stringify(outfile)})` : `await import(${JSON.stringify(outfile)})`;
  const probe = `const t = performance.now(); const m = ${load};
if (typeof m.handler !== 'function') throw new Error('no handler export');
process.stdout.write(String(performance.now() - t));`;
  const run = spawnSync(process.execPath, [...nodeOptions, `--input-type=${cjs ? 'commonjs' : 'module'}`, '-e', probe], { env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bundle failed to load: ${run.stderr}`);
  return Number(run.stdout);
}

async function measure(label: string, options: BuildOptions, outfile: string, showInputs: boolean): Promise<void> {
  console.log(`\n-- ${label}`);
  const started = performance.now();
  const result = await build(options);
  const buildMs = performance.now() - started;
  const bytes = statSync(outfile).size;
  const gzip = gzipSync(readFileSync(outfile)).length;
  const mapBytes = statSync(`${outfile}.map`).size;
  console.log(`esbuild ${buildMs.toFixed(0)} ms; bundle ${bytes} bytes (${kb(bytes)}), gzip ${kb(gzip)}, source map ${kb(mapBytes)}`);
  console.log(`size target < ${kb(SIZE_TARGET)}: ${bytes < SIZE_TARGET ? 'met' : 'NOT met'}`);

  if (showInputs) {
    // Bytes in the output per package (per top-level source folder for our own code).
    const output = Object.entries(result.metafile!.outputs).find(([path]) => path.endsWith('.js'))![1];
    const perPackage = new Map<string, number>();
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
      perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + bytesInOutput);
    }
    console.log('heaviest inputs (bytes in the minified output):');
    for (const [pkg, n] of [...perPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
      console.log(`  ${kb(n).padStart(10)}  ${((100 * n) / bytes).toFixed(1).padStart(5)}%  ${pkg}`);
    }
  }

  // The two modes alternate, so a burst of machine load hits both alike.
  const modes = [
    ['plain', []],
    ['--enable-source-maps', ['--enable-source-maps']],
  ] as const;
  const times: number[][] = modes.map(() => []);
  for (let i = 0; i < RUNS; i++) modes.forEach(([, options], m) => times[m]!.push(loadOnce(outfile, options)));
  modes.forEach(([mode], m) => {
    const sorted = times[m]!.sort((a, b) => a - b);
    const med = median(sorted);
    console.log(
      `cold load (${mode}, ${RUNS} fresh processes): median ${med.toFixed(1)} ms, min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}; target < ${IMPORT_TARGET_MS} ms: ${med < IMPORT_TARGET_MS ? 'met' : 'NOT met'}`,
    );
  });
}

// Under node_modules so the deployed build resolves @aws-sdk/* from the project, as the runtime's
// built-in SDK is resolved from /var/runtime/node_modules.
const scratch = join(PROJECT_ROOT, 'node_modules', '.cache');
mkdirSync(scratch, { recursive: true });
const out = mkdtempSync(join(scratch, 'feedpub-bundle-'));
try {
  console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadAverage()} (times scale with load)`);
  const entry = join(PROJECT_ROOT, PUBLISH_ENTRY);
  const deployed = join(out, 'deployed', 'index.js');
  await measure('as deployed (infra/bundling.ts)', esbuildOptions(entry, deployed), deployed, true);
  const ownSdk = join(out, 'own-sdk', 'index.js');
  await measure('what-if: our own @aws-sdk/* bundled in', { ...esbuildOptions(entry, ownSdk), external: [] }, ownSdk, false);
  const s3Only = join(out, 's3-client', 'index.js');
    // Exported under the name the probe checks for.
  writeFileSync(join(out, 's3-client.ts'), "export { S3Client as handler } from '@aws-sdk/client-s3';\n");
  await measure('for scale: @aws-sdk/client-s3 alone (runtime SDK)', { ...esbuildOptions(join(out, 's3-client.ts'), s3Only), external: ['@aws-sdk/*'] }, s3Only, false);
} finally {
  rmSync(out, { recursive: true, force: true });
}
