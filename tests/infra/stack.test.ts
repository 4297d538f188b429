// What the CDK app deploys, read from the synthesized template. The app is built exactly as
// `cdk synth` builds it (infra/feedpub-app.ts: config, stack, cdk-nag), synthesized once per
// variant: bundling the function with esbuild is the slow part.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedpubApp, PROJECT_ROOT, type FeedpubApp } from '../../infra/feedpub-app';
import type { SiteConfig } from '../../functions/core/model';
import { renderSite } from '../../functions/core/render';
import { ARTICLE_EXTENSIONS, IMAGE_EXTENSIONS, isImageKey, UPLOAD_SUFFIXES, uploadKind } from '../../functions/core/upload-keys';
import { CSP } from '../../infra/feedpub-stack';

// The CLI passes cdk.json's context (feature flags included) to the app; so do the tests.
const CDK_JSON_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context as Record<string, unknown>;

const outdirs: string[] = [];
function synth(context: Record<string, unknown> = {}): FeedpubApp & { template: Template } {
  const outdir = mkdtempSync(join(tmpdir(), 'feedpub-cdk-'));
  outdirs.push(outdir);
  const built = createFeedpubApp({ context: { ...CDK_JSON_CONTEXT, ...context }, outdir });
  if (!built.ok) throw new Error(built.error);
  // Runs the cdk-nag plugin: throws "Validation failed" on any unacknowledged finding.
  built.value.app.synth();
  return { ...built.value, template: Template.fromStack(built.value.stack) };
}
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';

let dev: FeedpubApp & { template: Template };
let t: Template;
const id = (element: unknown): string => dev.stack.getLogicalId((element as { node: { defaultChild: CfnElement } }).node.defaultChild);
const arnOf = (element: unknown) => ({ 'Fn::GetAtt': [id(element), 'Arn'] });
const objectsOf = (element: unknown) => ({ 'Fn::Join': ['', [arnOf(element), '/*']] });

beforeAll(() => {
  dev = synth({ alarmEmail: 'alerts@example.com', feedSize: '20' });
  t = dev.template;
}, 180_000);

describe('cdk-nag', () => {
  it('the app synthesizes with the AwsSolutions pack and no unacknowledged finding', () => {
    // beforeAll's app.synth() would have thrown; also check the plugin really is on the app.
    expect(dev.stack.stackName).toBe('feedpub-dev');
    const noncompliant = new App({ outdir: mkdtempSync(join(tmpdir(), 'feedpub-nag-')) });
    outdirs.push(noncompliant.outdir);
    const stack = new Stack(noncompliant, 'Bad');
    new s3.Bucket(stack, 'PlainBucket');
    Validations.of(noncompliant).addPlugins(new AwsSolutionsChecks(noncompliant));
    // The same plugin fails a stack with an unencrypted-in-transit, unlogged bucket.
    expect(() => noncompliant.synth()).toThrow(/AwsSolutions-S1|AwsSolutions-S10/);
  });

  it('every acknowledgement carries a written reason', () => {
    const acks: [string, string][] = [];
    // The republish construct's own acknowledgements are listed in tests/infra/republish.test.ts.
    for (const construct of dev.stack.node.findAll().filter((c) => !c.node.path.includes('/Republish/') && !c.node.path.endsWith('/Republish'))) {
      for (const entry of construct.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) acks.push(...Object.entries(entry.data as Record<string, string>));
      }
    }
    expect(acks.map(([rule]) => rule).sort()).toEqual([
      'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'AwsSolutions::AwsSolutions-CFR1',
      'AwsSolutions::AwsSolutions-CFR2',
      'AwsSolutions::AwsSolutions-CFR4',
      'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      // The second: CDK's custom-resource helper that starts a republish at deploy time.
      'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      `AwsSolutions::AwsSolutions-IAM5[Resource::<${id(dev.stack.site)}.Arn>/*]`,
      `AwsSolutions::AwsSolutions-IAM5[Resource::<${id(dev.stack.site)}.Arn>/_feedpub/prepared/*]`,
      `AwsSolutions::AwsSolutions-IAM5[Resource::<${id(dev.stack.uploads)}.Arn>/*]`,
      `AwsSolutions::AwsSolutions-IAM5[Resource::<${id(dev.stack.uploads)}.Arn>/*]`,
      'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/<HeldArticles>/*]',
    ]);
    for (const [rule, reason] of acks) expect(reason.length, rule).toBeGreaterThan(40);
  });
});

