// SQS batch -> one publish -> partial batch response. Two-phase on purpose: every record is read
// and parsed first, then the batch is committed with one index update and one render, so a record
// only succeeds once that shared commit has happened.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseS3Notification } from './events';
import { publishBatch, type BatchResult, type KeyResult, type PublishDeps } from './publish';
import { parseRepublishChunk, publishChunk, type ChunkReport, type RepublishChunk } from './republish-chunk';

export interface BatchLog {
  upload(result: KeyResult): void;
  rejectedMessage(messageId: string, reason: string): void;
  batchFailed(reason: string, keys: number): void;
}

export interface QueueBatchDeps extends PublishDeps {
  /** Events from any other bucket are ignored (a misrouted notification must not publish). */
  uploadsBucket?: string;
  log?: BatchLog;
  /** Runs after a commit: CDN invalidation, WebSub ping. Its failure does not fail the batch. */
  afterPublish?: (result: BatchResult) => Promise<void>;
  /**
   * Told of each committed republish chunk (AWS: answers its Step Functions task token). A throw
   * fails the message, so the chunk (idempotent) is published and reported again.
   */
  onRepublishChunk?: (chunk: RepublishChunk, report: ChunkReport) => Promise<void>;
  /** Told why a chunk was not committed (the queue only learns that it failed): the run report says why. */
  onRepublishChunkFailed?: (chunk: RepublishChunk, reason: string) => Promise<void>;
}

export interface QueueBatchOutcome {
  response: SQSBatchResponse;
  result?: BatchResult;
}

export async function processQueueBatch(event: SQSEvent, deps: QueueBatchDeps): Promise<QueueBatchOutcome> {
  const failures = new Set<string>();
  const messagesByKey = new Map<string, string[]>();
  const chunks: { messageId: string; chunk: RepublishChunk }[] = [];
  for (const record of event.Records) {
    const chunk = parseRepublishChunk(record.body);
    if (chunk?.ok) {
      chunks.push({ messageId: record.messageId, chunk: chunk.chunk });
      continue;
    }
    const parsed = chunk ?? parseS3Notification(record.body);
    if (!parsed.ok) {
      // Retrying cannot fix a malformed message; failing it lands it in the DLQ where it is seen.
      failures.add(record.messageId);
      deps.log?.rejectedMessage(record.messageId, parsed.error);
      continue;
    }
    for (const change of parsed.value) {
      if (deps.uploadsBucket && change.bucket !== deps.uploadsBucket) continue;
      const ids = messagesByKey.get(change.key) ?? [];
      ids.push(record.messageId);
      messagesByKey.set(change.key, ids);
    }
  }
  let result: BatchResult | undefined;
  if (messagesByKey.size > 0) {
    try {
      result = await publishBatch(deps, [...messagesByKey.keys()]);
      for (const r of result.results) {
        // One line per upload: keys the batch only looked at (an image's sidecar article in every
        // spelling, mostly absent; an article re-rendered for its image) are not uploads, unless they failed.
        if (messagesByKey.has(r.key) || r.outcome === 'failed') deps.log?.upload(r);
        if (r.outcome === 'failed') for (const id of messagesByKey.get(r.key) ?? []) failures.add(id);
      }
    } catch (error) {
      // Nothing is acknowledged when the commit did not finish: SQS redelivers, the redo converges.
      deps.log?.batchFailed((error as Error).message ?? String(error), messagesByKey.size);
      for (const ids of messagesByKey.values()) for (const id of ids) failures.add(id);
    }
  }
  if (result && deps.afterPublish) {
    try {
      await deps.afterPublish(result);
    } catch (error) {
      deps.log?.batchFailed(`after publish: ${(error as Error).message}`, 0);
    }
  }
  // After the live uploads of the batch: they never wait behind the chunk they arrived with. The
  // run's one CDN invalidation and hub ping come at its end (one path, not one per page).
  for (const { messageId, chunk } of chunks) {
    try {
      const { report } = await publishChunk(deps, chunk);
      await deps.onRepublishChunk?.(chunk, report);
    } catch (error) {
      const reason = (error as Error).message ?? String(error);
      deps.log?.batchFailed(`republish chunk ${chunk.index}: ${reason}`, chunk.keys.length);
      failures.add(messageId);
      await deps.onRepublishChunkFailed?.(chunk, reason).catch(() => undefined);
    }
  }
  return { response: { batchItemFailures: [...failures].map((itemIdentifier) => ({ itemIdentifier })) }, ...(result && { result }) };
}
