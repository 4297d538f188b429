// The republish state machine: the whole site ingested again in parallel, then published again by
// the single writer in chunks, interleaved with live uploads.
//   Plan input -> IngestAll (Distributed Map over the uploads bucket listing, batches of keys, one
//   ingest Lambda per batch, bounded concurrency, tolerated failures, results to S3)
//   -> PlanChunks (Lambda: month-grouped chunks as one JSON file in the site bucket)
//   -> PublishChunks (Distributed Map over that file, MaxConcurrency 1: each chunk is one message on
//      the live FIFO publish queue, with a task token the publish function answers once committed;
//      a live upload waits behind at most that one chunk)
//   -> Finish (Lambda: run report to S3, one CDN invalidation, one hub ping) -> Succeed/Fail.
// Started on demand (`feedpub republish --endpoint aws`) and by a deploy that changes the site
// config or the code version (a custom resource whose properties are those two facts).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations, type CfnElement, type CfnResource } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { SiteConfig } from '../functions/core/model';
import { HEAD_KEY, MONTHS_PREFIX, PREPARED_PREFIX, REPUBLISH_RUNS_PREFIX } from '../functions/core/site-index/paths';
import { CODE_VERSION } from '../functions/pipeline/version';
import { cdkBundling } from './bundling';

export const REPUBLISH_ENTRY = 'functions/handlers/republish.ts';
/** Keys per ingest batch (one Lambda invocation): about 40 ms of parse each, well inside the timeout. */
export const INGEST_BATCH_KEYS = 100;
/** Parallel ingest batches: 20 x 8 in-function parses bounds the S3 request rate (well under S3's 5,500 GET/s per prefix). */
export const INGEST_MAX_CONCURRENCY = 20;
/** Ingest batches that may fail (a Lambda timeout on a pathological file) before the run stops; their keys are in the report. */
export const INGEST_TOLERATED_FAILURES = 10;
export const REPUBLISH_INGEST_TIMEOUT = Duration.minutes(5);
/** Two listings (uploads, prepared records: one request per 1,000 each) plus a request or two per superseded record. */
export const REPUBLISH_SWEEP_TIMEOUT = Duration.minutes(15);
/** Keys per publish chunk: sized to fit the publish function's 60 s timeout (docs/republish.md). */
export const REPUBLISH_CHUNK_KEYS = 200;
/** A chunk not committed within this (it went to the publish DLQ) fails the run. */
export const CHUNK_TASK_TIMEOUT = Duration.minutes(30);

export interface RepublishProps {
  uploads: s3.IBucket;
  site: s3.IBucket;
  publishQueue: sqs.IQueue;
  publishRole: iam.IRole;
  messageGroupId: string;
  projectRoot: string;
  runtime: lambda.Runtime;
  /** The publish function's environment, shared (UPLOADS_BUCKET, SITE_BUCKET, SITE_CONFIG, BASE_URL). */
  environment: Record<string, string>;
  site_config: SiteConfig;
  /** Deployed base URL (a token without a custom domain): a change of it is a domain move. */
  baseUrl: string;
  distribution?: cloudfront.IDistribution;
}

/** What a deploy compares: a change of either starts a republish. */
export function deployFingerprint(site: SiteConfig, codeVersion: string): string {
  return createHash('sha256').update(JSON.stringify({ site, codeVersion })).digest('hex').slice(0, 16);
}

