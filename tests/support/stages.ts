// Both pipeline stages in one call, as the queues chain them: ingest every key (one at a time, so
// fault-injection kill points are reproducible), then one publish batch. The crash sweeps run this,
// so a kill can land on any write of either stage.
import { ingestKeys } from '../../functions/pipeline/ingest';
import { publishBatch, type BatchResult, type PublishDeps } from '../../functions/pipeline/publish';

export async function ingestAndPublish(deps: PublishDeps, keys: readonly string[]): Promise<BatchResult> {
  await ingestKeys({ uploads: deps.uploads, records: deps.site, config: deps.config, core: deps.core, ...(deps.now && { now: deps.now }) }, keys, 1);
  return publishBatch(deps, keys);
}
