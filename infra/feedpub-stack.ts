// The deployed pipeline, two stages: uploads bucket -> S3 events -> standard queue -> ingest
// function (parallel, one upload per invocation: size check, parse, prepared record) -> FIFO queue
// (one message group) -> publish function (single writer) -> site bucket -> CloudFront.
// Only ingest parses, so a pathological upload costs one ingest invocation and ends in quarantine;
// one message group makes the publish function the single writer of the index by construction
// (no lost update), without reserved concurrency 1 on a standard queue.
import { join } from 'node:path';
import { CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { Alarms } from './alarms';
import { cdkBundling, INGEST_ENTRY, PUBLISH_ENTRY } from './bundling';
import { queueWithDeadLetters } from './queues';
import { Republish } from './republish';
import type { StackConfig } from './config';
import { FEED_CORS } from '../functions/core/cors';
import { PREPARED_PREFIX } from '../functions/core/site-index/paths';
import { UPLOAD_SUFFIXES } from '../functions/core/upload-keys';
import { CDN_CACHE_CLASSES, type CdnCacheClass, type CdnCacheClassName, HEAD_FEED_PATHS, OUTPUTS, PRIVATE_PREFIX } from '../functions/core/outputs/formats';
import { viewerRequestCode } from './viewer-request-code';



/** Node 24: the Active LTS line (Node 22 is in maintenance, its Lambda runtime deprecated in 2027). */
export const PUBLISH_RUNTIME = lambda.Runtime.NODEJS_24_X;
export const PUBLISH_TIMEOUT = Duration.seconds(60);
/** Renders are CPU-bound and Lambda CPU scales with memory: 1024 MB buys ~0.6 vCPU. */
export const PUBLISH_MEMORY_MB = 1024;
/** FIFO group id: one group, so batches are processed one at a time, in order. */
export const MESSAGE_GROUP_ID = 'feedpub';
export const MAX_RECEIVE_COUNT = 5;
/** One upload per invocation: the timeout bounds what one pathological file can cost. */
export const INGEST_TIMEOUT = Duration.seconds(30);
/** A 2 MB article's parse holds several copies of its text; CPU scales with memory too. */
export const INGEST_MEMORY_MB = 1024;
/**
 * On the last receive the ingest handler quarantines the upload without parsing it again (the
 * earlier attempts timed out or crashed), so a file reaches the DLQ only on repeated S3 faults.
 */
export const INGEST_MAX_RECEIVE_COUNT = 3;
/** Parallel ingests: bounds the S3 request rate and what a burst of bad uploads costs at once. */
export const INGEST_MAX_CONCURRENCY = 10;
export const NONCURRENT_VERSION_DAYS = 30;

export const CSP = "default-src 'self'; img-src 'self' https: data:; style-src 'self'";

export interface FeedpubStackProps extends StackProps {
  config: StackConfig;
  /** Project root: where functions/ and package-lock.json live. */
  projectRoot: string;
}

export class FeedpubStack extends Stack {
  readonly uploads: s3.Bucket;
  readonly site: s3.Bucket;
  readonly accessLogs: s3.Bucket;
  readonly events: sqs.Queue;
  readonly eventsDlq: sqs.Queue;
  readonly publish: sqs.Queue;
  readonly publishDlq: sqs.Queue;
  readonly publishFunction: NodejsFunction;
  readonly publishRole: iam.Role;
  readonly ingestFunction: NodejsFunction;
  readonly ingestRole: iam.Role;
  readonly distribution: cloudfront.Distribution;
  readonly alarmTopic: sns.Topic;
  readonly republish: Republish;

  constructor(scope: Construct, id: string, props: FeedpubStackProps) {
    super(scope, id, props);
    const { config, projectRoot } = props;

    // ---- Buckets -------------------------------------------------------------------------------
    // Access logs of both buckets and the distribution. CloudFront standard logging writes with
    // ACLs, hence object-writer ownership on this bucket only.
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ id: 'expire-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // The source of truth: editors' files. Retained when the stack is destroyed.
    const uploads = new s3.Bucket(this, 'Uploads', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'uploads/',
      lifecycleRules: [
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Derived output: rebuilt from the uploads, so destroyed (emptied first) with the stack.
    // S3-managed keys: CloudFront OAC reads SSE-S3 objects without a KMS key policy.
    const site = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      // Lets S3 answer a browser's CORS preflight for a feed (e.g. a fetch that sends If-None-Match).
      cors: [
        {
          allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedOrigins: [FEED_CORS.allowOrigin],
          allowedHeaders: [...FEED_CORS.allowHeaders],
          exposedHeaders: [...FEED_CORS.exposeHeaders],
          maxAge: FEED_CORS.maxAgeSeconds,
        },
      ],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    // ---- Queues and the pipe -------------------------------------------------------------------
    // S3 notifies this standard queue; the ingest function consumes it.
    const { queue: events, deadLetters: eventsDlq } = queueWithDeadLetters(this, 'Events', {
      // AWS advises 6x the function timeout for SQS sources.
      visibilityTimeout: Duration.seconds(INGEST_TIMEOUT.toSeconds() * 6),
      maxReceiveCount: INGEST_MAX_RECEIVE_COUNT,
    });
    const { queue: publish, deadLetters: publishDlq } = queueWithDeadLetters(this, 'Publish', {
      fifo: true,
      // The ingest function gives each message a deduplication id (the ingest queue's message id).
      contentBasedDeduplication: false,
      // AWS advises 6x the function timeout for SQS sources: retries within a batch fit.
      visibilityTimeout: Duration.seconds(PUBLISH_TIMEOUT.toSeconds() * 6),
      maxReceiveCount: MAX_RECEIVE_COUNT,
    });

    // Case-sensitive suffix filters: the spellings the core's case rule allows (functions/core/upload-keys.ts).
    for (const suffix of UPLOAD_SUFFIXES) {
      for (const event of [s3.EventType.OBJECT_CREATED, s3.EventType.OBJECT_REMOVED]) {
        uploads.addEventNotification(event, new SqsDestination(events), { suffix });
      }
    }

    // ---- CloudFront ----------------------------------------------------------------------------
    const encoded = { enableAcceptEncodingGzip: true, enableAcceptEncodingBrotli: true };
    // One cache policy per cache class of the output table (functions/core/outputs/formats.ts).
    const cachePolicies = new Map<CdnCacheClassName, cloudfront.CachePolicy>();
    for (const cacheClass of CDN_CACHE_CLASSES) {
      const id = `${cacheClass.name[0]!.toUpperCase()}${cacheClass.name.slice(1)}Cache`;
      cachePolicies.set(
        cacheClass.name,
        new cloudfront.CachePolicy(this, id, {
          comment: cacheClass.comment,
          defaultTtl: Duration.seconds(cacheClass.defaultTtlSeconds),
          maxTtl: Duration.seconds(cacheClass.maxTtlSeconds),
          minTtl: Duration.seconds(0),
          ...encoded,
        }),
      );
    }

    const securityHeaders: cloudfront.ResponseSecurityHeadersBehavior = {
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    };
    const pagesHeaders = new cloudfront.ResponseHeadersPolicy(this, 'PagesHeaders', {
      comment: 'feedpub pages: security headers and CSP',
      securityHeadersBehavior: { ...securityHeaders, contentSecurityPolicy: { contentSecurityPolicy: CSP, override: true } },
    });
    // Web feed readers fetch feeds from their own origin: CORS for any origin, read-only.
    const feedsHeaders = new cloudfront.ResponseHeadersPolicy(this, 'FeedsHeaders', {
      comment: 'feedpub feeds: CORS for any origin and security headers',
      securityHeadersBehavior: securityHeaders,
      corsBehavior: {
        accessControlAllowOrigins: [FEED_CORS.allowOrigin],
        accessControlAllowMethods: [...FEED_CORS.allowMethods],
        accessControlAllowHeaders: [...FEED_CORS.allowHeaders],
        accessControlExposeHeaders: [...FEED_CORS.exposeHeaders],
        accessControlAllowCredentials: false,
        accessControlMaxAge: Duration.seconds(FEED_CORS.maxAgeSeconds),
        originOverride: true,
      },
    });

    const folderIndex = new cloudfront.Function(this, 'FolderIndex', {
      code: cloudfront.FunctionCode.fromInline(viewerRequestCode({ canonicalHost: config.domainName, movedHosts: config.previousDomainNames })),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'feedpub: /dir/ -> /dir/index.html, /dir -> /dir/, browsers on a head feed -> /subscribe/',
    });

    // READ + LIST: with ListBucket a missing object is a 404 (not a 403), so the 404 page applies.
    const origin = S3BucketOrigin.withOriginAccessControl(site, {
      originAccessLevels: [cloudfront.AccessLevel.READ, cloudfront.AccessLevel.LIST],
    });
    const behaviorFor = (cacheClass: CdnCacheClass): cloudfront.BehaviorOptions => ({
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: cachePolicies.get(cacheClass.name)!,
      responseHeadersPolicy: cacheClass.cors ? feedsHeaders : pagesHeaders,
      compress: true,
      ...(cacheClass.cors && {
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS,
        // Forwards Origin and the preflight headers to S3 (not part of the cache key).
        originRequestPolicy: cloudfront.OriginRequestPolicy.CORS_S3_ORIGIN,
      }),
      // On feeds, a browser opening feed.xml/atom.xml is redirected to the subscribe page before the
      // cache: the cached feed bytes never depend on who asked (no Vary), and the redirect is not stored.
      ...(cacheClass.viewerRequest && { functionAssociations: [{ function: folderIndex, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }] }),
    });
    const defaultClass = CDN_CACHE_CLASSES.find((c) => c.pathPatterns.length === 0)!;
    // In the table's order, which is CloudFront's order of precedence.
    const additionalBehaviors = Object.fromEntries(
      CDN_CACHE_CLASSES.flatMap((cacheClass) => {
        const behavior = behaviorFor(cacheClass);
        return cacheClass.pathPatterns.map((pattern) => [pattern, behavior] as const);
      }),
    );
    const certificate = config.certificateArn
      ? Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn)
      : undefined;
    const distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `feedpub ${config.stage}`,
      defaultRootObject: OUTPUTS.home.path,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      // The TLS policy is only ours to choose with our own certificate (*.cloudfront.net is fixed).
      ...(certificate &&
        config.domainName && {
          certificate,
          domainNames: [config.domainName, ...config.previousDomainNames],
          minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
        }),
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: behaviorFor(defaultClass),
      additionalBehaviors,
      // If 404.html is missing, CloudFront still answers 404 (without the page).
      errorResponses: [{ httpStatus: 404, responseHttpStatus: 404, responsePagePath: `/${OUTPUTS.notFound.path}`, ttl: Duration.seconds(60) }],
    });

    // The private index is never served, whatever the grant above says (an explicit Deny wins).
    // Quarantine records live there too (_feedpub/quarantine/): they name unpublished uploads.
    site.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyPrivateIndexToCloudFront',
        effect: iam.Effect.DENY,
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: [site.arnForObjects(`${PRIVATE_PREFIX}*`)],
      }),
    );

    const baseUrl = config.domainName ? `https://${config.domainName}` : `https://${distribution.distributionDomainName}`;

    // ---- Scheduled publishing -----------------------------------------------------------------
    // Held (future-dated) articles get a one-time schedule in this group; at its time the scheduler
    // sends the key's S3-shaped event to the events queue, and the publish stage re-checks the date.
    const scheduleGroup = new scheduler.CfnScheduleGroup(this, 'HeldArticles', {});
    const schedulerRole = new iam.Role(this, 'HeldArticlesSchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': this.account } } }),
      description: 'feedpub: EventBridge Scheduler sends held articles back to the events queue',
    });
    schedulerRole.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [events.queueArn] }));
    const schedulesArn = this.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${scheduleGroup.ref}/*` });

    // ---- The publish function ------------------------------------------------------------------
    const logGroup = new logs.LogGroup(this, 'PublishLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role: logs to its own group only, instead of the managed basic-execution policy.
    const publishRole = new iam.Role(this, 'PublishRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'feedpub publish function',
    });
    publishRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    // ListBucket: without it S3 answers 403, not 404, for a missing key, and the handler reads
    // "gone" as "deleted" (uploads) or "not yet written" (the index in the site bucket).
    publishRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [uploads.bucketArn, site.bucketArn] }),
    );
    publishRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('*')] }));
    publishRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [site.arnForObjects('*')],
      }),
    );
    publishRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'], resources: [schedulesArn] }),
    );
    publishRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    if (config.cdnInvalidation) {
      publishRole.addToPolicy(
        new iam.PolicyStatement({ actions: ['cloudfront:CreateInvalidation'], resources: [distribution.distributionArn] }),
      );
    }

    const fn = new NodejsFunction(this, 'PublishFunction', {
      description: 'feedpub: publish uploads into feeds and pages',
      entry: join(projectRoot, PUBLISH_ENTRY),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime: PUBLISH_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: PUBLISH_MEMORY_MB,
      timeout: PUBLISH_TIMEOUT,
      role: publishRole,
      logGroup,
      bundling: cdkBundling(),
      // No reserved concurrency: the single FIFO message group already means one batch at a time.
      environment: {
        UPLOADS_BUCKET: uploads.bucketName,
        SITE_BUCKET: site.bucketName,
        SITE_CONFIG: JSON.stringify(config.site),
        BASE_URL: baseUrl,
        // Without it the function does not invalidate; pages then refresh at their max-age.
        ...(config.cdnInvalidation && { DISTRIBUTION_ID: distribution.distributionId }),
        SCHEDULE_GROUP: scheduleGroup.ref,
        SCHEDULE_TARGET_ARN: events.queueArn,
        SCHEDULE_ROLE_ARN: schedulerRole.roleArn,
        POWERTOOLS_SERVICE_NAME: 'feedpub-publish',
        POWERTOOLS_METRICS_NAMESPACE: 'feedpub',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    fn.addEventSource(new SqsEventSource(publish, { batchSize: 10, reportBatchItemFailures: true }));

    // ---- The ingest function -------------------------------------------------------------------
    const ingestLogGroup = new logs.LogGroup(this, 'IngestLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Reads uploads, writes prepared records (one private prefix of the site bucket), sends to the
    // publish queue. It can neither write the public site nor read the rest of the index.
    const ingestRole = new iam.Role(this, 'IngestRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'feedpub ingest function',
    });
    ingestRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [ingestLogGroup.logGroupArn] }),
    );
    // ListBucket: a missing key is then a 404 (gone upload, no prepared record yet), not a 403.
    ingestRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [uploads.bucketArn, site.bucketArn] }));
    ingestRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [uploads.arnForObjects('*')] }));
    ingestRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [site.arnForObjects(`${PREPARED_PREFIX}*`)] }),
    );
    ingestRole.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [publish.queueArn] }));

    const ingestFn = new NodejsFunction(this, 'IngestFunction', {
      description: 'feedpub: check, parse and normalize one upload into a prepared record',
      entry: join(projectRoot, INGEST_ENTRY),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      runtime: PUBLISH_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: INGEST_MEMORY_MB,
      timeout: INGEST_TIMEOUT,
      role: ingestRole,
      logGroup: ingestLogGroup,
      bundling: cdkBundling(),
      environment: {
        UPLOADS_BUCKET: uploads.bucketName,
        SITE_BUCKET: site.bucketName,
        SITE_CONFIG: JSON.stringify(config.site),
        BASE_URL: baseUrl,
        PUBLISH_QUEUE_URL: publish.queueUrl,
        INGEST_MAX_RECEIVE_COUNT: String(INGEST_MAX_RECEIVE_COUNT),
        INGEST_TIMEOUT_SECONDS: String(INGEST_TIMEOUT.toSeconds()),
        POWERTOOLS_SERVICE_NAME: 'feedpub-ingest',
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    // Batch size 1: each upload is parsed in an invocation of its own, so a slow one delays no other.
    ingestFn.addEventSource(
      new SqsEventSource(events, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: INGEST_MAX_CONCURRENCY }),
    );

    // ---- Republish (docs/republish.md) ---------------------------------------------------------
    const republish = new Republish(this, 'Republish', {
      uploads,
      site,
      publishQueue: publish,
      publishRole,
      messageGroupId: MESSAGE_GROUP_ID,
      projectRoot,
      runtime: PUBLISH_RUNTIME,
      environment: { UPLOADS_BUCKET: uploads.bucketName, SITE_BUCKET: site.bucketName, SITE_CONFIG: JSON.stringify(config.site), BASE_URL: baseUrl },
      site_config: config.site,
      baseUrl,
      ...(config.cdnInvalidation && { distribution }),
    });
    this.republish = republish;

    // ---- Alarms --------------------------------------------------------------------------------
    // A customer-managed key: CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    const alarmKey = new kms.Key(this, 'AlarmsKey', {
      description: 'feedpub alarm topic encryption',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch alarms of this account only (confused deputy): CloudWatch's KMS requests carry
    // aws:SourceAccount, as its sns:Publish does.
    const cloudwatchPrincipal = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    const fromThisAccount = { StringEquals: { 'aws:SourceAccount': this.account } };
    alarmKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmsOfThisAccountUseTheKey',
        principals: [cloudwatchPrincipal],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );
    const alarmTopic = new sns.Topic(this, 'Alarms', {
      displayName: `feedpub ${config.stage} alarms`,
      masterKey: alarmKey,
      enforceSSL: true,
    });
    // enforceSSL creates a topic policy, which replaces SNS's default one (the account may
    // publish): without this Allow, CloudWatch could not deliver a single alarm.
    alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AlarmsOfThisAccountPublish',
        principals: [cloudwatchPrincipal],
        actions: ['sns:Publish'],
        resources: [alarmTopic.topicArn],
        conditions: fromThisAccount,
      }),
    );
    if (config.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    const alarms = new Alarms(this, new SnsAction(alarmTopic));
    alarms.deadLetters('EventsDlqNotEmpty', 'S3 events the ingest function failed on 3 times: S3 or SQS faults, not bad files (redrive: docs/operations.md, "Retries and the DLQ")', eventsDlq);
    alarms.deadLetters('PublishDlqNotEmpty', 'Uploads the publish function failed on 5 times (redrive: docs/operations.md, "Retries and the DLQ")', publishDlq);
    alarms.errors('PublishErrors', 'Publish function invocations that threw', fn);
    alarms.oldestMessage('PublishQueueAge', 'Oldest upload waiting for publish is over 5 minutes', publish, 300);
    alarms.errors('IngestErrors', 'Ingest function invocations that threw or timed out', ingestFn);
    alarms.oldestMessage('EventsQueueAge', 'Oldest S3 event waiting for ingest is over 5 minutes', events, 300);

    // ---- Outputs -------------------------------------------------------------------------------
    new CfnOutput(this, 'UploadsBucketName', { value: uploads.bucketName, description: 'Put articles and images here' });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucketName, description: 'Published site (served by CloudFront only)' });
    new CfnOutput(this, 'DistributionDomainName', { value: distribution.distributionDomainName });
    new CfnOutput(this, 'SiteUrl', { value: `${baseUrl}/` });
    new CfnOutput(this, 'FeedUrls', {
      value: HEAD_FEED_PATHS.map((path) => `${baseUrl}/${path}`).join(' '),
      description: 'RSS 2.0, Atom 1.0, JSON Feed 1.1',
    });
    new CfnOutput(this, 'UploadCommand', { value: `aws s3 cp FILE s3://${uploads.bucketName}/` });
    new CfnOutput(this, 'DlqUrls', {
      value: `${eventsDlq.queueUrl} ${publishDlq.queueUrl}`,
      description: 'Dead-letter queues: S3 events (ingest function), uploads (publish function)',
    });
    new CfnOutput(this, 'DlqArns', {
      value: `${eventsDlq.queueArn} ${publishDlq.queueArn}`,
      description: 'For aws sqs start-message-move-task --source-arn (redrive)',
    });
    new CfnOutput(this, 'PublishLogGroupName', { value: logGroup.logGroupName, description: 'aws logs tail --follow' });
    new CfnOutput(this, 'IngestLogGroupName', { value: ingestLogGroup.logGroupName, description: 'aws logs tail --follow' });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });

    this.accessLogs = accessLogs;
    this.uploads = uploads;
    this.site = site;
    this.events = events;
    this.eventsDlq = eventsDlq;
    this.publish = publish;
    this.publishDlq = publishDlq;
    this.ingestRole = ingestRole;
    this.ingestFunction = ingestFn;
    this.publishRole = publishRole;
    this.distribution = distribution;
    this.alarmTopic = alarmTopic;
    this.publishFunction = fn;
    this.acknowledgeNagFindings({ publishRole, ingestRole, uploads, site, distribution, scheduleGroup, hasDomain: !!config.domainName });
  }

  /** cdk-nag v3 findings acknowledged, each with why it does not apply here (one id per finding). */
  private acknowledgeNagFindings(parts: {
    publishRole: iam.Role;
    ingestRole: iam.Role;
    uploads: s3.Bucket;
    site: s3.Bucket;
    distribution: cloudfront.Distribution;
    scheduleGroup: scheduler.CfnScheduleGroup;
    hasDomain: boolean;
  }): void {
    const ack = (scope: Construct, id: string, reason: string): void => Validations.of(scope).acknowledge({ id, reason });
    // cdk-nag v3 rule ids are qualified by the plugin name.
    const nag = (scope: Construct, rule: string, reason: string): void => ack(scope, `AwsSolutions::AwsSolutions-${rule}`, reason);
    for (const bucket of [parts.uploads, parts.site]) {
      const arn = `<${this.getLogicalId(bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*`;
      nag(
        parts.publishRole,
        `IAM5[Resource::${arn}]`,
        'Object-level actions on one named bucket; the keys are editors\' file names and generated paths, unknown at deploy time.',
      );
    }
    const siteArn = `<${this.getLogicalId(parts.site.node.defaultChild as s3.CfnBucket)}.Arn>`;
    const uploadsArn = `<${this.getLogicalId(parts.uploads.node.defaultChild as s3.CfnBucket)}.Arn>`;
    nag(parts.ingestRole, `IAM5[Resource::${uploadsArn}/*]`, 'Reads any upload: the keys are editors\' file names, unknown at deploy time.');
    nag(parts.ingestRole, `IAM5[Resource::${siteArn}/${PREPARED_PREFIX}*]`, 'Writes only under the private prepared-record prefix; record names are hashes of upload keys and versions.');
    // cdk-nag names a pseudo parameter <AWS::...> and a concrete value as itself.
    const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const schedules = `arn:${shown(this.partition, 'Partition')}:scheduler:${shown(this.region, 'Region')}:${shown(this.account, 'AccountId')}:schedule/<${this.getLogicalId(parts.scheduleGroup)}>/*`;
    nag(parts.publishRole, `IAM5[Resource::${schedules}]`, 'Creates and deletes schedules in the held-articles group only; schedule names are hashes of upload keys.');
    nag(this, 'CFR1', 'Public news feeds: no geographic restriction is wanted.');
    nag(this, 'CFR2', 'Static, read-only content from a private bucket; WAF (from about $6/month) is optional for a feed site.');
    ack(
      parts.distribution,
      'Annotation::@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'S3 lists only for a GET of the bucket root, and CloudFront serves "/" as index.html (defaultRootObject); any other key path is a GetObject (404 when missing).',
    );
    // CDK's bucket-notification helper (a singleton Lambda that writes the notification config).
    const notificationsHelper = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notificationsHelper) {
      nag(
        notificationsHelper,
        'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'CDK-managed helper that writes the bucket notification configuration at deploy time; the managed policy only grants its own logs.',
      );
    }
    if (!parts.hasDomain) {
      nag(this, 'CFR4', 'Without a custom domain the default *.cloudfront.net certificate is used, whose TLS policy CloudFront fixes; set domainName and certificateArn for TLSv1.2_2021.');
    }
  }
}
