// The stack's alarms, made one way: over a threshold in one five-minute period, missing data is not
// a breach, and every alarm notifies the same action (the alarm topic).
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

const period = Duration.minutes(5);

export class Alarms {
  constructor(
    private readonly scope: Construct,
    private readonly action: cloudwatch.IAlarmAction,
  ) {}

  /** Alarms when `metric` is over `threshold` (logical ID `id`, in the scope given). */
  over(id: string, description: string, metric: cloudwatch.IMetric, threshold: number): void {
    new cloudwatch.Alarm(this.scope, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(this.action);
  }

  /** Any message in a dead-letter queue. */
  deadLetters(id: string, description: string, queue: sqs.IQueue): void {
    this.over(id, description, queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }), 0);
  }

  /** The oldest message in `queue` has waited more than `seconds`. */
  oldestMessage(id: string, description: string, queue: sqs.IQueue, seconds: number): void {
    this.over(id, description, queue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' }), seconds);
  }

  /** Any invocation of `fn` that threw or timed out. */
  errors(id: string, description: string, fn: lambda.IFunction): void {
    this.over(id, description, fn.metricErrors({ period, statistic: 'Sum' }), 0);
  }
}
