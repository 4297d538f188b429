// The publish stage's view of the uploads bucket within one batch: one listing per same-base prefix
// ("news/a.") answers both "which version of news/a.txt is current" (what a HEAD told) and "which of
// its sidecar images and articles exist" (what twelve record probes per article, six HEADs per image,
// told before). A plain .txt with no image thus costs one LIST instead of one HEAD and twelve GETs.
// Listings are strongly consistent on S3, like HEAD; a key absent from the listing is gone.
import { sameBasePrefix } from '../core/site-index/imagerefs';
import type { ListedObject, ObjectHead, ObjectStore } from '../store/types';

export class UploadListing {
  private readonly byPrefix = new Map<string, Promise<Map<string, ListedObject>>>();

  constructor(private readonly uploads: ObjectStore) {}

  /** The key's current version, without user metadata (the publisher reads that from the prepared record). */
  async head(key: string): Promise<ObjectHead | undefined> {
    const found = (await this.listingOf(key)).get(key);
    if (!found) return undefined;
    const { key: _key, ...version } = found;
    return { ...version, metadata: {} };
  }

  /** Those of `keys` (same-base keys of `key`, see imagerefs.ts) that exist as uploads now. */
  async existing(key: string, keys: readonly string[]): Promise<string[]> {
    const listing = await this.listingOf(key);
    return keys.filter((k) => listing.has(k));
  }

  private listingOf(key: string): Promise<Map<string, ListedObject>> {
    const prefix = sameBasePrefix(key);
    let listing = this.byPrefix.get(prefix);
    if (!listing) {
      listing = this.uploads.listObjects(prefix).then((objects) => new Map(objects.map((o) => [o.key, o])));
      // A failed listing is not kept: the key's failure is reported and a later call lists again.
      listing.catch(() => this.byPrefix.delete(prefix));
      this.byPrefix.set(prefix, listing);
    }
    return listing;
  }
}
