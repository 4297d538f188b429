// Stack configuration from cdk context over content/site.json: a table of accepted and rejected
// values, each rejection naming the key and what to write instead.
import { describe, expect, it } from 'vitest';
import { stackConfig } from '../../infra/config';

const SITE = {
  title: 'Newsroom',
  baseUrl: 'http://localhost:8787',
  description: 'News',
  language: 'en',
  defaultAuthor: 'Staff',
  feedSize: 50,
};
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
const configFrom = (context: Record<string, unknown>, site: unknown = SITE) => stackConfig((key) => context[key], site);

describe('stackConfig', () => {
  it('defaults: stage dev, site.json as is, no domain, no alarm email', () => {
    const config = configFrom({});
    expect(config).toEqual({ ok: true, value: { stage: 'dev', cdnInvalidation: true, previousDomainNames: [], site: expect.objectContaining({ ...SITE, feedSize: 50 }) } });
  });

  it.each([
    ['stage', { stage: 'prod' }, (c: any) => c.stage, 'prod'],
    ['feedSize as -c string', { feedSize: '20' }, (c: any) => c.site.feedSize, 20],
    ['feedSize as cdk.json number', { feedSize: 100 }, (c: any) => c.site.feedSize, 100],
    ['websubHub', { websubHub: 'https://pubsubhubbub.appspot.com/' }, (c: any) => c.site.websubHub, 'https://pubsubhubbub.appspot.com/'],
    ['domain sets the site baseUrl', { domainName: 'News.Example.com', certificateArn: CERT }, (c: any) => [c.domainName, c.site.baseUrl], ['news.example.com', 'https://news.example.com']],
    ['alarmEmail', { alarmEmail: 'ops@example.com' }, (c: any) => c.alarmEmail, 'ops@example.com'],
    ['cdnInvalidation=false as -c string', { cdnInvalidation: 'false' }, (c: any) => c.cdnInvalidation, false],
    ['cdnInvalidation as cdk.json boolean', { cdnInvalidation: false }, (c: any) => c.cdnInvalidation, false],
    ['empty values are unset', { stage: '', domainName: ' ', certificateArn: '', feedSize: '' }, (c: any) => [c.stage, c.domainName, c.site.feedSize], ['dev', undefined, 50]],
  ])('accepts %s', (_name, context, pick, expected) => {
    const config = configFrom(context);
    if (!config.ok) throw new Error(config.error);
    expect(pick(config.value)).toEqual(expected);
  });

  it.each([
    [{ stage: 'Prod' }, /"stage" must be lower-case/],
    [{ stage: 'prod_eu' }, /"stage" must be lower-case/],
    [{ stage: '1prod' }, /starting with a letter/],
    [{ domainName: 'https://news.example.com', certificateArn: CERT }, /"domainName" must be a host name/],
    [{ domainName: 'news.example.com' }, /set both or neither/],
    [{ certificateArn: CERT }, /set both or neither/],
    [{ domainName: 'news.example.com', certificateArn: CERT.replace('us-east-1', 'eu-west-1') }, /in us-east-1/],
    [{ alarmEmail: 'ops' }, /"alarmEmail" is not an email address/],
    [{ feedSize: '0' }, /"feedSize" must be an integer from 1 to 1000.*cdk context/],
    [{ feedSize: 'ten' }, /"feedSize" must be an integer/],
    [{ websubHub: 'hub' }, /"websubHub" is not an absolute URL/],
    [{ cdnInvalidation: 'no' }, /"cdnInvalidation" must be true or false/],
  ])('rejects %j', (context, reason) => {
    const config = configFrom(context);
    expect(config.ok).toBe(false);
    if (!config.ok) expect(config.error).toMatch(reason);
  });

  it('rejects a site.json that is not an object, or invalid after the overrides', () => {
    expect(configFrom({}, [])).toEqual({ ok: false, error: 'site config must be a JSON object (content/site.json with cdk context overrides)' });
    const noTitle = configFrom({}, { ...SITE, title: '' });
    expect(noTitle.ok || noTitle.error).toMatch(/"title" must be a non-empty string/);
  });
});
