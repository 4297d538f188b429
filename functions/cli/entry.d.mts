/** See entry.mjs: the bundle's entry URL when it is up to date, else undefined (run the sources). */
export function bundleEntry(root: string, env?: Record<string, string | undefined>, bundleDir?: string): string | undefined;
