// The Lambda-shaped publish handler, built from its parts: stores, site config, core, and the
// optional CDN invalidation and WebSub ping. handlers/publish.ts builds one from the environment;
// the local stack and the tests build one from their own stores.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { siteUrl } from '../core/site';
import { processQueueBatch, type BatchLog, type QueueBatchDeps } from './batch';
import { cloudFrontInvalidator, invalidate, type CdnInvalidator } from './invalidation';
import type { BatchResult } from './publish';
import { pingHub } from './websub';

export interface PublishHandlerOptions extends Omit<QueueBatchDeps, 'log' | 'afterPublish'> {
  logger?: Logger;
  metrics?: Metrics;
  cloudFront?: { client: CloudFrontClient; distributionId: string };
  /** Image takedowns' invalidator when it is not CloudFront (the local stack's log); default: cloudFront's. */
  cdn?: CdnInvalidator;
}

export type PublishHandler = (event: SQSEvent, context?: Partial<Context>) => Promise<SQSBatchResponse>;

export function createPublishHandler(options: PublishHandlerOptions): PublishHandler {
  const logger = options.logger ?? new Logger({ serviceName: 'feedpub-publish' });
  const metrics = options.metrics ?? new Metrics({ namespace: 'feedpub', serviceName: 'feedpub-publish' });
  const log: BatchLog = {
    upload: (r) => {
      logger.info('upload', { key: r.key, outcome: r.outcome, ms: r.ms, bytesWritten: r.bytesWritten, ...(r.reason && { reason: r.reason }) });
      if (r.outcome === 'published' || r.outcome === 'updated' || r.outcome === 'deleted') metrics.addMetric('published', MetricUnit.Count, 1);
      else if (r.outcome === 'quarantined') metrics.addMetric('quarantined', MetricUnit.Count, 1);
      else if (r.outcome === 'failed') metrics.addMetric('failed', MetricUnit.Count, 1);
    },
    rejectedMessage: (messageId, reason) => {
      logger.error('unreadable queue message', { messageId, reason });
      metrics.addMetric('failed', MetricUnit.Count, 1);
    },
    batchFailed: (reason, keys) => {
      logger.error('batch not committed; SQS will redeliver', { reason, keys });
      if (keys > 0) metrics.addMetric('failed', MetricUnit.Count, keys);
    },
  };
  const cdn = options.cdn ?? (options.cloudFront && cloudFrontInvalidator(options.cloudFront.client, options.cloudFront.distributionId));
  const afterPublish = async (result: BatchResult): Promise<void> => {
    logger.info('batch', { changedPaths: result.changedPaths.length, stalePaths: result.stalePaths.length, bytesWritten: result.bytesWritten, feedsChanged: result.feedsChanged });
    const { takenDown, pending, invalidation } = result.takedowns;
    if (takenDown.length > 0 || invalidation) logger.info('takedown', { takenDown, ...(invalidation && { invalidation }) });
    if (pending.length > 0) logger.warn('takedowns pending: CDN invalidation not accepted; retried at the next publish', { pending: pending.map((e) => e.path) });
    const jobs: Promise<unknown>[] = [];
    if (options.cloudFront && result.stalePaths.length > 0) {
      const { client, distributionId } = options.cloudFront;
      jobs.push(
        invalidate(client, distributionId, result.stalePaths, `feedpub-${Date.now()}`).catch((error: Error) =>
          logger.warn('CloudFront invalidation failed; pages refresh at max-age', { error: error.message }),
        ),
      );
    }
    const hub = options.config.websubHub;
    if (hub && result.feedsChanged) {
      const feeds = result.feedPaths.map((p) => siteUrl(options.config, p));
      jobs.push(
        pingHub(hub, feeds).then((r) => {
          if (!r.ok) logger.warn('WebSub hub ping failed', { hub, status: r.status, error: r.error });
        }),
      );
    }
    await Promise.all(jobs);
  };
  return async (event, context) => {
    if (context?.functionName) logger.addContext(context as Context);
    try {
      const { response } = await processQueueBatch(event, { ...options, ...(cdn && { cdn }), log, afterPublish });
      return response;
    } finally {
      // A batch of unchanged uploads counts nothing; Powertools would log "No application metrics to publish".
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
