// What a prepared record was made under. The ingest stage skips a version it has already prepared
// only when the record carries the current fingerprint, so a republish after a site.json change or
// a new feedpub version parses again, and a republish of an unchanged site parses (and writes) nothing.
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../model';

/** Every site.json field but baseUrl (the index keeps site paths; see render/resolve.ts), and the code version. */
export function ingestFingerprint(site: SiteConfig, codeVersion: string): string {
  const { baseUrl: _resolvedAtRender, ...rest } = site;
  const canonical = JSON.stringify(sortedKeys({ ...rest, codeVersion }));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}
