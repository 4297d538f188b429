// `feedpub republish --endpoint aws`: starts the republish state machine (infra/republish.ts) and
// waits for its result. Only this file talks to Step Functions; tests give it a mocked client.
import { DescribeExecutionCommand, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';

export interface AwsRepublishResult {
  executionArn: string;
  status: string;
  /** The run report (the state machine's output), when it succeeded. */
  output?: unknown;
  error?: string;
  cause?: string;
}

const DONE = new Set(['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

export async function republishAws(options: {
  client: Pick<SFNClient, 'send'>;
  stateMachineArn: string;
  pollMs?: number;
  onStarted?: (executionArn: string) => void;
  sleep?: (ms: number) => Promise<void>;
}): Promise<AwsRepublishResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = await options.client.send(new StartExecutionCommand({ stateMachineArn: options.stateMachineArn, input: JSON.stringify({ reason: 'feedpub republish' }) }));
  const executionArn = started.executionArn;
  if (!executionArn) throw new Error('Step Functions started no execution (no executionArn in the answer)');
  options.onStarted?.(executionArn);
  for (;;) {
    const described = await options.client.send(new DescribeExecutionCommand({ executionArn }));
    const status = described.status ?? 'UNKNOWN';
    if (DONE.has(status)) {
      return {
        executionArn,
        status,
        ...(described.output !== undefined && { output: JSON.parse(described.output) as unknown }),
        ...(described.error !== undefined && { error: described.error }),
        ...(described.cause !== undefined && { cause: described.cause }),
      };
    }
    await sleep(options.pollMs ?? 5000);
  }
}
