// Deletion records as each format carries them (decision and reasons: docs/takedown.md).
// Atom and RSS: RFC 6721 at:deleted-entry elements, children of atom:feed / the RSS channel, with
// ref = the entry's id and when = the removal time. JSON Feed has no tombstone: the feed's `_feedpub`
// extension object (JSON Feed 1.1 custom objects) lists them under `deleted`.
import type { DeletionRecord } from '../site-index/deletions';
import type { SiteConfig } from '../model';
import { rfc3339 } from './dates';
import { absoluteUrl } from './resolve';
import type { XmlNode } from './xml';

export const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';
export const NO_DELETIONS: readonly DeletionRecord[] = [];

/**
 * The namespace declaration and the elements, or nothing: a feed without deletion records does not
 * declare the namespace (the W3C validator warns about any namespace it does not know, see docs).
 * No atom:link child (RFC 6721 allows one): Python feedparser takes any link under the feed element
 * for the feed's own link, so the feed's home page would become the deleted article's URL.
 */
export function deletedEntryNodes(deleted: readonly DeletionRecord[]): { namespace: XmlNode; elements: XmlNode } {
  if (deleted.length === 0) return { namespace: {}, elements: {} };
  return {
    namespace: { '@_xmlns:at': TOMBSTONES_NS },
    elements: {
      'at:deleted-entry': deleted.map((record) => ({
        '@_ref': record.id,
        '@_when': rfc3339(record.when),
      })),
    },
  };
}

/**
 * JSON Feed: `{ deleted: [{ id, url, date_deleted }] }` inside the feed's top-level `_feedpub` object,
 * or undefined. `url`: the record's site path resolved under this site's base URL (as permalinks are).
 */
export function jsonFeedDeletions(site: SiteConfig, deleted: readonly DeletionRecord[]): { deleted: { id: string; url: string; date_deleted: string }[] } | undefined {
  if (deleted.length === 0) return undefined;
  return { deleted: deleted.map((r) => ({ id: r.id, url: absoluteUrl(site, r.url), date_deleted: rfc3339(r.when) })) };
}
