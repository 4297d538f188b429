// The republish state machine as synthesized (the app as `cdk synth` builds it, cdk-nag included):
// a Distributed Map over the uploads bucket listing with bounded concurrency and tolerated
// failures, results written to S3; a serial map of chunks sent to the live FIFO queue with a task
// token; least-privilege roles; a deploy-time start keyed on site config and code version.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedpubApp, PROJECT_ROOT, type FeedpubApp } from '../../infra/feedpub-app';
import { REPUBLISH_RUNS_PREFIX } from '../../functions/core/site-index/paths';
import { deployFingerprint, INGEST_MAX_CONCURRENCY, INGEST_TOLERATED_FAILURES } from '../../infra/republish';
import { CODE_VERSION } from '../../functions/pipeline/version';
import aslValidator from 'asl-validator';
import { stateMachineDefinition, type AslDefinition } from '../support/state-machine-definition';

const CDK_JSON_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context as Record<string, unknown>;
const outdirs: string[] = [];
function synth(context: Record<string, unknown> = {}, siteJson?: unknown): FeedpubApp & { template: Template } {
  const outdir = mkdtempSync(join(tmpdir(), 'feedpub-cdk-republish-'));
  outdirs.push(outdir);
  const built = createFeedpubApp({ context: { ...CDK_JSON_CONTEXT, ...context }, outdir, ...(siteJson !== undefined && { siteJson }) });
  if (!built.ok) throw new Error(built.error);
  built.value.app.synth();
  return { ...built.value, template: Template.fromStack(built.value.stack) };
}
afterAll(() => outdirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let app: FeedpubApp & { template: Template };
let definition: AslDefinition;
const id = (c: { node: { defaultChild?: unknown } }) => app.stack.getLogicalId(c.node.defaultChild as never);

beforeAll(() => {
  app = synth();
  definition = stateMachineDefinition(app.template);
}, 240_000);

describe('republish state machine', () => {
  it('the synthesized definition is valid Amazon States Language (asl-validator: schema, transitions, paths, ARNs)', () => {
    const result = aslValidator(definition, { checkPaths: true, checkArn: true });
    expect(result.errorsText()).toBe('');
    expect(result.isValid).toBe(true);
    // The checker does reject this document when it is broken: a transition to no state, a bad path.
    const dangling = structuredClone(definition);
    (dangling.States.PlanChunks as { Next: string }).Next = 'NoSuchState';
    expect(aslValidator(dangling, { checkPaths: true, checkArn: true }).errors.map((e) => e['Error code'])).toContain('MISSING_TRANSITION_TARGET');
    const badPath = structuredClone(definition);
    (badPath.States.Finish as { ResultPath: string }).ResultPath = '$.[report';
    expect(aslValidator(badPath, { checkPaths: true, checkArn: true }).isValid).toBe(false);
  });

  it('starts with a Distributed Map over the uploads bucket listing (ListObjectsV2), batched, bounded, failures tolerated and written to S3', () => {
    const ingest = definition.States[definition.StartAt] as Record<string, any>;
    expect(ingest.Type).toBe('Map');
    expect(ingest.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
    expect(ingest.ItemReader.Resource).toMatch(/:states:::s3:listObjectsV2$/);
    expect(ingest.ItemBatcher.MaxItemsPerBatch).toBeGreaterThan(1);
    expect(ingest.MaxConcurrency).toBe(INGEST_MAX_CONCURRENCY);
    expect(ingest.ToleratedFailureCount).toBe(INGEST_TOLERATED_FAILURES);
    expect(ingest.ResultWriter.Parameters.Prefix).toBe(`${REPUBLISH_RUNS_PREFIX}ingest`);
    expect(ingest.Next).toBe('SweepPrepared');
  });

  it('sweeps prepared records between the ingest map and the plan, and hands its figures to the report', () => {
    const sweep = definition.States.SweepPrepared as Record<string, any>;
    expect(sweep.Type).toBe('Task');
    expect(sweep.Next).toBe('PlanChunks');
    expect(sweep.ResultPath).toBe('$.sweep');
    expect(JSON.stringify(definition.States.Finish)).toContain('"sweep.$":"$.sweep"');
  });

  it('least privilege: the sweep role deletes prepared records only, and no role but the publisher and the sweep may delete in the site bucket', () => {
    const policies = Object.values(app.template.findResources('AWS::IAM::Policy')) as any[];
    const of = (roleId: string) => policies.filter((p) => p.Properties.Roles.some((r: any) => r.Ref === roleId)).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const sweep = of(id(app.stack.republish.roles.sweep as never));
    const byAction = Object.fromEntries(sweep.filter((s) => !String(s.Action).startsWith('logs:')).map((s) => [[s.Action].flat().sort().join(' '), JSON.stringify(s.Resource)]));
    expect(Object.keys(byAction).sort()).toEqual(['s3:DeleteObject s3:GetObject s3:PutObject', 's3:GetObject', 's3:ListBucket']);
    expect(byAction['s3:DeleteObject s3:GetObject s3:PutObject']).toContain('/_feedpub/prepared/*');
    expect(byAction['s3:GetObject']).not.toContain('_feedpub');
    for (const s of sweep) expect(s.Effect).toBe('Allow');
    expect(sweep.some((s) => [s.Action].flat().some((a: string) => a.includes('*') || a.startsWith('sqs:')))).toBe(false);
    // Every DeleteObject grant in the app, by role: the publish role (the site) and the sweep role (prepared records).
    const deleters = policies
      .filter((p) => p.Properties.PolicyDocument.Statement.some((s: any) => [s.Action].flat().some((a: string) => a === 's3:DeleteObject' || a === 's3:*')))
      .flatMap((p) => p.Properties.Roles.map((r: any) => r.Ref))
      .sort();
    expect(deleters).toEqual([id(app.stack.publishRole as never), id(app.stack.republish.roles.sweep as never)].sort());
  });

  it('publishes chunks one at a time through the live FIFO queue, each waiting for its task token', () => {
    const publish = definition.States.PublishChunks as Record<string, any>;
    expect(publish.MaxConcurrency).toBe(1);
    expect(publish.ItemReader.Resource).toMatch(/:states:::s3:getObject$/);
    expect(publish.ItemReader.Parameters['Key.$']).toBe('$.plan.key');
    const send = publish.ItemProcessor.States.PublishChunk;
    expect(send.Resource).toMatch(/:states:::sqs:sendMessage\.waitForTaskToken$/);
    expect(send.Parameters.MessageGroupId).toBe('feedpub');
    expect(send.Parameters.MessageBody.feedpubRepublishChunk['taskToken.$']).toBe('$$.Task.Token');
    expect(send.TimeoutSeconds).toBeGreaterThan(60);
    expect(publish.Catch[0].Next).toBe('FinishAfterFailure');
    expect(definition.States.Finish?.Next).toBe('ReportOk');
  });

  it('the chunk messages go to the publish queue the live pipeline uses', () => {
    const t = app.template;
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: id(app.stack.republish.stateMachine.role as never) }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [id(app.stack.publish as never), 'Arn'] } })]) },
    });
  });

  it('least privilege: the state machine may read and write S3 objects only under the runs prefix (explicit Deny elsewhere)', () => {
    const policies = app.template.findResources('AWS::IAM::Policy');
    const statements = Object.values(policies).flatMap((p: any) => (p.Properties.Roles[0].Ref === id(app.stack.republish.stateMachine.role as never) ? p.Properties.PolicyDocument.Statement : []));
    const deny = statements.find((s: any) => s.Effect === 'Deny');
    expect(deny.Action).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(deny.NotResource)).toContain(`/${REPUBLISH_RUNS_PREFIX}*`);
  });

  it('least privilege: the batch ingest role reads uploads and writes prepared records only; the publish role answers task tokens', () => {
    const policies = Object.values(app.template.findResources('AWS::IAM::Policy')) as any[];
    const of = (roleId: string) => policies.filter((p) => p.Properties.Roles[0].Ref === roleId).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const ingest = of(id(app.stack.republish.roles.ingest as never));
    const writes = ingest.filter((s) => [s.Action].flat().some((a: string) => /^s3:(Put|Delete)/.test(a)));
    expect(writes).toHaveLength(1);
    expect(JSON.stringify(writes[0].Resource)).toContain('/_feedpub/prepared/*');
    expect(ingest.some((s) => [s.Action].flat().some((a: string) => a.startsWith('sqs:')))).toBe(false);
    const publish = of(id(app.stack.publishRole as never));
    const answer = publish.find((s) => [s.Action].flat().includes('states:SendTaskSuccess'));
    expect(answer.Resource).toEqual({ Ref: id(app.stack.republish.stateMachine as never) });
  });

  it('logs every state and traces (cdk-nag SF1, SF2 satisfied, not suppressed)', () => {
    app.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
      TracingConfiguration: { Enabled: true },
    });
  });

  it('a deploy starts a republish; its properties are the site-config/code fingerprint, so only a change of either (or of the base URL) starts another', () => {
    const fingerprintOf = (t: Template) => {
      const starts = Object.values(t.findResources('Custom::AWS')) as any[];
      expect(starts).toHaveLength(1);
      const create = JSON.stringify(starts[0].Properties.Create);
      expect(create).toContain('startExecution');
      expect(JSON.stringify(starts[0].Properties.Update)).toBe(create);
      return /fingerprint[^0-9a-f]*([0-9a-f]{16})/.exec(create)?.[1];
    };
    // The fingerprint is of the configuration the functions run with (their SITE_CONFIG) and this version.
    const publishFn = Object.values(app.template.findResources('AWS::Lambda::Function')).find((f: any) => f.Properties.Description === 'feedpub: publish uploads into feeds and pages') as any;
    const siteConfig = JSON.parse(publishFn.Properties.Environment.Variables.SITE_CONFIG);
    const fingerprint = fingerprintOf(app.template);
    expect(fingerprint).toBe(deployFingerprint(siteConfig, CODE_VERSION));
    expect(deployFingerprint(siteConfig, `${CODE_VERSION}-next`)).not.toBe(fingerprint);
    const restyled = synth({}, { ...JSON.parse(readFileSync(join(PROJECT_ROOT, 'content', 'site.json'), 'utf8')), creditStyle: { format: '{agency}/{photographer}', prefix: '' } });
    expect(fingerprintOf(restyled.template)).not.toBe(fingerprint);
  }, 240_000);

  it('every cdk-nag acknowledgement of the construct names its finding and carries a written reason', () => {
    const acks: [string, string][] = [];
    for (const construct of app.stack.republish.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) acks.push(...Object.entries(entry.data as Record<string, string>));
      }
    }
    const rules = acks.map(([rule]) => rule.replace(/<[A-Za-z0-9]+\.Arn>/g, '<ARN>').replace(/"Ref":"[A-Za-z0-9]+"/g, '"Ref":"<ID>"'));
    expect(rules.sort()).toEqual(
      [
        'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/_feedpub/months/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/_feedpub/prepared/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/_feedpub/prepared/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/_feedpub/republish/runs/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/_feedpub/republish/runs/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>/_feedpub/republish/runs/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>:*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>:*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>:*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::<ARN>:*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::<SiteE53D7754>/*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"<ID>"}]}]}/*:*]',
        'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"<ID>"}]}]}:*]',
      ].sort(),
    );
    for (const [rule, reason] of acks) expect(reason.length, rule).toBeGreaterThan(40);
  });

  it('prints the state machine ARN for `feedpub republish --endpoint aws`', () => {
    app.template.hasOutput('RepublishStateMachineArn', { Value: { Ref: id(app.stack.republish.stateMachine as never) } });
  });
});

