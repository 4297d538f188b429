// Both pipeline stages in one call, as the queues chain them: ingest every key (one at a time, so
// fault-injection kill points are reproducible), then one publish batch. The crash sweeps run this,
// so a kill can land on any write of either stage.
import { Logger } from '@aws-lambda-powertools/logger';
import { ingestKeys, type IngestDeps } from '../../functions/pipeline/ingest';
import { createIngestHandler } from '../../functions/pipeline/ingest-lambda';
import type { PublishHandler } from '../../functions/pipeline/lambda';
import { publishBatch, type BatchResult, type PublishDeps } from '../../functions/pipeline/publish';

export async function ingestAndPublish(deps: PublishDeps, keys: readonly string[]): Promise<BatchResult> {
  await ingestKeys({ uploads: deps.uploads, records: deps.siteStore, config: deps.config, core: deps.core, ...(deps.now && { now: deps.now }) }, keys, 1);
  return publishBatch(deps, keys);
}

/** A publish handler preceded by the ingest handler on the same event: both stages, one call. */
export function ingestingFirst(publish: PublishHandler, deps: Omit<IngestDeps, 'parse'>): PublishHandler {
  const ingest = createIngestHandler({ ...deps, logger: new Logger({ logLevel: 'SILENT' }), sendToPublish: async () => {} });
  return async (event, context) => {
    const ingested = await ingest(event);
    if (ingested.batchItemFailures.length > 0) return ingested;
    return publish(event, context);
  };
}
