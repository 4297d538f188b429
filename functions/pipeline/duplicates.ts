// "duplicate of <key>": the same body published under a second key. The single writer keeps one
// claim per body (sha256 of the ingested HTML) naming the key that published it first; a later key
// with that body is still published, and its editor note says whose body it repeats. A claim is
// believed only while its owner's article record still has that body, so a claim left behind by a
// crash (or an owner since edited or deleted) passes to the next key instead of misleading.
import { bodyClaimKey, articleRecordKey } from '../core/site-index/paths';
import { hashBody } from '../core/site-index/outputs';
import type { ArticleRecord, BodyClaim } from '../core/site-index/types';
import type { Article } from '../core/model';

export interface ClaimStore {
  readJson<T>(key: string): Promise<T | undefined>;
  writeJson(key: string, value: unknown): Promise<void>;
  /** Writes only when the key does not exist (one conditional request); false when it does. */
  createJson(key: string, value: unknown): Promise<boolean>;
  deleteIndex(key: string): Promise<void>;
}

export function bodyHashOf(article: Pick<Article, 'contentHtml'>): string {
  return hashBody(article.contentHtml);
}

/**
 * Claims the body for `key`, or returns the key that owns it. Call serially within a batch (two new
 * uploads of one body in one batch: the first in key order owns it).
 */
export async function claimBody(
  store: ClaimStore,
  key: string,
  bodyHash: string,
  claimedInBatch: Map<string, string>,
  /** The key's article record already has this body (a republish, a re-render): its claim most likely exists, so it is read. */
  knownBody = false,
): Promise<string | undefined> {
  const inBatch = claimedInBatch.get(bodyHash);
  if (inBatch !== undefined) return inBatch === key ? undefined : inBatch;
  // A new body is claimed in one request; an existing claim is read only on 412.
  if (!knownBody && (await store.createJson(bodyClaimKey(bodyHash), { bodyHash, key } satisfies BodyClaim))) {
    claimedInBatch.set(bodyHash, key);
    return undefined;
  }
  const claim = await store.readJson<BodyClaim>(bodyClaimKey(bodyHash));
  if (claim && claim.key !== key) {
    const owner = await store.readJson<ArticleRecord>(articleRecordKey(claim.key));
    if (owner?.bodyHash === bodyHash) {
      claimedInBatch.set(bodyHash, claim.key);
      return claim.key;
    }
  }
  claimedInBatch.set(bodyHash, key);
  if (claim?.key !== key) await store.writeJson(bodyClaimKey(bodyHash), { bodyHash, key } satisfies BodyClaim);
  return undefined;
}

/** After the commit: a key that left a body (edited or deleted) gives up its claim on it. */
export async function releaseBody(store: ClaimStore, key: string, bodyHash: string | undefined): Promise<void> {
  if (bodyHash === undefined) return;
  const claim = await store.readJson<BodyClaim>(bodyClaimKey(bodyHash));
  if (claim?.key === key) await store.deleteIndex(bodyClaimKey(bodyHash));
}
