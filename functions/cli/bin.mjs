#!/usr/bin/env node
// The `feedpub` command. Runs the bundle `npm install` builds (functions/cli/bundle.mjs) while it is up
// to date; on a fresh clone, after an edit, or with FEEDPUB_FROM_SOURCE=1, the TypeScript sources (tsx).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './entry.mjs';

const entry = bundleEntry(join(dirname(fileURLToPath(import.meta.url)), '../..'));
if (entry !== undefined) {
  await import(entry);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
