// The republish state machine as synthesized, run: its definition (CDK synth, tokens resolved to the
// local buckets) executes in aws-local-stepfunctions, an independent ASL interpreter, with the Lambda
// handlers of functions/handlers/republish.ts and functions/handlers/publish.ts over the local S3
// server. The publish handler answers each chunk's task token through the real Step Functions client,
// pointed at a local endpoint. Distributed Map parts the interpreter lacks are emulated
// (tests/support/local-step-functions.ts). Checked: a cold run publishes every upload and every output
// equals a render from the index; a second run writes nothing; a failed ingest batch is tolerated and
// reported; a failed chunk ends in FinishAfterFailure and the execution fails with the report.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { XMLParser } from 'fast-xml-parser';
import type { SQSEvent, SQSBatchResponse } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedpubApp, PROJECT_ROOT } from '../../infra/feedpub-app';
import { startLocalS3, type LocalS3 } from '../../functions/local/s3server';
import { parseSiteConfig } from '../../functions/core/site';
import { defaultCore } from '../../functions/pipeline/default-core';
import { checkOutputsAgainstIndex } from '../../functions/pipeline/verify-outputs';
import type { RunReport } from '../../functions/pipeline/republish-steps';
import type { SiteConfig } from '../../functions/core/model';
import { emulatedStateHandlers, lowerForLocalRun } from '../support/local-step-functions';
import { logicalId, stateMachineDefinition, type AslDefinition } from '../support/state-machine-definition';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';

const CDK_JSON_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const CHUNK_KEYS = 3;
const SITE = { title: 'State Machine Gazette', baseUrl: 'https://gazette.example.com', feedSize: 4 };

let dataDir: string;
let cdkOut: string;
let s3: LocalS3;
let definition: AslDefinition;
let site: SiteConfig;
let sfnEndpoint: Server;
/** Task tokens the publish handler answered (SendTaskSuccess / SendTaskFailure), by token. */
const answers = new Map<string, { resolve: (output: unknown) => void; reject: (error: Error) => void }>();
let republishHandlers: typeof import('../../functions/handlers/republish');
let publishHandler: (event: SQSEvent) => Promise<SQSBatchResponse>;

function article(n: number): string {
  const date = new Date(Date.parse('2026-05-20T08:00:00Z') + n * 5 * 86_400_000).toISOString();
  return `Harbour report ${n}\nDate: ${date}\nAuthor: Desk\n\nThe harbour report number ${n}, with enough words to be an article.\n`;
}

/** A local Step Functions endpoint for the two calls the publish function makes (AWS JSON 1.0 protocol). */
function startSfnEndpoint(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = JSON.parse(body || '{}') as { taskToken?: string; output?: string; error?: string; cause?: string };
      const waiting = answers.get(input.taskToken ?? '');
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      if (!waiting) {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'com.amazonaws.sfn#TaskDoesNotExist', message: 'unknown task token' }));
        return;
      }
      answers.delete(input.taskToken as string);
      if (target.endsWith('.SendTaskSuccess')) waiting.resolve(JSON.parse(input.output ?? 'null'));
      else waiting.reject(Object.assign(new Error(input.cause ?? ''), { name: input.error ?? 'TaskFailed' }));
      res.end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface RunOptions {
  /** Fault injection: an ingest batch whose keys include this one fails as a Lambda crash would. */
  crashIngestOf?: string;
  /** Fault injection: this chunk's message is never committed (it would land in the DLQ). */
  failChunk?: number;
}

