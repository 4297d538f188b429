import { v5 as uuidv5 } from 'uuid';

// Fixed namespace: ids depend on the upload key only, so they survive title edits, re-uploads,
// and a change of the site's domain (feed readers would otherwise show every item again).
const FEEDPUB_NAMESPACE = '6f1c9b52-2a8e-5d0e-9a57-5c1f0e3d7b11';

/** Stable article id for an upload key, as a URN usable in RSS guid, Atom id and JSON Feed id. */
export function articleIdForKey(key: string): string {
  return `urn:uuid:${uuidv5(key, FEEDPUB_NAMESPACE)}`;
}
