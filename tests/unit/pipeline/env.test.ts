import { describe, expect, it } from 'vitest';
import { publishEnv } from '../../../functions/pipeline/env';

const base = { UPLOADS_BUCKET: 'up', SITE_BUCKET: 'site' };

describe('publishEnv', () => {
  it('reads buckets and site config, BASE_URL overriding baseUrl', () => {
    const env = publishEnv({ ...base, SITE_CONFIG: JSON.stringify({ title: 'T', baseUrl: 'http://localhost:8787' }), BASE_URL: 'https://d1.cloudfront.net/', DISTRIBUTION_ID: 'E1' });
    expect(env.ok && [env.value.site.title, env.value.site.baseUrl, env.value.distributionId]).toEqual(['T', 'https://d1.cloudfront.net', 'E1']);
  });

  it.each([
    [{}, 'UPLOADS_BUCKET and SITE_BUCKET must be set'],
    [{ ...base, SITE_CONFIG: '{' }, expect.stringMatching(/^SITE_CONFIG is not valid JSON: /)],
    [{ ...base, SITE_CONFIG: '{"feedSize": 0}' }, 'SITE_CONFIG: site config: "feedSize" must be an integer from 1 to 1000'],
    [{ ...base, SITE_CONFIG: '[]' }, 'SITE_CONFIG: site config must be a JSON object'],
  ])('rejects %j with a reason', (env, reason) => {
    expect(publishEnv(env)).toEqual({ ok: false, error: reason });
  });
});