let executions = 0;
/** Task tokens of the chunk messages sent, in order. */
const sentTokens: string[] = [];
async function runStateMachine(options: RunOptions = {}): Promise<{ output?: unknown; error?: { name: string; message: string; cause?: unknown }; states: string[] }> {
  const { StateMachine } = await import('aws-local-stepfunctions');
  const lowered = lowerForLocalRun(definition);
  const execution = `local-run-${++executions}`;
  const emulate = emulatedStateHandlers({ [s3.uploadsBucket]: s3.uploads, [s3.siteBucket]: s3.siteStore }, execution);
  let tokens = 0;
  const handlers: Record<string, (input: any) => Promise<any>> = {
    IngestBatch: async (input: { Items: { Key: string }[] }) => {
      if (options.crashIngestOf && input.Items.some((i) => i.Key === options.crashIngestOf)) {
        throw Object.assign(new Error('Task timed out after 300.00 seconds'), { name: 'Sandbox.Timedout' });
      }
      return republishHandlers.ingestHandler(input as never);
    },
    SweepPrepared: () => republishHandlers.sweepHandler(),
    PlanChunks: (input: { run: string }) => republishHandlers.planHandler(input),
    Finish: (input) => republishHandlers.finishHandler(input),
    FinishAfterFailure: (input) => republishHandlers.finishHandler(input),
    // sqs:sendMessage.waitForTaskToken: the message goes to the publish function as SQS delivers it
    // (FIFO, one group); the task ends when the function answers the token.
    PublishChunk: async (input: { QueueUrl: string; MessageBody: { feedpubRepublishChunk: { taskToken: string; index: number } }; MessageGroupId: string; MessageDeduplicationId: string }) => {
      const token = input.MessageBody.feedpubRepublishChunk.taskToken;
      sentTokens.push(token);
      const answered = new Promise((resolve, reject) => answers.set(token, { resolve, reject }));
      if (options.failChunk === input.MessageBody.feedpubRepublishChunk.index) {
        answers.delete(token);
        // Redelivered until the DLQ takes it; the task then times out (TimeoutSeconds).
        throw Object.assign(new Error('Task timed out'), { name: 'States.Timeout' });
      }
      const result = await publishHandler({
        Records: [
          {
            messageId: `m-${execution}-${++tokens}`,
            receiptHandle: 'r',
            body: JSON.stringify(input.MessageBody),
            attributes: {
              ApproximateReceiveCount: '1',
              SentTimestamp: String(Date.now()),
              SenderId: 'states',
              ApproximateFirstReceiveTimestamp: String(Date.now()),
              MessageGroupId: input.MessageGroupId,
              MessageDeduplicationId: input.MessageDeduplicationId,
            },
            messageAttributes: {},
            md5OfBody: '',
            eventSource: 'aws:sqs',
            eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:publish.fifo',
            awsRegion: 'us-east-1',
          },
        ],
      } as SQSEvent);
      expect(result.batchItemFailures).toEqual([]);
      return answered;
    },
  };
  for (const [name, kind] of Object.entries(lowered.emulated)) handlers[name] = emulate[kind] as (input: any) => Promise<any>;
  const machine = new StateMachine(lowered.definition as never, { validationOptions: { checkArn: true, checkPaths: true } });
  const states: string[] = [];
  // Each task gets its own token, as Step Functions gives ($$.Task.Token).
  const context = {
    Execution: { Name: execution, Id: `arn:aws:states:us-east-1:123456789012:execution:republish:${execution}`, Input: {} },
    Task: {
      get Token() {
        return `${execution}-token-${++tokens}`;
      },
    },
  };
  const run = machine.run({}, { overrides: { taskResourceLocalHandlers: handlers as never }, context: context as never });
  const logs = (async () => {
    for await (const event of run.eventLogs) if (event.type === 'StateEntered') states.push(event.state.name);
  })();
  try {
    const output = await run.result;
    await logs;
    return { output, states };
  } catch (error) {
    await logs.catch(() => undefined);
    const e = error as Error & { cause?: unknown };
    return { error: { name: e.name, message: e.message, cause: e.cause }, states };
  }
}

/** Every object of the site bucket outside the run files: key -> ETag and LastModified. */
async function siteSnapshot(): Promise<Map<string, string>> {
  const keys = (await s3.siteStore.list('')).filter((k) => !k.startsWith('_feedpub/republish/runs/'));
  const out = new Map<string, string>();
  for (const key of keys) {
    const head = await s3.siteStore.head(key);
    out.set(key, `${head?.etag} ${head?.lastModified}`);
  }
  return out;
}