describe('buckets', () => {
  const BLOCK_ALL = { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true };

  it('every bucket blocks public access and is encrypted', () => {
    const buckets = t.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(3);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual(BLOCK_ALL);
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    }
  });

  it('every bucket denies requests without TLS', () => {
    for (const bucket of [dev.stack.uploads, dev.stack.site, dev.stack.accessLogs]) {
      t.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id(bucket) },
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Resource: [arnOf(bucket), objectsOf(bucket)],
            },
          ]),
        },
      });
    }
  });

  it('uploads: versioned, old versions expire after 30 days, incomplete multipart uploads aborted, retained', () => {
    const uploads = t.findResources('AWS::S3::Bucket')[id(dev.stack.uploads)]!;
    expect(uploads.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(uploads.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 }, Status: 'Enabled' }),
      ]),
    );
    expect(uploads.DeletionPolicy).toBe('Retain');
    expect(uploads.Properties.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: id(dev.stack.accessLogs) }, LogFilePrefix: 'uploads/' });
  });

  it('site: not versioned, destroyed with the stack (derived data), access-logged', () => {
    const site = t.findResources('AWS::S3::Bucket')[id(dev.stack.site)]!;
    expect(site.Properties.VersioningConfiguration).toBeUndefined();
    expect(site.DeletionPolicy).toBe('Delete');
    expect(site.Properties.LoggingConfiguration.LogFilePrefix).toBe('site/');
  });

  it('site: CloudFront reads it only through OAC, for this distribution', () => {
    t.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    t.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' }),
    });
    const policy = Object.values(t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: id(dev.stack.site) } } }))[0]!;
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
    const cloudFront = statements.filter((s) => s.Principal?.Service === 'cloudfront.amazonaws.com');
    const allow = cloudFront.find((s) => s.Effect === 'Allow')!;
    expect(allow.Action).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(allow.Condition.StringEquals['AWS:SourceArn']).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: id(dev.stack.distribution) }]],
    });
    // No statement lets anyone but CloudFront (and CDK's emptying helper) read the bucket.
    const readers = statements.filter((s) => s.Effect === 'Allow').map((s) => s.Principal.Service ?? s.Principal.AWS);
    expect(readers).toHaveLength(2);
  });

  it('site: the private index _feedpub/* (quarantine records included) is denied to CloudFront', () => {
    const policy = Object.values(t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: id(dev.stack.site) } } }))[0]!;
    const denies = (policy.Properties.PolicyDocument.Statement as Record<string, any>[]).filter(
      (s) => s.Effect === 'Deny' && s.Principal?.Service === 'cloudfront.amazonaws.com',
    );
    expect(denies).toEqual([
      {
        Sid: 'DenyPrivateIndexToCloudFront',
        Effect: 'Deny',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [arnOf(dev.stack.site), '/_feedpub/*']] },
      },
    ]);
  });
});

describe('event routing', () => {
  it('one notification per suffix and event type, all to the events queue', () => {
    const [notifications] = Object.values(t.findResources('Custom::S3BucketNotifications'));
    expect(notifications!.Properties.BucketName).toEqual({ Ref: id(dev.stack.uploads) });
    const configs = notifications!.Properties.NotificationConfiguration.QueueConfigurations as Record<string, any>[];
    const routes = configs.map((c) => `${c.Events.join()} ${c.Filter.Key.FilterRules.map((r: any) => `${r.Name}=${r.Value}`).join()}`);
    // The suffixes the core ingests (functions/core/images.ts: JPEG, PNG, GIF, WebP, AVIF), lower and upper case.
    const lower = ['.txt', '.md', '.markdown', '.jpg', '.jpeg', '.png', '.gif', '.webp', '.avif'];
    const expected = [...lower, ...lower.map((s) => s.toUpperCase())].flatMap((suffix) => [
      `s3:ObjectCreated:* suffix=${suffix}`,
      `s3:ObjectRemoved:* suffix=${suffix}`,
    ]);
    expect(routes.sort()).toEqual(expected.sort());
    expect(UPLOAD_SUFFIXES).toHaveLength(18);
    for (const c of configs) expect(c.QueueArn).toEqual(arnOf(dev.stack.events));
  });

  it('the S3 filters let through exactly the uploads the core ingests (articles, and every image type it accepts)', () => {
    const core = [...ARTICLE_EXTENSIONS, ...IMAGE_EXTENSIONS].map((ext) => `.${ext}`);
    expect([...new Set(UPLOAD_SUFFIXES.map((s) => s.toLowerCase()))].sort()).toEqual([...new Set(core)].sort());
    for (const suffix of UPLOAD_SUFFIXES) {
      expect(isImageKey(`photo${suffix}`) || uploadKind(`story${suffix}`)?.kind === 'article', suffix).toBe(true);
    }
    // What no filter lets through, the core does not take either: the mixed-case spelling.
    expect(uploadKind('photo.Jpg')).toBeUndefined();
  });

  it('S3 may send to the events queue only from the uploads bucket', () => {
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: id(dev.stack.events) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: Match.arrayWith(['sqs:SendMessage']),
            Condition: { ArnLike: { 'aws:SourceArn': arnOf(dev.stack.uploads) } },
          }),
        ]),
      },
    });
  });

  it('queues: encrypted, TLS only; events dead-lettered after 3 receives (ingest), publish after 5; publish is FIFO with visibility 6x the function timeout', () => {
    const queues = t.findResources('AWS::SQS::Queue');
    const props = (queue: sqs.Queue) => queues[id(queue)]!.Properties;
    for (const queue of [dev.stack.events, dev.stack.eventsDlq, dev.stack.publish, dev.stack.publishDlq]) {
      expect(props(queue).SqsManagedSseEnabled).toBe(true);
      t.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id(queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
    expect(props(dev.stack.events).FifoQueue).toBeUndefined();
    expect(props(dev.stack.events).RedrivePolicy).toEqual({ deadLetterTargetArn: arnOf(dev.stack.eventsDlq), maxReceiveCount: 3 });
    const ingest = t.findResources('AWS::Lambda::Function')[id(dev.stack.ingestFunction)]!;
    expect(props(dev.stack.events).VisibilityTimeout).toBe(6 * ingest.Properties.Timeout);
    expect(props(dev.stack.publish)).toMatchObject({ FifoQueue: true, ContentBasedDeduplication: false, VisibilityTimeout: 360 });
    expect(props(dev.stack.publish).RedrivePolicy).toEqual({ deadLetterTargetArn: arnOf(dev.stack.publishDlq), maxReceiveCount: 5 });
    expect(props(dev.stack.publishDlq).FifoQueue).toBe(true);
    const fn = t.findResources('AWS::Lambda::Function')[id(dev.stack.publishFunction)]!;
    expect(props(dev.stack.publish).VisibilityTimeout).toBe(6 * fn.Properties.Timeout);
  });

  it('no pipe: the ingest function forwards each event to the FIFO queue itself', () => {
    t.resourceCountIs('AWS::Pipes::Pipe', 0);
  });
});

