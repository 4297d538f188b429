// The republish state machine's definition as CloudFormation would hand it to Step Functions: the
// synthesized DefinitionString is an Fn::Join of JSON text and tokens (ARNs, bucket names, the queue
// URL); each token is replaced by the value it would resolve to, so the result is the ASL document a
// deployed stack runs, readable by an independent validator or a local interpreter.
import type { Template } from 'aws-cdk-lib/assertions';

export interface AslDefinition {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
  [field: string]: unknown;
}

export const TEST_ACCOUNT = '123456789012';
export const TEST_REGION = 'us-east-1';

type Token = { Ref: string } | { 'Fn::GetAtt': [string, string] };

/**
 * The state machine's definition with every token resolved: `values` names the physical value of a
 * logical id (e.g. the local S3 server's bucket names); any other resource gets the value AWS would
 * give it in a test account. A token of a kind not handled here fails, so a new one is noticed.
 */
export function stateMachineDefinition(template: Template, values: Record<string, string> = {}): AslDefinition {
  const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
  if (machines.length !== 1) throw new Error(`expected one state machine, found ${machines.length}`);
  const body = (machines[0] as { Properties: { DefinitionString: { 'Fn::Join': [string, (string | Token)[]] } } }).Properties.DefinitionString;
  const resources = template.toJSON().Resources as Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  const resolve = (token: Token): string => {
    if ('Ref' in token) {
      if (token.Ref === 'AWS::Partition') return 'aws';
      if (token.Ref === 'AWS::Region') return TEST_REGION;
      if (token.Ref === 'AWS::AccountId') return TEST_ACCOUNT;
      if (token.Ref === 'AWS::URLSuffix') return 'amazonaws.com';
      const known = values[token.Ref];
      if (known !== undefined) return known;
      const type = resources[token.Ref]?.Type;
      if (type === 'AWS::S3::Bucket') return token.Ref.toLowerCase();
      if (type === 'AWS::SQS::Queue') return `https://sqs.${TEST_REGION}.amazonaws.com/${TEST_ACCOUNT}/${token.Ref}.fifo`;
      throw new Error(`unresolved Ref ${token.Ref} (${type})`);
    }
    const [id, attribute] = token['Fn::GetAtt'];
    const type = resources[id]?.Type;
    if (type === 'AWS::Lambda::Function' && attribute === 'Arn') return `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:function:${id}`;
    if (type === 'AWS::SQS::Queue' && attribute === 'Arn') return `arn:aws:sqs:${TEST_REGION}:${TEST_ACCOUNT}:${id}.fifo`;
    throw new Error(`unresolved Fn::GetAtt ${id}.${attribute} (${type})`);
  };
  // Tokens sit inside JSON strings: their values are escaped as string content.
  const text = body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : JSON.stringify(resolve(part)).slice(1, -1))).join(body['Fn::Join'][0]);
  return JSON.parse(text) as AslDefinition;
}

/** The logical id of a construct's CloudFormation resource. */
export function logicalId(stack: { getLogicalId(element: never): string }, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as never);
}
