// The Lambda-shaped ingest handler: standard-queue messages (S3 notifications, batch size 1) ->
// prepared records -> the same notification forwarded to the FIFO publish queue. handlers/ingest.ts
// builds one from the environment; the local stack and tests build one from their own stores.
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseS3Notification } from './events';
import { ingestKey, type IngestDeps } from './ingest';

export type IngestHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

export interface IngestHandlerOptions extends IngestDeps {
  /** Events from any other bucket are ignored. */
  uploadsBucket?: string;
  /** Sends a notification body to the publish queue (SQS SendMessage in AWS, the local FIFO queue here). */
  sendToPublish(body: string): Promise<void>;
  /**
   * The ingest queue's maxReceiveCount. On the last receive the earlier attempts never finished (a
   * timeout or crash takes the parse down with the invocation), so the upload is quarantined
   * without parsing it again: a pathological file ends with a reason, not in the DLQ.
   */
  maxReceiveCount?: number;
  /** The function timeout, named in that quarantine reason. */
  timeoutSeconds?: number;
  logger?: Logger;
}

export function createIngestHandler(options: IngestHandlerOptions): IngestHandler {
  const logger = options.logger ?? new Logger({ serviceName: 'feedpub-ingest' });
  return async (event) => {
    const failures: string[] = [];
    for (const record of event.Records) {
      const parsed = parseS3Notification(record.body);
      if (!parsed.ok) {
        // The publish stage reports and dead-letters unreadable messages; ingest has nothing to prepare.
        logger.error('unreadable queue message', { messageId: record.messageId, reason: parsed.error });
        failures.push(record.messageId);
        continue;
      }
      const receives = Number(record.attributes?.ApproximateReceiveCount ?? '1');
      const lastReceive = options.maxReceiveCount !== undefined && receives >= options.maxReceiveCount;
      try {
        const changes = parsed.value.filter((c) => !options.uploadsBucket || c.bucket === options.uploadsBucket);
        for (const change of changes) {
          // A deletion has nothing to prepare: the key is gone, or uploaded again and that upload's own
          // event prepares it. Skipping it saves the HEAD that would tell so.
          if (change.kind === 'removed') continue;
          const result = await ingestKey(options, change.key, {
            ...(change.size !== undefined && change.etag !== undefined && { version: { size: change.size, etag: change.etag } }),
            ...(lastReceive && {
              abandonedAfter: `ingest did not finish in ${receives - 1} earlier attempts${options.timeoutSeconds ? ` of ${options.timeoutSeconds} s` : ''}: the file is too slow to parse or crashed the parser; upload a fixed version to retry`,
            }),
          });
          logger.info('ingest', { key: result.key, verdict: result.verdict, ms: result.ms, ...(result.reason && { reason: result.reason }) });
        }
        // Deletions and already-prepared versions go on too: the publisher reconciles every key it is sent.
        if (changes.length > 0) await options.sendToPublish(record.body);
      } catch (error) {
        logger.error('ingest failed; SQS will redeliver', { messageId: record.messageId, error: (error as Error).message });
        failures.push(record.messageId);
      }
    }
    return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