describe('domain move at the edge', () => {
  const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
  it('the old domain stays on the distribution and its viewer-request function 301s to the new one', () => {
    const moved = synth({ domainName: 'news.example.org', certificateArn: CERT, previousDomainNames: 'old.example.com' });
    moved.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Aliases: ['news.example.org', 'old.example.com'] }),
    });
    const fn = Object.values(moved.template.findResources('AWS::CloudFront::Function'))[0] as { Properties: { FunctionCode: string } };
    expect(fn.Properties.FunctionCode).toContain("var CANONICAL_HOST = 'news.example.org';\nvar MOVED_HOSTS = ['old.example.com'];");
    // The publisher's base URL is the new domain: the deploy republishes under it.
    const publishFn = Object.values(moved.template.findResources('AWS::Lambda::Function')).find((f: any) => f.Properties.Description === 'feedpub: publish uploads into feeds and pages') as any;
    expect(publishFn.Properties.Environment.Variables.BASE_URL).toBe('https://news.example.org');
  }, 240_000);

  it('previous domains need a current one', () => {
    const built = createFeedpubApp({ context: { ...CDK_JSON_CONTEXT, previousDomainNames: 'old.example.com' }, outdir: mkdtempSync(join(tmpdir(), 'feedpub-cdk-bad-')) });
    expect(built.ok).toBe(false);
    expect(built.ok ? '' : built.error).toContain('needs "domainName"');
  });
});
