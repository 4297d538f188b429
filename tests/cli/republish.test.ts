// `feedpub republish` as a person runs it: the real CLI in a child process (no terminal, so plain
// progress lines) against a real local stack; the AWS path through republishAws with a fake Step
// Functions client (the only mocked part: the AWS call).
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { Logger } from '@aws-lambda-powertools/logger';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineProgress, wantsBar } from '../../functions/cli/republish-progress';
import { republishAws } from '../../functions/cli/republish-aws';
import { startLocalStack, type LocalStack } from '../../functions/local/stack';
import { runFeedpub } from '../support/cli';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const CONTENT = join(import.meta.dirname, '../../content');

// CI='': the output must not depend on whether the suite itself runs in CI (republish-progress reads CI).
const feedpub = (args: string[], env: Record<string, string> = {}) => runFeedpub(args, { env: { CI: '', ...env } });

let dataDir: string;
let stack: LocalStack;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-cli-republish-'));
  stack = await startLocalStack({ port: 0, s3Port: 0, dataDir, contentDir: CONTENT, logger: new Logger({ logLevel: 'SILENT' }) });
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('feedpub republish (local stack)', () => {
  it('prints plain progress lines when not on a terminal, then the report', async () => {
    const out = await feedpub(['republish', '--site', stack.devServer.url, '--chunk-size', '4']);
    expect(out.stderr).toContain('listing uploads...');
    expect(out.stderr).toMatch(/^ingest 0\/\d+ \(0%\)$/m);
    expect(out.stderr).toMatch(/^publish (\d+)\/\1 \(100%\)$/m);
    const uploads = (await stack.s3.uploads.list('')).length;
    expect(out.stdout).toMatch(new RegExp(`^republished ${uploads} uploads in (\\d+) of \\1 chunks`, 'm'));
    expect(out.code).toBe(0);
  }, 120_000);

  it('--json prints the report; a second run of the unchanged site changed nothing', async () => {
    const out = await feedpub(['republish', '--site', stack.devServer.url, '--json']);
    const report = JSON.parse(out.stdout) as { changedPaths: number; uploads: number; ingest: Record<string, number> };
    expect(report.changedPaths).toBe(0);
    expect(report.ingest['already-prepared']).toBe(report.uploads);
  }, 120_000);

  it('says how to start the stack when none answers', async () => {
    // A port that was free a moment ago (fetch refuses well-known ports such as 9 outright).
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const out = await feedpub(['republish', '--site', `http://127.0.0.1:${port}`]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`no local stack answers at http://127.0.0.1:${port}: start it with \`npm start\``);
  });

  it('the control endpoint refuses a request without the control header (a web page cannot start it)', async () => {
    const res = await fetch(`${stack.devServer.url}/_feedpub/republish`, { method: 'POST' });
    expect(res.status).toBe(403);
    const get = await fetch(`${stack.devServer.url}/_feedpub/republish`);
    expect(get.status).toBe(405);
    // DNS rebinding: the page's host name, not localhost, in the Host header (fetch cannot set it; http can).
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = request(`${stack.devServer.url}/_feedpub/republish`, { method: 'POST', headers: { 'x-feedpub-control': 'republish', host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(rebound).toBe(403);
  });

  it('--endpoint aws without a state machine ARN is a usage error', async () => {
    const out = await feedpub(['republish', '--endpoint', 'aws'], { FEEDPUB_REPUBLISH_STATE_MACHINE: '' });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--state-machine ARN');
  });
});

describe('progress lines', () => {
  it('one line per tenth of a phase, and a bar only on a terminal outside CI', () => {
    const lines: string[] = [];
    const view = lineProgress((l) => lines.push(l));
    view.update({ phase: 'list', done: 0, total: 0 });
    for (let i = 0; i <= 1000; i++) view.update({ phase: 'ingest', done: i, total: 1000 });
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe('listing uploads...');
    expect(lines.at(-1)).toBe('ingest 1000/1000 (100%)');
    expect(wantsBar({ isTTY: true }, {})).toBe(true);
    expect(wantsBar({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(wantsBar({ isTTY: false }, {})).toBe(false);
  });
});

describe('republishAws (Step Functions client faked)', () => {
  it('starts the execution, polls until it ends, and returns its ARN, status and report', async () => {
    const sent: unknown[] = [];
    const statuses = ['RUNNING', 'RUNNING', 'SUCCEEDED'];
    const client = {
      send: async (command: unknown) => {
        sent.push(command);
        if (command instanceof StartExecutionCommand) return { executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:Republish:run-1' };
        if (command instanceof DescribeExecutionCommand) {
          const status = statuses.shift();
          return { status, ...(status === 'SUCCEEDED' && { output: JSON.stringify({ run: 'run-1', ok: true }) }) };
        }
        throw new Error('unexpected command');
      },
    };
    const started: string[] = [];
    const result = await republishAws({ client: client as never, stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:Republish', onStarted: (a) => started.push(a), sleep: async () => {} });
    expect(started).toEqual(['arn:aws:states:eu-west-1:123456789012:execution:Republish:run-1']);
    expect(result).toEqual({ executionArn: started[0], status: 'SUCCEEDED', output: { run: 'run-1', ok: true } });
    expect((sent[0] as StartExecutionCommand).input.stateMachineArn).toBe('arn:aws:states:eu-west-1:123456789012:stateMachine:Republish');
    expect(sent.filter((c) => c instanceof DescribeExecutionCommand)).toHaveLength(3);
  });

  it('a failed execution comes back with its error and cause', async () => {
    const client = {
      send: async (command: unknown) =>
        command instanceof StartExecutionCommand ? { executionArn: 'arn:x' } : { status: 'FAILED', error: 'RepublishFailed', cause: '{"ok":false}' },
    };
    const result = await republishAws({ client: client as never, stateMachineArn: 'arn:sm', sleep: async () => {} });
    expect(result).toEqual({ executionArn: 'arn:x', status: 'FAILED', error: 'RepublishFailed', cause: '{"ok":false}' });
  });
});
