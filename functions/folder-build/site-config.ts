// Reads site.json from disk for `feedpub build`, `feedpub dev`, `feedpub parse`, `feedpub credit` and
// the CDK app; what it holds becomes a SiteConfig in the one loader (core/site.ts siteConfigFromText).
import { readFileSync } from 'node:fs';
import { DEFAULT_SITE, type Result, type SiteConfig } from '../core/model';
import { siteConfigFromText } from '../core/site';

/** The site config's file name in a content folder. */
export const SITE_CONFIG_FILE = 'site.json';

/**
 * The site config in `path`. A missing file is the defaults, unless it was asked for by name (`required`:
 * a --config or --site flag), when it is an error, as is a file that is no valid site config.
 */
export function loadSiteConfigFile(path: string, options: { required: boolean }): Result<SiteConfig, string> {
  let text: string;
  try {
    // Synchronous: one small file, read once per command, and the CDK app's construction is synchronous.
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !options.required) return { ok: true, value: DEFAULT_SITE };
    return { ok: false, error: code === 'ENOENT' ? `site config ${path} does not exist` : `cannot read site config ${path}: ${(error as Error).message}` };
  }
  return siteConfigFromText(text, path);
}