beforeAll(async () => {
  // Promise.withResolvers is Node 22's; the interpreter calls it (the project still runs on Node 20).
  (Promise as unknown as { withResolvers?: unknown }).withResolvers ??= () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((a, b) => ((resolve = a), (reject = b)));
    return { promise, resolve, reject };
  };
  dataDir = await mkdtemp(join(tmpdir(), 'feedpub-sfn-data-'));
  cdkOut = await mkdtemp(join(tmpdir(), 'feedpub-sfn-cdk-'));
  s3 = await startLocalS3({ port: 0, dataDir });
  sfnEndpoint = await startSfnEndpoint();
  // The definition as deployed; asset bundling is not needed to read it.
  const built = createFeedpubApp({ context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [] }, outdir: cdkOut });
  if (!built.ok) throw new Error(built.error);
  const template = Template.fromStack(built.value.stack);
  definition = stateMachineDefinition(template, {
    [logicalId(built.value.stack, built.value.stack.uploads as never)]: s3.uploadsBucket,
    [logicalId(built.value.stack, built.value.stack.site as never)]: s3.siteBucket,
  });
  const parsed = parseSiteConfig(SITE);
  if (!parsed.ok) throw new Error(parsed.error);
  site = parsed.value;
  // The handlers' environment as the stack sets it, over the local S3 server and Step Functions endpoint.
  Object.assign(process.env, {
    UPLOADS_BUCKET: s3.uploadsBucket,
    SITE_BUCKET: s3.siteBucket,
    SITE_CONFIG: JSON.stringify(SITE),
    BASE_URL: SITE.baseUrl,
    S3_ENDPOINT: s3.endpoint,
    REPUBLISH_CHUNK_SIZE: String(CHUNK_KEYS),
    AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${(sfnEndpoint.address() as AddressInfo).port}`,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'LOCAL',
    AWS_SECRET_ACCESS_KEY: 'LOCAL',
  });
  republishHandlers = await import('../../functions/handlers/republish');
  publishHandler = (await import('../../functions/handlers/publish')).handler as never;
  for (let n = 0; n < 8; n++) await s3.uploads.put(`desk/report-${n}.txt`, article(n));
  // Not an upload the live pipeline is notified for: the ingest map skips it.
  await s3.uploads.put('desk/notes.docx', 'not an article');
}, 240_000);

afterAll(async () => {
  await new Promise((r) => sfnEndpoint?.close(r));
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(cdkOut, { recursive: true, force: true });
});

describe('the republish state machine, run locally', () => {
  it('a cold run ingests every upload in batches, publishes in chunks through the publish function, and succeeds with the report', async () => {
    const run = await runStateMachine();
    expect(run.error).toBeUndefined();
    const report = run.output as RunReport;
    expect(report.ok).toBe(true);
    expect(report.ingest.verdicts).toMatchObject({ skipped: 1 });
    expect(Object.values(report.ingest.verdicts).reduce((a, b) => a + (b ?? 0), 0)).toBe(9);
    expect(report.ingest.failed).toEqual([]);
    // 8 articles in chunks of 3 (month-grouped): at least 3 chunks, every key published once.
    expect(report.publish.chunks).toBeGreaterThanOrEqual(3);
    expect(Object.values(report.publish.outcomes).reduce((a, b) => a + (b ?? 0), 0)).toBe(8);
    expect(report.publish.changedPaths).toBeGreaterThan(8);
    expect(run.states.filter((s) => s === 'PublishChunk')).toHaveLength(report.publish.chunks);
    expect(new Set(sentTokens).size).toBe(report.publish.chunks);
    expect(run.states).toContain('Republished');
    expect(run.states).not.toContain('FinishAfterFailure');
    // The report is also stored beside the run's files.
    expect(await s3.siteStore.head(`_feedpub/republish/runs/${report.run}/report.json`)).toBeDefined();
    // Read back with an independent parser: the head feed lists the newest feedSize articles.
    const rss = new XMLParser().parse(Buffer.from((await s3.siteStore.get('feed.xml'))?.bytes ?? []).toString('utf8'));
    const titles = [rss.rss.channel.item].flat().map((i: { title: string }) => i.title);
    expect(titles).toEqual(['Harbour report 7', 'Harbour report 6', 'Harbour report 5', 'Harbour report 4']);
    const check = await checkOutputsAgainstIndex(s3.siteStore, site, defaultCore, new Date().toISOString());
    expect(check.mismatches).toEqual([]);
    expect(check.checked).toBeGreaterThan(8);
  }, 180_000);

  it('a second run of the unchanged site writes nothing outside its run files', async () => {
    const before = await siteSnapshot();
    const writes: string[] = [];
    const off = s3.onEvent((record) => {
      if (record.s3.bucket.name === s3.siteBucket && !record.s3.object.key.startsWith('_feedpub/republish/runs/')) writes.push(`${record.eventName} ${record.s3.object.key}`);
    });
    const run = await runStateMachine();
    off();
    expect(run.error).toBeUndefined();
    const report = run.output as RunReport;
    expect(report.ok).toBe(true);
    expect(report.publish.changedPaths).toBe(0);
    expect(report.replacedCached).toBe(false);
    expect(writes).toEqual([]);
    expect(await siteSnapshot()).toEqual(before);
  }, 180_000);

  it('a crashed ingest batch is tolerated (ToleratedFailureCount): its keys are in the report with the error, the run succeeds', async () => {
    const run = await runStateMachine({ crashIngestOf: 'desk/report-3.txt' });
    expect(run.error).toBeUndefined();
    const report = run.output as RunReport;
    expect(report.ingest.failedBatches).toBe(1);
    // One batch holds the whole (small) listing: every listed key is reported with the crash.
    expect(report.ingest.failed.map((f) => f.key)).toContain('desk/report-3.txt');
    expect(report.ingest.failed[0]?.reason).toMatch(/Sandbox\.Timedout/);
    expect(report.ok).toBe(true);
  }, 180_000);

  it('a chunk that is never committed fails the run through FinishAfterFailure, with the report as the cause', async () => {
    const run = await runStateMachine({ failChunk: 1 });
    expect(run.states).toContain('FinishAfterFailure');
    expect(run.states).toContain('RepublishFailed');
    expect(run.states).not.toContain('Finish');
    expect(run.error).toBeDefined();
    // The Fail state's error, and its cause: the report (not ok, with the failed chunk's error).
    expect((run.error?.cause as { name?: string } | undefined)?.name).toBe('RepublishFailed');
    const message = run.error?.message ?? '';
    const report = JSON.parse(message.slice(message.indexOf('{'))) as RunReport;
    expect(report.ok).toBe(false);
    expect(report.ingest.verdicts).toMatchObject({ skipped: 1 });
    expect(report.error).toMatch(/tolerated failure threshold.*States\.Timeout/);
    // The real counts, against the plan file the map read. The emulated map runs every child before
    // it judges the failure threshold (AWS stops starting children), so here chunks 0 and 2.. are
    // committed; chunk 1 failed with the map's error, and exactly its keys are not republished.
    const plan = JSON.parse(Buffer.from((await s3.siteStore.get(`_feedpub/republish/runs/${report.run}/chunks.json`))?.bytes ?? []).toString('utf8')) as { index: number; keys: string[] }[];
    expect(plan.length).toBeGreaterThanOrEqual(3);
    expect(report.publish.plannedChunks).toBe(plan.length);
    expect(report.publish.chunks).toBe(plan.length - 1);
    expect(report.publish.failedChunks).toEqual([{ index: 1, keys: plan[1]?.keys.length, reason: report.error }]);
    expect(report.publish.chunksNotSent).toBe(0);
    const notRepublished = plan[1]?.keys ?? [];
    expect(notRepublished.length).toBeGreaterThan(0);
    expect(report.publish.notRepublished).toMatchObject({ count: notRepublished.length, keys: notRepublished });
    expect(JSON.parse(Buffer.from((await s3.siteStore.get(report.publish.notRepublished.file))?.bytes ?? []).toString('utf8'))).toEqual(notRepublished);
    // The committed chunks' outcomes are summed: every planned key but the failed chunk's.
    const planned = plan.reduce((n, c) => n + c.keys.length, 0);
    expect(Object.values(report.publish.outcomes).reduce((a, b) => a + (b ?? 0), 0)).toBe(planned - notRepublished.length);
  }, 180_000);
});
