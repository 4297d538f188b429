// The CloudFront viewer-request function's code: infra/viewer-request.js with the facts it shares with
// the site (which head feeds a browser is sent away from, where to, the folder redirect's caching) filled
// in from the output table. CloudFront Functions cannot import, and a second copy of those facts in the
// .js file would drift; the file alone throws (ReferenceError), so an unfilled copy can never be deployed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_CONTROL } from '../functions/core/outputs/formats';
import { BROWSER_REDIRECTED_FEED_PATH, NAMES_A_FEED_TYPE, SUBSCRIBE_LOCATION } from '../functions/core/render/subscribe';

/** A single-quoted JS string literal (the file's own style); the values are plain paths and header values. */
function jsString(value: string): string {
  if (/['\\\n\r]/.test(value)) throw new Error(`viewer-request: cannot inline ${JSON.stringify(value)}`);
  return `'${value}'`;
}

const FILLED: Record<string, string> = {
  FEEDPUB_BROWSER_REDIRECTED_FEED_PATH: `/${BROWSER_REDIRECTED_FEED_PATH.source}/`,
  FEEDPUB_SUBSCRIBE_LOCATION: jsString(SUBSCRIBE_LOCATION),
  FEEDPUB_FOLDER_REDIRECT_CACHE_CONTROL: jsString(CACHE_CONTROL.folderRedirect),
  FEEDPUB_NAMES_A_FEED_TYPE: `/${NAMES_A_FEED_TYPE.source}/`,
  FEEDPUB_DOMAIN_REDIRECT_CACHE_CONTROL: jsString(CACHE_CONTROL.domainRedirect),
};

/** A domain move (docs/republish.md): requests for a moved host get a 301 to the same path on canonicalHost. */
export interface HostRedirect {
  canonicalHost?: string | undefined;
  movedHosts?: readonly string[];
}

export function viewerRequestCode(hosts: HostRedirect = {}): string {
  const source = readFileSync(join(import.meta.dirname, 'viewer-request.js'), 'utf8');
  const moved = hosts.canonicalHost === undefined ? [] : (hosts.movedHosts ?? []);
  const filled: Record<string, string> = {
    ...FILLED,
    FEEDPUB_CANONICAL_HOST: jsString(moved.length > 0 ? (hosts.canonicalHost as string) : ''),
    FEEDPUB_MOVED_HOSTS: `[${moved.map(jsString).join(', ')}]`,
  };
  const code = source.replace(/\bFEEDPUB_[A-Z_]+\b/g, (name) => {
    const value = filled[name];
    if (value === undefined) throw new Error(`viewer-request.js names ${name}, which viewer-request-code.ts does not fill`);
    return value;
  });
  return code;
}
