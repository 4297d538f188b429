// The EventBridge Scheduler edge with a fake client: one one-time schedule per key in the group,
// an at() expression in UTC, a target input the pipeline reads back as the key's S3 event.
import { describe, expect, it } from 'vitest';
import { parseS3Notification } from '../../../functions/pipeline/events';
import { atExpression, AwsScheduler, scheduleNameFor } from '../../../functions/pipeline/scheduler-aws';

type Sent = { name: string; input: Record<string, any> };

function fakeClient(fail: (name: string) => string | undefined = () => undefined) {
  const sent: Sent[] = [];
  return {
    sent,
    client: {
      send: async (command: { constructor: { name: string }; input: Record<string, any> }) => {
        sent.push({ name: command.constructor.name, input: command.input });
        const error = fail(command.constructor.name);
        if (error) throw Object.assign(new Error(error), { name: error });
        return {};
      },
    } as any,
  };
}

const options = { groupName: 'held', targetArn: 'arn:aws:sqs:eu-west-1:123456789012:events', roleArn: 'arn:aws:iam::123456789012:role/s', uploadsBucket: 'uploads' };

describe('AwsScheduler', () => {
  it('creates a one-time schedule whose input is the key as an S3 event', async () => {
    const fake = fakeClient();
    const at = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await new AwsScheduler({ client: fake.client, ...options }).schedule('news/a b+c.txt', at);
    const [call] = fake.sent;
    expect(call?.name).toBe('CreateScheduleCommand');
    expect(call?.input).toMatchObject({ GroupName: 'held', ScheduleExpression: `at(${at.slice(0, 19)})`, ScheduleExpressionTimezone: 'UTC', ActionAfterCompletion: 'DELETE', FlexibleTimeWindow: { Mode: 'OFF' } });
    expect(call?.input.Name).toMatch(/^[0-9a-zA-Z_.-]{1,64}$/);
    expect(call?.input.Target).toMatchObject({ Arn: options.targetArn, RoleArn: options.roleArn });
    const parsed = parseS3Notification(call?.input.Target.Input);
    expect(parsed.ok && parsed.value.map((c) => [c.bucket, c.key, c.kind])).toEqual([['uploads', 'news/a b+c.txt', 'created']]);
  });

  it('moves an existing schedule (conflict -> update) and cancels idempotently', async () => {
    const fake = fakeClient((name) => (name === 'CreateScheduleCommand' ? 'ConflictException' : name === 'DeleteScheduleCommand' ? 'ResourceNotFoundException' : undefined));
    const scheduler = new AwsScheduler({ client: fake.client, ...options });
    await scheduler.schedule('k.txt', new Date(Date.now() + 3_600_000).toISOString());
    await scheduler.cancel('k.txt');
    expect(fake.sent.map((s) => s.name)).toEqual(['CreateScheduleCommand', 'UpdateScheduleCommand', 'DeleteScheduleCommand']);
    expect(fake.sent[2]?.input).toEqual({ Name: scheduleNameFor('k.txt'), GroupName: 'held' });
  });

  it('other faults propagate (the batch is redelivered)', async () => {
    const fake = fakeClient(() => 'ThrottlingException');
    await expect(new AwsScheduler({ client: fake.client, ...options }).schedule('k.txt', new Date().toISOString())).rejects.toThrow('ThrottlingException');
  });

  it('at() is whole seconds in UTC', () => {
    expect(atExpression('2031-05-06T07:08:09.123Z')).toBe('at(2031-05-06T07:08:09)');
    expect(atExpression('2031-05-06T09:08:09+02:00')).toBe('at(2031-05-06T07:08:09)');
  });
});
