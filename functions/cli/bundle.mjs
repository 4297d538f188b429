#!/usr/bin/env node
// Builds the `feedpub` command into dist/cli/ (run by `npm install` / `npm ci` as the `prepare`
// script): one ES module per command, chunks shared between them, dependencies inlined. Loading this
// takes a few tens of milliseconds, where compiling the TypeScript sources with tsx at every run took
// ~300 ms. bin.mjs runs it only while it is newer than every file it was built from (inputs.json).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where bin.mjs looks for the bundle; another folder only for tests (--outdir). */
export const BUNDLE_DIR = 'dist/cli';
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg === -1 ? join(root, BUNDLE_DIR) : resolve(process.argv[outArg + 1] ?? '');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // An install without dev dependencies: the command still works, from the sources through tsx.
  process.stderr.write('feedpub: esbuild is not installed; the feedpub command will run from the TypeScript sources\n');
  process.exit(0);
}

/**
 * In our sources, `import.meta.url` names the source file, so that `new URL('./worker.mjs', import.meta.url)`
 * and `createRequire(import.meta.url)` find files beside it. Bundled, it would name a chunk in the bundle
 * folder instead: each source's `import.meta.url` becomes its own path, relative to the chunk (every chunk
 * sits in the one output folder), so such files are found where they are, wherever the package is installed.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]functions[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromChunk = relative(outdir, args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await esbuild.build({
  absWorkingDir: root,
  // build-ingest: what `feedpub build`'s ingest workers load (functions/folder-build/ingest-pool.ts).
  entryPoints: { main: 'functions/cli/main.ts', 'build-ingest': 'functions/folder-build/ingest.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // s3rver stays a package: the local S3 server reaches into its internals with require(), which must
  // see the same module instances as the server itself.
  external: ['s3rver'],
  // Bundled CommonJS dependencies call require() for Node built-ins; ES modules have none of their own.
  banner: { js: "import { createRequire as __feedpubCreateRequire } from 'node:module'; const require = __feedpubCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  plugins: [sourceUrls],
  metafile: true,
  logLevel: 'warning',
});

// Every input outside node_modules, and the lock file for the dependencies: bin.mjs falls back to the
// sources when any of them is newer than the bundle, so an edit is never hidden behind a stale build.
// The lock file is checked only where it exists (an installed package carries none).
const inputs = Object.keys(result.metafile.inputs)
  .filter((path) => !path.includes('node_modules/'))
  .map((path) => relative(root, resolve(root, path)).split('\\').join('/'));
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify({ inputs, ifPresent: ['package-lock.json'] }, null, 1)}\n`);