describe('ingest function', () => {
  const fnProps = () => t.findResources('AWS::Lambda::Function')[id(dev.stack.ingestFunction)]!.Properties;

  it('Node LTS on arm64, 1024 MB, 30 s, bundled from its own entry', () => {
    expect(fnProps()).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: 1024, Timeout: 30, Handler: 'index.handler' });
    const publishCode = t.findResources('AWS::Lambda::Function')[id(dev.stack.publishFunction)]!.Properties.Code.S3Key;
    expect(fnProps().Code.S3Key).not.toBe(publishCode);
  });

  it('one upload per invocation from the standard events queue, at most 10 at once, partial failures', () => {
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arnOf(dev.stack.events),
      FunctionName: { Ref: id(dev.stack.ingestFunction) },
      BatchSize: 1,
      ScalingConfig: { MaximumConcurrency: 10 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('environment: buckets, publish queue URL, the receive count its last-attempt quarantine relies on', () => {
    const env = fnProps().Environment.Variables;
    expect(env.UPLOADS_BUCKET).toEqual({ Ref: id(dev.stack.uploads) });
    expect(env.SITE_BUCKET).toEqual({ Ref: id(dev.stack.site) });
    expect(env.PUBLISH_QUEUE_URL).toEqual({ Ref: id(dev.stack.publish) });
    const redrive = t.findResources('AWS::SQS::Queue')[id(dev.stack.events)]!.Properties.RedrivePolicy;
    expect(env.INGEST_MAX_RECEIVE_COUNT).toBe(String(redrive.maxReceiveCount));
    expect(env.INGEST_TIMEOUT_SECONDS).toBe(String(fnProps().Timeout));
    expect(JSON.parse(env.SITE_CONFIG).feedSize).toBe(20);
  });

  it('the synthesized bundle loads and exports handler', () => {
    const code = fnProps().Code;
    const assetDir = join(dev.app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    const runtimeModules = mkdtempSync(join(tmpdir(), 'feedpub-runtime-'));
    symlinkSync(join(PROJECT_ROOT, 'node_modules', '@aws-sdk'), join(runtimeModules, '@aws-sdk'));
    const probe = `const m = require(${JSON.stringify(join(assetDir, 'index.js'))}); process.stdout.write(typeof m.handler);`;
    const run = spawnSync(process.execPath, ['-e', probe], {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, NODE_PATH: runtimeModules, AWS_REGION: 'us-east-1', UPLOADS_BUCKET: 'u', SITE_BUCKET: 's', PUBLISH_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/p.fifo', SITE_CONFIG: readFileSync(join(PROJECT_ROOT, 'content', 'site.json'), 'utf8') },
    });
    rmSync(runtimeModules, { recursive: true, force: true });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stdout).toBe('function');
  });

  it('IAM: reads uploads, writes only prepared records, sends to the publish queue; cannot write the public site', () => {
    const role = t.findResources('AWS::IAM::Role')[id(dev.stack.ingestRole)]!;
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const [policy] = Object.values(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: id(dev.stack.ingestRole) }] } }));
    const statements = policy!.Properties.PolicyDocument.Statement as Record<string, any>[];
    const byAction = Object.fromEntries(statements.map((s) => [[s.Action].flat().join(' '), s.Resource]));
    expect(byAction).toEqual({
      'logs:CreateLogStream logs:PutLogEvents': { 'Fn::GetAtt': [id(dev.stack.node.findChild('IngestLogs')), 'Arn'] },
      's3:ListBucket': [arnOf(dev.stack.site), arnOf(dev.stack.uploads)],
      's3:GetObject': objectsOf(dev.stack.uploads),
      's3:GetObject s3:PutObject': { 'Fn::Join': ['', [arnOf(dev.stack.site), '/_feedpub/prepared/*']] },
      'sqs:SendMessage': arnOf(dev.stack.publish),
      'sqs:ChangeMessageVisibility sqs:DeleteMessage sqs:GetQueueAttributes sqs:GetQueueUrl sqs:ReceiveMessage': arnOf(dev.stack.events),
    });
    for (const s of statements) {
      expect(s.Effect).toBe('Allow');
      expect([s.Action].flat().some((a: string) => a.includes('*') || a === 's3:DeleteObject')).toBe(false);
    }
  });
});

