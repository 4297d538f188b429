// CloudFront invalidation of the paths a batch changed, coalesced so a busy batch costs a few
// paths (CloudFront bills per path; a wildcard counts as one).
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { PRIVATE_PREFIX } from '../core/outputs/formats';

const MAX_PATHS = 15;

/** Site paths -> invalidation paths: one wildcard per article/archive folder, everything past MAX_PATHS as "/*". */
export function invalidationPaths(changed: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const path of changed) {
    if (path.startsWith(PRIVATE_PREFIX)) continue;
    const folder = /^(articles\/[^/]+|archive\/[^/]+)\//.exec(path);
    if (folder) paths.add(`/${folder[1]}/*`);
    else if (path.endsWith('index.html')) {
      paths.add(`/${path}`);
      paths.add(`/${path.slice(0, -'index.html'.length)}`);
    } else paths.add(`/${path}`);
  }
  const sorted = [...paths].sort();
  return sorted.length > MAX_PATHS ? ['/*'] : sorted;
}

export async function invalidate(client: CloudFrontClient, distributionId: string, changed: readonly string[], reference: string): Promise<string[]> {
  const items = invalidationPaths(changed);
  if (items.length === 0) return items;
  // Loaded on first use: only a deployment with a distribution pays for the CloudFront SDK.
  const { CreateInvalidationCommand } = await import('@aws-sdk/client-cloudfront');
  await client.send(
    new CreateInvalidationCommand({
      DistributionId: distributionId,
      InvalidationBatch: { CallerReference: reference, Paths: { Quantity: items.length, Items: items } },
    }),
  );
  return items;
}

/**
 * Invalidates exact CDN paths for the publisher (image takedowns, docs/takedown.md): CloudFront in AWS,
 * a local log for `npm start`. Resolves with the invalidation's id once the CDN has accepted it.
 */
export interface CdnInvalidator {
  invalidate(paths: readonly string[], reference: string): Promise<string>;
}

export function cloudFrontInvalidator(client: CloudFrontClient, distributionId: string): CdnInvalidator {
  return {
    async invalidate(paths, reference) {
      const { CreateInvalidationCommand } = await import('@aws-sdk/client-cloudfront');
      const result = await client.send(
        new CreateInvalidationCommand({
          DistributionId: distributionId,
          InvalidationBatch: { CallerReference: reference, Paths: { Quantity: paths.length, Items: [...paths] } },
        }),
      );
      return result.Invalidation?.Id ?? reference;
    },
  };
}
