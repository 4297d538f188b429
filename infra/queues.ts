// A queue with its dead-letter queue, as every feedpub queue is made: SSE-SQS (S3 can send to it
// without a KMS key policy), TLS only, and a dead-letter queue of the same kind that keeps what it
// gets for 14 days (the redrive window, docs). Made in the caller's scope, so the logical IDs are
// `${id}Dlq` and `${id}`.
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface QueueWithDeadLettersProps {
  fifo?: boolean;
  /** FIFO only: false when the sender sets each message's deduplication id. */
  contentBasedDeduplication?: boolean;
  visibilityTimeout: Duration;
  /** Deliveries before a message moves to the dead-letter queue. */
  maxReceiveCount: number;
}

export function queueWithDeadLetters(scope: Construct, id: string, props: QueueWithDeadLettersProps): { queue: sqs.Queue; deadLetters: sqs.Queue } {
  const fifo = props.fifo ? { fifo: true } : {};
  const deadLetters = new sqs.Queue(scope, `${id}Dlq`, {
    ...fifo,
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const queue = new sqs.Queue(scope, id, {
    ...fifo,
    ...(props.contentBasedDeduplication !== undefined && { contentBasedDeduplication: props.contentBasedDeduplication }),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout: props.visibilityTimeout,
    deadLetterQueue: { queue: deadLetters, maxReceiveCount: props.maxReceiveCount },
  });
  return { queue, deadLetters };
}
