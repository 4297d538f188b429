// The ingest Lambda entry point as Lambda loads it: a wrong environment fails the init with the reason.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const ENV_KEYS = ['UPLOADS_BUCKET', 'SITE_BUCKET', 'SITE_CONFIG', 'BASE_URL', 'S3_ENDPOINT', 'PUBLISH_QUEUE_URL', 'INGEST_MAX_RECEIVE_COUNT'];
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
beforeEach(() => {
  vi.resetModules();
  for (const k of ENV_KEYS) delete process.env[k];
});

describe('ingest handler configuration', () => {
  it.each([
    ['no buckets', {}, 'feedpub ingest handler: UPLOADS_BUCKET and SITE_BUCKET must be set'],
    ['no publish queue', { UPLOADS_BUCKET: 'u', SITE_BUCKET: 's' }, 'feedpub ingest handler: PUBLISH_QUEUE_URL must be set'],
  ])('%s fails the init', async (_name, env, message) => {
    Object.assign(process.env, env);
    await expect(import('../../functions/handlers/ingest')).rejects.toThrow(message);
  });

  it('loads with buckets and a queue URL', async () => {
    Object.assign(process.env, { UPLOADS_BUCKET: 'u', SITE_BUCKET: 's', PUBLISH_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/p.fifo', INGEST_MAX_RECEIVE_COUNT: '3', AWS_REGION: 'us-east-1' });
    const { handler } = await import('../../functions/handlers/ingest');
    expect(typeof handler).toBe('function');
  });
});
