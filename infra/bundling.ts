// One definition of how the Lambda functions (publish, ingest) are bundled. The stack hands it to NodejsFunction
// (which runs the local esbuild CLI); bench/bundle.bench.ts hands the same values to the esbuild
// API, so the figures it prints are those of the deployed bundle.
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/** Relative to the project root. */
export const PUBLISH_ENTRY = 'functions/handlers/publish.ts';
/** The ingest function: bundled with the same options. */
export const INGEST_ENTRY = 'functions/handlers/ingest.ts';

export const publishBundle = {
  // Matches PUBLISH_RUNTIME (nodejs24.x) in the stack.
  target: 'node24',
  // CommonJS: the Lambda runtime loads it without a package.json "type", and Powertools and the
  // SDK ship tested CJS builds. esbuild converts our ESM sources; no top-level await is used.
  format: 'cjs',
  minify: true,
  sourceMap: true,
  // Maps carry positions only, not a copy of every source: Node parses the whole map at load
  // when NODE_OPTIONS has --enable-source-maps, so a smaller map is a faster cold start.
  sourcesContent: false,
  // The Node.js 24 Lambda runtime carries AWS SDK v3: using its copy keeps the bundle under 1 MB
  // (the SDK clients and @smithy are ~800 KB minified). We call only long-stable operations
  // (GetObject, PutObject, DeleteObject, CreateInvalidation), so the runtime's version is safe.
  externalModules: ['@aws-sdk/*'] as string[],
  // Prefer packages' ESM builds: esbuild tree-shakes them, not their CJS builds (smaller SDK).
  mainFields: ['module', 'main'],
} as const;

/** What NodejsFunction gets: the shared options, bundled by the local esbuild, never in Docker. */
export function cdkBundling(): BundlingOptions {
  return {
    target: publishBundle.target,
    format: OutputFormat.CJS,
    minify: publishBundle.minify,
    sourceMap: publishBundle.sourceMap,
    sourcesContent: publishBundle.sourcesContent,
    externalModules: [...publishBundle.externalModules],
    mainFields: [...publishBundle.mainFields],
    forceDockerBundling: false,
  };
}

/** The esbuild API options equivalent to the CLI call NodejsFunction makes with cdkBundling(). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: publishBundle.target,
    format: publishBundle.format,
    minify: publishBundle.minify,
    sourcemap: publishBundle.sourceMap,
    sourcesContent: publishBundle.sourcesContent,
    external: [...publishBundle.externalModules],
    mainFields: [...publishBundle.mainFields],
    metafile: true,
    logLevel: 'warning',
  };
}
