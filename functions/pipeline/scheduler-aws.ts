// EventBridge Scheduler behind PublishScheduler: one one-time schedule per held key, in a dedicated
// group, whose target sends the key's S3-shaped event to the events queue (the ingest stage finds the
// version already prepared and forwards it; the publish stage re-checks the date).
import { createHash } from 'node:crypto';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import { CreateScheduleCommand, DeleteScheduleCommand, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { rfc3339 } from '../core/instant';
import { s3NotificationBody } from './events';
import type { PublishScheduler } from './scheduler';

export interface AwsSchedulerOptions {
  client: Pick<SchedulerClient, 'send'>;
  groupName: string;
  /** The events queue ARN and the role the scheduler sends with. */
  targetArn: string;
  roleArn: string;
  uploadsBucket: string;
}

/** Schedule names allow 64 characters of [0-9a-zA-Z-_.]; keys do not, so the name is a hash. */
export function scheduleNameFor(key: string): string {
  return `held-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 48)}`;
}

/** at(yyyy-mm-ddThh:mm:ss) in UTC, whole seconds. */
export function atExpression(at: string): string {
  return `at(${rfc3339(at).slice(0, -1)})`;
}

export class AwsScheduler implements PublishScheduler {
  constructor(private readonly options: AwsSchedulerOptions) {}

  async schedule(key: string, at: string): Promise<void> {
    const { groupName, targetArn, roleArn, uploadsBucket } = this.options;
    const input = {
      Name: scheduleNameFor(key),
      GroupName: groupName,
      ScheduleExpression: atExpression(at),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' as const },
      ActionAfterCompletion: 'DELETE' as const,
      Target: { Arn: targetArn, RoleArn: roleArn, Input: s3NotificationBody({ bucket: uploadsBucket, key, eventName: 'ObjectCreated:Put', eventTime: at }) },
    };
    try {
      await this.options.client.send(new CreateScheduleCommand(input));
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConflictException') throw error;
      await this.options.client.send(new UpdateScheduleCommand(input));
    }
  }

  async cancel(key: string): Promise<void> {
    try {
      await this.options.client.send(new DeleteScheduleCommand({ Name: scheduleNameFor(key), GroupName: this.options.groupName }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
    }
  }
}