export class Republish extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly ingestFunction: NodejsFunction;
  readonly planFunction: NodejsFunction;
  readonly finishFunction: NodejsFunction;
  readonly sweepFunction: NodejsFunction;
  readonly roles: { ingest: iam.Role; sweep: iam.Role; plan: iam.Role; finish: iam.Role };
  readonly trigger: AwsCustomResource;

  constructor(scope: Construct, id: string, props: RepublishProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const runObjects = props.site.arnForObjects(`${REPUBLISH_RUNS_PREFIX}*`);

    const fn = (name: string, handler: string, description: string, role: iam.Role, timeout: Duration, extra: Record<string, string> = {}) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
      return new NodejsFunction(this, name, {
        description,
        entry: join(props.projectRoot, REPUBLISH_ENTRY),
        handler,
        projectRoot: props.projectRoot,
        depsLockFilePath: join(props.projectRoot, 'package-lock.json'),
        runtime: props.runtime,
        architecture: lambda.Architecture.ARM_64,
        memorySize: 1024,
        timeout,
        role,
        logGroup,
        bundling: cdkBundling(),
        environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps', ...extra },
      });
    };
    const role = (name: string, description: string) => new iam.Role(this, name, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description });

    // Ingest: what the live ingest role may do, without the queue (the chunks publish).
    const ingestRole = role('IngestRole', 'feedpub republish: ingest a batch of uploads');
    ingestRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.uploads.bucketArn, props.site.bucketArn] }));
    ingestRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.uploads.arnForObjects('*')] }));
    ingestRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [props.site.arnForObjects(`${PREPARED_PREFIX}*`)] }));
    // Plan: lists uploads, reads the head and month manifests, writes the chunk file.
    // Sweep: the ingest role's reads and writes (it may ingest a key again), and the one delete grant
    // outside the publisher: prepared records only (functions/pipeline/prepared-sweep.ts).
    const sweepRole = role('SweepRole', 'feedpub republish: delete prepared records of superseded versions');
    sweepRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.uploads.bucketArn, props.site.bucketArn] }));
    sweepRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.uploads.arnForObjects('*')] }));
    sweepRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [props.site.arnForObjects(`${PREPARED_PREFIX}*`)] }),
    );

    const planRole = role('PlanRole', 'feedpub republish: plan publish chunks from the index');
    planRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.uploads.bucketArn, props.site.bucketArn] }));
    planRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.site.arnForObjects(HEAD_KEY), props.site.arnForObjects(`${MONTHS_PREFIX}*`)] }),
    );
    planRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [runObjects] }));
    // Finish: reads the maps' results, writes the report, invalidates once.
    const finishRole = role('FinishRole', 'feedpub republish: run report, CDN invalidation');
    finishRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.site.bucketArn] }));
    finishRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [runObjects] }));
    if (props.distribution) {
      finishRole.addToPolicy(new iam.PolicyStatement({ actions: ['cloudfront:CreateInvalidation'], resources: [props.distribution.distributionArn] }));
    }

    this.ingestFunction = fn('IngestBatchFunction', 'ingestHandler', 'feedpub republish: ingest a batch of the uploads listing', ingestRole, REPUBLISH_INGEST_TIMEOUT);
    this.sweepFunction = fn('SweepFunction', 'sweepHandler', 'feedpub republish: sweep superseded prepared records', sweepRole, REPUBLISH_SWEEP_TIMEOUT);
    this.planFunction = fn('PlanFunction', 'planHandler', 'feedpub republish: month-grouped publish chunks', planRole, Duration.minutes(5), {
      REPUBLISH_CHUNK_SIZE: String(REPUBLISH_CHUNK_KEYS),
    });
    this.finishFunction = fn('FinishFunction', 'finishHandler', 'feedpub republish: run report', finishRole, Duration.minutes(2), {
      ...(props.distribution && { DISTRIBUTION_ID: props.distribution.distributionId }),
    });
    this.roles = { ingest: ingestRole, sweep: sweepRole, plan: planRole, finish: finishRole };

    // ---- States ----------------------------------------------------------------------------
    const ingestAll = new sfn.DistributedMap(this, 'IngestAll', {
      itemReader: new sfn.S3ObjectsItemReader({ bucket: props.uploads }),
      itemBatcher: new sfn.ItemBatcher({ maxItemsPerBatch: INGEST_BATCH_KEYS }),
      maxConcurrency: INGEST_MAX_CONCURRENCY,
      toleratedFailureCount: INGEST_TOLERATED_FAILURES,
      resultWriterV2: new sfn.ResultWriterV2({ bucket: props.site, prefix: `${REPUBLISH_RUNS_PREFIX}ingest` }),
      resultPath: '$.ingest',
    });
    ingestAll.itemProcessor(
      new tasks.LambdaInvoke(this, 'IngestBatch', { lambdaFunction: this.ingestFunction, payloadResponseOnly: true, retryOnServiceExceptions: true }),
    );
    // After the ingest map (whose ingests do not touch records), before the plan: a key the sweep
    // ingests again is then in the listing the plan makes.
    const sweep = new tasks.LambdaInvoke(this, 'SweepPrepared', {
      lambdaFunction: this.sweepFunction,
      payload: sfn.TaskInput.fromObject({ run: sfn.JsonPath.executionName }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
      resultPath: '$.sweep',
    });
    const plan = new tasks.LambdaInvoke(this, 'PlanChunks', {
      lambdaFunction: this.planFunction,
      payload: sfn.TaskInput.fromObject({ run: sfn.JsonPath.executionName }),
      payloadResponseOnly: true,
      resultPath: '$.plan',
    });
    const publishChunks = new sfn.DistributedMap(this, 'PublishChunks', {
      itemReader: new sfn.S3JsonItemReader({ bucket: props.site, key: sfn.JsonPath.stringAt('$.plan.key') }),
      // One chunk at a time: the single writer takes them between live batches.
      maxConcurrency: 1,
      resultWriterV2: new sfn.ResultWriterV2({ bucket: props.site, prefix: `${REPUBLISH_RUNS_PREFIX}publish` }),
      resultPath: '$.publish',
    });
    publishChunks.itemProcessor(
      new tasks.SqsSendMessage(this, 'PublishChunk', {
        queue: props.publishQueue,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        messageGroupId: props.messageGroupId,
        messageDeduplicationId: sfn.JsonPath.format('republish-{}-{}', sfn.JsonPath.stringAt('$.run'), sfn.JsonPath.stringAt('$.index')),
        messageBody: sfn.TaskInput.fromObject({
          feedpubRepublishChunk: {
            run: sfn.JsonPath.stringAt('$.run'),
            index: sfn.JsonPath.numberAt('$.index'),
            total: sfn.JsonPath.numberAt('$.total'),
            keys: sfn.JsonPath.listAt('$.keys'),
            images: sfn.JsonPath.stringAt('$.images'),
            rerenderMonths: sfn.JsonPath.listAt('$.rerenderMonths'),
            taskToken: sfn.JsonPath.taskToken,
          },
        }),
        taskTimeout: sfn.Timeout.duration(CHUNK_TASK_TIMEOUT),
      }),
    );
    const finishPayload = (error?: string) =>
      sfn.TaskInput.fromObject({
        run: sfn.JsonPath.executionName,
        ingestResults: sfn.JsonPath.stringAt('$.ingest.ResultWriterDetails.Key'),
        sweep: sfn.JsonPath.objectAt('$.sweep'),
        // Publish figures come from the chunk reports the publisher records (republish-steps.ts):
        // after a failed chunk the map leaves no results object to read.
        ...(error && { error: sfn.JsonPath.stringAt(error) }),
      });
    const finish = new tasks.LambdaInvoke(this, 'Finish', { lambdaFunction: this.finishFunction, payload: finishPayload(), payloadResponseOnly: true, resultPath: '$.report' });
    // A failed chunk still gets a report (what was published before it), then fails the execution.
    const finishAfterFailure = new tasks.LambdaInvoke(this, 'FinishAfterFailure', {
      lambdaFunction: this.finishFunction,
      payload: finishPayload('$.publishError.Cause'),
      payloadResponseOnly: true,
      resultPath: '$.report',
    });
    publishChunks.addCatch(finishAfterFailure, { resultPath: '$.publishError' });
    const verdict = new sfn.Choice(this, 'ReportOk')
      .when(sfn.Condition.booleanEquals('$.report.ok', true), new sfn.Succeed(this, 'Republished', { outputPath: '$.report' }))
      .otherwise(new sfn.Fail(this, 'RepublishFailed', { error: 'RepublishFailed', causePath: sfn.JsonPath.jsonToString(sfn.JsonPath.objectAt('$.report')) }));
    finishAfterFailure.next(verdict);

    const logGroup = new logs.LogGroup(this, 'StateMachineLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'feedpub republish: ingest every upload in parallel, publish in chunks through the single writer',
      definitionBody: sfn.DefinitionBody.fromChainable(ingestAll.next(sweep).next(plan).next(publishChunks).next(finish).next(verdict)),
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
      timeout: Duration.hours(24),
    });
    // The maps' result files and the chunk file: under the runs prefix only. CDK's item reader grant
    // covers every object of the site bucket; the Deny narrows the role to that prefix.
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'], resources: [runObjects] }),
    );
    this.stateMachine.addToRolePolicy(
      new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['s3:GetObject', 's3:PutObject'], notResources: [runObjects] }),
    );
    // The publish function answers each chunk's task token.
    this.stateMachine.grantTaskResponse(props.publishRole);

    // ---- After a deploy that changes what a republish would change ---------------------------
    const fingerprint = deployFingerprint(props.site_config, CODE_VERSION);
    this.trigger = new AwsCustomResource(this, 'RepublishOnDeploy', {
      // Properties are the fingerprint and base URL: CloudFormation calls onUpdate only when one changed.
      onCreate: this.startCall(fingerprint, props.baseUrl),
      onUpdate: this.startCall(fingerprint, props.baseUrl),
      policy: AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [this.stateMachine.stateMachineArn] })]),
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
    });
    (this.trigger.node.defaultChild as CfnResource | undefined)?.node.addDependency(this.stateMachine);

    this.acknowledgeNagFindings(props);

    new CfnOutput(stack, 'RepublishStateMachineArn', {
      value: this.stateMachine.stateMachineArn,
      description: 'feedpub republish --endpoint aws --state-machine <this>',
    });
  }

  /** cdk-nag v3 findings of this construct, each with why it does not apply. */
  private acknowledgeNagFindings(props: RepublishProps): void {
    const stack = Stack.of(this);
    const nag = (scope: Construct, rule: string, reason: string) => Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
    const arnOf = (c: Construct) => `<${stack.getLogicalId(c.node.defaultChild as CfnElement)}.Arn>`;
    const site = arnOf(props.site);
    nag(this.roles.ingest, `IAM5[Resource::${arnOf(props.uploads)}/*]`, "Reads any upload: the keys are editors' file names, unknown at deploy time.");
    nag(this.roles.ingest, `IAM5[Resource::${site}/${PREPARED_PREFIX}*]`, 'Writes only prepared records, named by hashes of upload keys and versions.');
    nag(this.roles.sweep, `IAM5[Resource::${arnOf(props.uploads)}/*]`, 'HEADs and re-reads any upload whose current record it deleted: keys are known only at run time.');
    nag(this.roles.sweep, `IAM5[Resource::${site}/${PREPARED_PREFIX}*]`, 'Deletes and re-writes only prepared records, named by hashes of upload keys and versions.');
    nag(this.roles.plan, `IAM5[Resource::${site}/${MONTHS_PREFIX}*]`, 'Reads the month manifests (one per archive month, named YYYY-MM).');
    for (const role of [this.roles.plan, this.roles.finish]) {
      nag(role, `IAM5[Resource::${site}/${REPUBLISH_RUNS_PREFIX}*]`, 'Run files are named by execution at run time, under the republish runs prefix only.');
    }
    const machine = this.stateMachine;
    for (const f of [this.ingestFunction, this.sweepFunction, this.planFunction, this.finishFunction]) {
      nag(machine, `IAM5[Resource::${arnOf(f)}:*]`, "CDK's LambdaInvoke grant on the function's versions and aliases; one function each.");
    }
    nag(machine, `IAM5[Resource::${site}/${REPUBLISH_RUNS_PREFIX}*]`, 'Map result files and the chunk file, named by execution, under the runs prefix only.');
    nag(machine, `IAM5[Resource::arn:<AWS::Partition>:s3:::<${stack.getLogicalId(props.site.node.defaultChild as CfnElement)}>/*]`, "CDK's S3 item reader grant (the chunk file's key is known only at run time); an explicit Deny limits the role to the runs prefix.");
    nag(machine, 'IAM5[Resource::*]', 'CloudWatch Logs delivery and X-Ray actions, which have no resource-level permissions.');
    // cdk-nag names pseudo parameters <AWS::...> and concrete values as themselves (CDK writes "aws" when the region is known).
    const unresolved = Token.isUnresolved(stack.region);
    const execution = `arn:${unresolved ? '<AWS::Partition>' : 'aws'}:states:${unresolved ? '<AWS::Region>' : stack.region}:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${stack.getLogicalId(machine.node.defaultChild as CfnElement)}"}]}]}`;
    nag(machine, `IAM5[Resource::${execution}:*]`, "The Distributed Map's child executions of this state machine (CDK's grant).");
    nag(machine, `IAM5[Resource::${execution}/*:*]`, "The Distributed Map's child executions of this state machine (CDK's grant).");
    const provider = stack.node.tryFindChild(AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '').replace(/^/, 'AWS'));
    if (provider) {
      nag(provider, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK-managed helper that starts the republish at deploy time; the managed policy only grants its own logs.');
    }
  }

  private startCall(fingerprint: string, baseUrl: string) {
    return {
      service: 'SFN',
      action: 'startExecution',
      parameters: { stateMachineArn: this.stateMachine.stateMachineArn, input: JSON.stringify({ reason: 'deploy', fingerprint, baseUrl }) },
      physicalResourceId: PhysicalResourceId.of('feedpub-republish-on-deploy'),
    };
  }
}