describe('publish function', () => {
  const fnProps = () => t.findResources('AWS::Lambda::Function')[id(dev.stack.publishFunction)]!.Properties;

  it('Node LTS on arm64, 1024 MB, 60 s, handler from the bundle, no reserved concurrency', () => {
    expect(fnProps()).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: 1024, Timeout: 60, Handler: 'index.handler' });
    expect(fnProps().ReservedConcurrentExecutions).toBeUndefined();
  });

  it('environment: buckets, site config with context overrides, distribution URL and id, Powertools, source maps', () => {
    const env = fnProps().Environment.Variables;
    expect(env.UPLOADS_BUCKET).toEqual({ Ref: id(dev.stack.uploads) });
    expect(env.SITE_BUCKET).toEqual({ Ref: id(dev.stack.site) });
    expect(env.BASE_URL).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [id(dev.stack.distribution), 'DomainName'] }]] });
    expect(env.DISTRIBUTION_ID).toEqual({ Ref: id(dev.stack.distribution) });
    expect(env).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'feedpub-publish', POWERTOOLS_METRICS_NAMESPACE: 'feedpub', NODE_OPTIONS: '--enable-source-maps' });
    const site = JSON.parse(env.SITE_CONFIG);
    expect(site.feedSize).toBe(20); // -c feedSize=20 over site.json's 50
    expect(site.title).toBe('feedpub sample newsroom'); // from content/site.json
  });

  it('the synthesized bundle is CommonJS that the Lambda runtime can require, exporting handler', () => {
    const code = fnProps().Code;
    const assetDir = join(dev.app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
    expect(readdirSync(assetDir).sort()).toEqual(['index.js', 'index.js.map']);
    // As in Lambda: the AWS SDK (and nothing else) comes from the runtime's NODE_PATH.
    const runtimeModules = mkdtempSync(join(tmpdir(), 'feedpub-runtime-'));
    symlinkSync(join(PROJECT_ROOT, 'node_modules', '@aws-sdk'), join(runtimeModules, '@aws-sdk'));
    const probe = `const m = require(${JSON.stringify(join(assetDir, 'index.js'))}); process.stdout.write(typeof m.handler);`;
    const run = spawnSync(process.execPath, ['-e', probe], {
      encoding: 'utf8',
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, NODE_PATH: runtimeModules, AWS_REGION: 'us-east-1', UPLOADS_BUCKET: 'u', SITE_BUCKET: 's', SITE_CONFIG: readFileSync(join(PROJECT_ROOT, 'content', 'site.json'), 'utf8'), BASE_URL: 'https://d111111abcdef8.cloudfront.net' },
    });
    rmSync(runtimeModules, { recursive: true, force: true });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stdout).toBe('function');
  });

  it('logs to its own group, kept one month', () => {
    expect(fnProps().LoggingConfig).toEqual({ LogGroup: { Ref: id(dev.stack.node.findChild('PublishLogs')) } });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('is fed by the FIFO queue in batches of 10 with partial batch failures', () => {
    t.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: arnOf(dev.stack.publish),
      FunctionName: { Ref: id(dev.stack.publishFunction) },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('IAM: exactly the actions the code calls, on named resources, no managed policies', () => {
    const role = t.findResources('AWS::IAM::Role')[id(dev.stack.publishRole)]!;
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const [policy] = Object.values(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: id(dev.stack.publishRole) }] } }));
    const statements = policy!.Properties.PolicyDocument.Statement as Record<string, any>[];
    const byAction = Object.fromEntries(statements.map((s) => [[s.Action].flat().join(' '), s.Resource]));
    expect(byAction).toEqual({
      'logs:CreateLogStream logs:PutLogEvents': { 'Fn::GetAtt': [id(dev.stack.node.findChild('PublishLogs')), 'Arn'] },
      's3:ListBucket': [arnOf(dev.stack.site), arnOf(dev.stack.uploads)],
      's3:GetObject': objectsOf(dev.stack.uploads),
      's3:DeleteObject s3:GetObject s3:PutObject': objectsOf(dev.stack.site),
      'cloudfront:CreateInvalidation': dev.stack.resolve(dev.stack.distribution.distributionArn),
      // Scheduled publishing: schedules of the held-articles group, and the role they send with.
      'scheduler:CreateSchedule scheduler:DeleteSchedule scheduler:UpdateSchedule': expect.anything(),
      'iam:PassRole': expect.anything(),
      'sqs:ChangeMessageVisibility sqs:DeleteMessage sqs:GetQueueAttributes sqs:GetQueueUrl sqs:ReceiveMessage': arnOf(dev.stack.publish),
      // Republish chunks: the task token of this state machine only (docs/republish.md).
      'states:SendTaskFailure states:SendTaskHeartbeat states:SendTaskSuccess': { Ref: id(dev.stack.republish.stateMachine) },
    });
    for (const s of statements) {
      expect(s.Effect).toBe('Allow');
      expect(JSON.stringify(s.Resource)).not.toBe('"*"');
      expect([s.Action].flat().some((a: string) => a.includes('*'))).toBe(false);
    }
  });
});

