// Which code `feedpub` runs: the bundle from functions/cli/bundle.mjs, or the TypeScript sources.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bundle's entry URL when it may run: it exists, FEEDPUB_FROM_SOURCE is not set, and, in a working
 * copy, no file it was built from (inputs.json, paths relative to `root`; `ifPresent` ones only where
 * they exist) is newer than it. Undefined means: run the
 * sources. A stat per input costs well under a millisecond next to the ~300 ms tsx would take.
 */
export function bundleEntry(root, env = process.env, bundleDir = join(root, 'dist/cli')) {
  if (env.FEEDPUB_FROM_SOURCE !== undefined && env.FEEDPUB_FROM_SOURCE !== '' && env.FEEDPUB_FROM_SOURCE !== '0') return undefined;
  const main = join(bundleDir, 'main.mjs');
  // An installed package (no .git) runs its bundle: npm gives unpacked files arbitrary times, and
  // nobody edits sources there. In a working copy the sources are the truth and are checked.
  if (!existsSync(join(root, '.git'))) return existsSync(main) ? pathToFileURL(main).href : undefined;
  try {
    const built = statSync(main).mtimeMs;
    const { inputs, ifPresent = [] } = JSON.parse(readFileSync(join(bundleDir, 'inputs.json'), 'utf8'));
    for (const input of inputs) {
      if (statSync(join(root, input)).mtimeMs > built) return undefined;
    }
    for (const input of ifPresent) {
      if ((statSync(join(root, input), { throwIfNoEntry: false })?.mtimeMs ?? 0) > built) return undefined;
    }
  } catch {
    return undefined; // no bundle, no inputs list, or an input that is gone: the sources are the truth
  }
  return pathToFileURL(main).href;
}