describe('CloudFront', () => {
  const config = () => Object.values(t.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
  const policyProps = (type: string, ref: { Ref: string }) => t.findResources(type)[ref.Ref]!.Properties;

  it('HTTPS only, HTTP/2 and 3, compressed, index.html at the root, 404 page, access logs', () => {
    const c = config();
    expect(c).toMatchObject({ DefaultRootObject: 'index.html', HttpVersion: 'http2and3', Enabled: true });
    for (const behavior of [c.DefaultCacheBehavior, ...c.CacheBehaviors]) {
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behavior.Compress).toBe(true);
    }
    expect(c.CustomErrorResponses).toEqual([{ ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: 60 }]);
    expect(c.Logging).toEqual({ Bucket: { 'Fn::GetAtt': [id(dev.stack.accessLogs), 'RegionalDomainName'] }, Prefix: 'cloudfront/' });
    expect(c.Aliases).toBeUndefined();
    expect(c.ViewerCertificate).toBeUndefined();
  });

  it('the 404 page is one the site renderer writes: HTML, served by the pages behavior, not cached as an error over 60 s', () => {
    const c = config();
    const [notFound] = c.CustomErrorResponses as { ErrorCode: number; ResponseCode: number; ResponsePagePath: string; ErrorCachingMinTTL: number }[];
    expect(notFound).toMatchObject({ ErrorCode: 404, ResponseCode: 404 });
    expect(notFound!.ErrorCachingMinTTL).toBeLessThanOrEqual(60);
    // The site config the function renders with (SITE_CONFIG), so the page is the deployed one.
    const fn = t.findResources('AWS::Lambda::Function')[id(dev.stack.publishFunction)]!.Properties;
    const site = JSON.parse(fn.Environment.Variables.SITE_CONFIG) as SiteConfig;
    const page = renderSite(site, []).find((file) => `/${file.path}` === notFound!.ResponsePagePath);
    expect(page?.contentType).toMatch(/^text\/html/);
    expect(page!.body).toMatch(/not found/i);
    // Not under a feed or image behavior (their cache policies and headers are not for pages).
    const glob = (pattern: string) => new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    for (const behavior of c.CacheBehaviors as { PathPattern: string }[]) {
      expect(glob(behavior.PathPattern).test(page!.path), behavior.PathPattern).toBe(false);
    }
    expect(glob('*.json').test('archive/2026-11/feed.json')).toBe(true);
  });

  it('cache policies per path: feeds 60/300 s, hashed images a year, pages 300 s; all gzip and brotli', () => {
    const c = config();
    const byPath: Record<string, any> = Object.fromEntries(c.CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    // Sitemaps before *.xml: CloudFront takes the first matching pattern.
    expect(Object.keys(byPath)).toEqual(['images/*', 'sitemap*.xml', '*.xml', '*.json']);
    const ttl = (ref: { Ref: string }) => {
      const p = policyProps('AWS::CloudFront::CachePolicy', ref).CachePolicyConfig;
      const keys = p.ParametersInCacheKeyAndForwardedToOrigin;
      expect(keys).toMatchObject({ EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true });
      // Nothing but the path is in the cache key: feeds are the same for every reader.
      expect(keys.QueryStringsConfig.QueryStringBehavior).toBe('none');
      expect(keys.CookiesConfig.CookieBehavior).toBe('none');
      return [p.MinTTL, p.DefaultTTL, p.MaxTTL];
    };
    expect(ttl(byPath['*.xml'].CachePolicyId)).toEqual([0, 60, 300]);
    expect(ttl(byPath['sitemap*.xml'].CachePolicyId)).toEqual([0, 60, 300]);
    expect(ttl(byPath['*.json'].CachePolicyId)).toEqual([0, 60, 300]);
    expect(ttl(byPath['images/*'].CachePolicyId)).toEqual([0, 365 * 86400, 365 * 86400]);
    expect(ttl(c.DefaultCacheBehavior.CachePolicyId)).toEqual([0, 300, 3600]);
  });

  it('response headers: HSTS, nosniff, DENY, referrer policy everywhere; CSP on pages; CORS on feeds', () => {
    const c = config();
    const byPath: Record<string, any> = Object.fromEntries(c.CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    const headers = (ref: { Ref: string }) => policyProps('AWS::CloudFront::ResponseHeadersPolicy', ref).ResponseHeadersPolicyConfig;
    const pages = headers(c.DefaultCacheBehavior.ResponseHeadersPolicyId);
    const feeds = headers(byPath['*.json'].ResponseHeadersPolicyId);
    expect(headers(byPath['*.xml'].ResponseHeadersPolicyId)).toEqual(feeds);
    // Sitemaps are for crawlers: the pages' headers, no CORS, no viewer-request function (no feed redirect).
    expect(headers(byPath['sitemap*.xml'].ResponseHeadersPolicyId)).toEqual(pages);
    expect(byPath['sitemap*.xml'].FunctionAssociations).toBeUndefined();
    for (const policy of [pages, feeds]) {
      expect(policy.SecurityHeadersConfig).toMatchObject({
        StrictTransportSecurity: { AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true, Override: true },
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: true },
        ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
      });
    }
    expect(pages.SecurityHeadersConfig.ContentSecurityPolicy).toEqual({
      ContentSecurityPolicy: "default-src 'self'; img-src 'self' https: data:; style-src 'self'",
      Override: true,
    });
    expect(CSP).toBe(pages.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(pages.CorsConfig).toBeUndefined();
    expect(feeds.CorsConfig).toMatchObject({
      AccessControlAllowOrigins: { Items: ['*'] },
      AccessControlAllowMethods: { Items: ['GET', 'HEAD', 'OPTIONS'] },
      AccessControlAllowHeaders: { Items: ['*'] },
      // Scripts can read the validators they need for conditional requests (the dev server exposes the same).
      AccessControlExposeHeaders: { Items: ['ETag', 'Last-Modified'] },
      AccessControlMaxAgeSec: 86400,
      AccessControlAllowCredentials: false,
      OriginOverride: true,
    });
  });

  it('CORS preflight on feeds reaches S3 with its headers, and the site bucket answers it', () => {
    const c = config();
    const byPath: Record<string, any> = Object.fromEntries(c.CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    // The managed "CORS-S3Origin" origin request policy.
    for (const path of ['*.xml', '*.json']) expect(byPath[path].OriginRequestPolicyId).toBe('88a5eaf4-2fd4-4709-b370-b4c650ea3fcf');
    expect(c.DefaultCacheBehavior.OriginRequestPolicyId).toBeUndefined();
    const site = t.findResources('AWS::S3::Bucket')[id(dev.stack.site)]!;
    expect(site.Properties.CorsConfiguration).toEqual({
      CorsRules: [{ AllowedMethods: ['GET', 'HEAD'], AllowedOrigins: ['*'], AllowedHeaders: ['*'], ExposedHeaders: ['ETag', 'Last-Modified'], MaxAge: 86400 }],
    });
  });

  it('a viewer-request function on pages maps folders to index.html', () => {
    t.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
      FunctionCode: Match.stringLikeRegexp("request.uri = uri \\+ 'index.html'"),
    });
    const fnId = Object.keys(t.findResources('AWS::CloudFront::Function'))[0]!;
    expect(config().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } },
    ]);
  });

  it('the same function runs on the feed behaviours, so a browser on feed.xml is redirected before the cache', () => {
    t.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: Match.stringLikeRegexp("location: \\{ value: '/subscribe/' \\}") });
    const fnId = Object.keys(t.findResources('AWS::CloudFront::Function'))[0]!;
    const byPath: Record<string, any> = Object.fromEntries(config().CacheBehaviors.map((b: any) => [b.PathPattern, b]));
    for (const path of ['*.xml', '*.json']) {
      expect(byPath[path].FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);
    }
  });
});

describe('alarms', () => {
  const alarms = () => Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const find = (metric: string, dimension: unknown) =>
    alarms().find((a) => a.MetricName === metric && JSON.stringify(a.Dimensions[0].Value) === JSON.stringify(dimension));

  it('DLQ depth > 0 on both DLQs, errors > 0 on both functions, queue age > 300 s on both queues', () => {
    const cases: [string, unknown, string, number][] = [
      ['ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [id(dev.stack.eventsDlq), 'QueueName'] }, 'Maximum', 0],
      ['ApproximateNumberOfMessagesVisible', { 'Fn::GetAtt': [id(dev.stack.publishDlq), 'QueueName'] }, 'Maximum', 0],
      ['Errors', { Ref: id(dev.stack.publishFunction) }, 'Sum', 0],
      ['Errors', { Ref: id(dev.stack.ingestFunction) }, 'Sum', 0],
      ['ApproximateAgeOfOldestMessage', { 'Fn::GetAtt': [id(dev.stack.publish), 'QueueName'] }, 'Maximum', 300],
      ['ApproximateAgeOfOldestMessage', { 'Fn::GetAtt': [id(dev.stack.events), 'QueueName'] }, 'Maximum', 300],
    ];
    expect(alarms()).toHaveLength(cases.length);
    for (const [metric, dimension, statistic, threshold] of cases) {
      const alarm = find(metric, dimension);
      expect(alarm, `${metric} ${JSON.stringify(dimension)}`).toMatchObject({
        Statistic: statistic,
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: id(dev.stack.alarmTopic) }],
      });
    }
  });

  it('the topic is KMS-encrypted (a key CloudWatch may use) and mails alarmEmail', () => {
    const [topic] = Object.values(t.findResources('AWS::SNS::Topic'));
    expect(topic!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^AlarmsKey/), 'Arn'] });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'alerts@example.com', TopicArn: { Ref: id(dev.stack.alarmTopic) } });
  });

  // Only CloudWatch, only for alarms of this account (the confused-deputy guard).
  const cloudwatchOfThisAccount = {
    Effect: 'Allow',
    Principal: { Service: 'cloudwatch.amazonaws.com' },
    Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
  };

  it('CloudWatch may publish to the topic: the TLS-only topic policy replaces SNS\'s default one, so it needs its own Allow', () => {
    const policies = Object.values(t.findResources('AWS::SNS::TopicPolicy')).map((p) => p.Properties);
    expect(policies).toHaveLength(1);
    expect(policies[0].Topics).toEqual([{ Ref: id(dev.stack.alarmTopic) }]);
    const statements = policies[0].PolicyDocument.Statement as Record<string, unknown>[];
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toEqual([
      { ...cloudwatchOfThisAccount, Sid: expect.any(String), Action: 'sns:Publish', Resource: { Ref: id(dev.stack.alarmTopic) } },
    ]);
    // The TLS-only Deny is still there.
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('CloudWatch may use the topic key, only for this account\'s alarms; nothing else but the account itself', () => {
    const [key] = Object.values(t.findResources('AWS::KMS::Key')).map((k) => k.Properties);
    expect(key.EnableKeyRotation).toBe(true);
    const statements = key.KeyPolicy.Statement as Record<string, any>[];
    const services = statements.filter((s) => s.Principal.Service !== undefined);
    expect(services).toEqual([
      { ...cloudwatchOfThisAccount, Sid: expect.any(String), Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' },
    ]);
    expect(statements.filter((s) => s.Principal.Service === undefined).map((s) => s.Principal.AWS['Fn::Join'][1].at(-1))).toEqual([':root']);
  });
});

describe('outputs', () => {
  it('bucket names, distribution, feed URLs, upload command, DLQ URLs and ARNs, log group', () => {
    const outputs = t.findOutputs('*');
    const domain = { 'Fn::GetAtt': [id(dev.stack.distribution), 'DomainName'] };
    expect(outputs.UploadsBucketName!.Value).toEqual({ Ref: id(dev.stack.uploads) });
    expect(outputs.SiteBucketName!.Value).toEqual({ Ref: id(dev.stack.site) });
    expect(outputs.DistributionDomainName!.Value).toEqual(domain);
    expect(outputs.FeedUrls!.Value).toEqual({
      'Fn::Join': ['', ['https://', domain, '/feed.xml https://', domain, '/atom.xml https://', domain, '/feed.json']],
    });
    expect(outputs.UploadCommand!.Value).toEqual({ 'Fn::Join': ['', ['aws s3 cp FILE s3://', { Ref: id(dev.stack.uploads) }, '/']] });
    expect(outputs.DlqUrls!.Value).toEqual({ 'Fn::Join': ['', [{ Ref: id(dev.stack.eventsDlq) }, ' ', { Ref: id(dev.stack.publishDlq) }]] });
    expect(outputs.DlqArns!.Value).toEqual({ 'Fn::Join': ['', [arnOf(dev.stack.eventsDlq), ' ', arnOf(dev.stack.publishDlq)]] });
    expect(outputs.PublishLogGroupName!.Value).toEqual({ Ref: id(dev.stack.node.findChild('PublishLogs')) });
  });
});

describe('custom domain and no CDN invalidation (context domainName + certificateArn, cdnInvalidation=false, stage prod)', () => {
  let prod: FeedpubApp & { template: Template };
  beforeAll(() => {
    // No bundling here: the dev synth above builds the real bundle; this variant is about the template.
    prod = synth({ stage: 'prod', domainName: 'news.example.com', certificateArn: CERT, cdnInvalidation: 'false', 'aws:cdk:bundling-stacks': [] });
  }, 180_000);

  it('names the stack feedpub-prod and serves the domain with the certificate over TLS 1.2+', () => {
    expect(prod.stack.stackName).toBe('feedpub-prod');
    const c = Object.values(prod.template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(c.Aliases).toEqual(['news.example.com']);
    expect(c.ViewerCertificate).toEqual({ AcmCertificateArn: CERT, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });

  it('the function, the site config and the outputs use https://news.example.com', () => {
    const [fn] = Object.values(prod.template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x', MemorySize: 1024 } }));
    const env = fn!.Properties.Environment.Variables;
    expect(env.BASE_URL).toBe('https://news.example.com');
    expect(JSON.parse(env.SITE_CONFIG).baseUrl).toBe('https://news.example.com');
    expect(prod.template.findOutputs('FeedUrls').FeedUrls!.Value).toBe(
      'https://news.example.com/feed.xml https://news.example.com/atom.xml https://news.example.com/feed.json',
    );
  });

  it('without invalidation the function gets no distribution id and no CloudFront permission', () => {
    const [fn] = Object.values(prod.template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs24.x', MemorySize: 1024 } }));
    expect(fn!.Properties.Environment.Variables.DISTRIBUTION_ID).toBeUndefined();
    const policies = JSON.stringify(prod.template.findResources('AWS::IAM::Policy'));
    expect(policies).not.toContain('cloudfront:');
    expect(JSON.stringify(t.findResources('AWS::IAM::Policy'))).toContain('cloudfront:CreateInvalidation');
  });

  it('no alarm email subscription without alarmEmail', () => {
    prod.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('scheduled publishing (EventBridge Scheduler)', () => {
  const group = () => Object.keys(t.findResources('AWS::Scheduler::ScheduleGroup'));
  const schedulerRoleId = () =>
    Object.entries(t.findResources('AWS::IAM::Role')).find(([, r]) =>
      JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'),
    )?.[0] as string;

  it('one schedule group; a scheduler role, assumed by the scheduler of this account only, that may only send to the events queue', () => {
    expect(group()).toHaveLength(1);
    const roleId = schedulerRoleId();
    const role = t.findResources('AWS::IAM::Role')[roleId]!;
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } },
    ]);
    const policies = Object.values(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }));
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties.PolicyDocument.Statement).toEqual([{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: arnOf(dev.stack.events) }]);
  });

  it('the publish function may create, update and delete schedules in that group only, and pass only the scheduler role to the scheduler', () => {
    const [policy] = Object.values(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: id(dev.stack.publishRole) }] } }));
    const statements = policy!.Properties.PolicyDocument.Statement as Record<string, any>[];
    const scheduling = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('scheduler:')));
    expect(scheduling).toHaveLength(1);
    expect([scheduling[0]!.Action].flat().sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:UpdateSchedule']);
    const resource = JSON.stringify(scheduling[0]!.Resource);
    expect(resource).toContain(`schedule/`);
    expect(resource).toContain(`{"Ref":"${group()[0]}"}`);
    expect(resource).toMatch(/\/\*"\]\]\}$/);
    const passRole = statements.filter((s) => [s.Action].flat().includes('iam:PassRole'));
    expect(passRole).toEqual([
      {
        Action: 'iam:PassRole',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [schedulerRoleId(), 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
  });

  it('the publish function is told the group, the events queue as target, and the scheduler role', () => {
    const env = t.findResources('AWS::Lambda::Function')[id(dev.stack.publishFunction)]!.Properties.Environment.Variables;
    expect(env.SCHEDULE_GROUP).toEqual({ Ref: group()[0] });
    expect(env.SCHEDULE_TARGET_ARN).toEqual(arnOf(dev.stack.events));
    expect(env.SCHEDULE_ROLE_ARN).toEqual({ 'Fn::GetAtt': [schedulerRoleId(), 'Arn'] });
  });
});

describe('image takedowns (docs/takedown.md)', () => {
  const statementsOf = (role: unknown) =>
    Object.values(t.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: id(role) }] } })).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Record<string, any>[],
    );

  it('only the publisher (and the republish finish step) may invalidate, and only CreateInvalidation on this distribution', () => {
    const all = Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as Record<string, any>[]);
    const cloudFront = all.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('cloudfront:')));
    const allowed = { Effect: 'Allow', Action: 'cloudfront:CreateInvalidation', Resource: dev.stack.resolve(dev.stack.distribution.distributionArn) };
    // Two grants: the publish role (image takedowns) and the republish state machine's finish Lambda (one /* after a run).
    expect(cloudFront).toEqual([allowed, allowed]);
    expect(statementsOf(dev.stack.publishRole)).toContainEqual(cloudFront[0]);
    expect(JSON.stringify(statementsOf(dev.stack.ingestRole))).not.toContain('cloudfront:');
  });

  it('the publisher is told which distribution, and may delete copies from the site bucket; ingest may not', () => {
    const env = t.findResources('AWS::Lambda::Function')[id(dev.stack.publishFunction)]!.Properties.Environment.Variables;
    expect(env.DISTRIBUTION_ID).toEqual({ Ref: id(dev.stack.distribution) });
    const deletes = (role: unknown) => statementsOf(role).filter((s) => [s.Action].flat().includes('s3:DeleteObject')).map((s) => s.Resource);
    expect(deletes(dev.stack.publishRole)).toEqual([objectsOf(dev.stack.site)]);
    expect(deletes(dev.stack.ingestRole)).toEqual([]);
  });
});
