// Which bucket `feedpub upload` / `feedpub delete` talk to. The local stack by default; real AWS
// only when asked for by name (`--endpoint aws`), so a missing flag never writes to production.
import { UPLOADS_BUCKET } from '../local/s3server';
import { createS3Client, S3ObjectStore } from '../store/s3';

export interface S3TargetOptions {
  endpoint?: string;
  bucket?: string;
}

export interface S3Target {
  store: S3ObjectStore;
  bucket: string;
  /** "s3://bucket/ at http://localhost:4569", for messages. */
  description: string;
  /** A person-readable reason for an S3 error, naming the target. */
  explain(error: unknown): string;
  close(): void;
}

export function localEndpoint(env: Record<string, string | undefined> = process.env): string {
  return `http://localhost:${env.FEEDPUB_S3_PORT || 4569}`;
}

export function s3Target(options: S3TargetOptions): S3Target {
  const bucket = options.bucket ?? UPLOADS_BUCKET;
  const aws = options.endpoint === 'aws';
  const endpoint = aws ? undefined : (options.endpoint ?? localEndpoint());
  // Locally a refused connection means the stack is not running: say so at once, no backoff.
  const client = createS3Client(endpoint ? { endpoint, maxAttempts: 1 } : {});
  const where = endpoint ?? `AWS (region ${process.env.AWS_REGION ?? 'us-east-1'}, default credentials)`;
  return {
    store: new S3ObjectStore(client, bucket),
    bucket,
    description: `s3://${bucket}/ at ${where}`,
    explain(error) {
      const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      if (e.code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? '')) {
        return `no S3 API answers at ${endpoint}: start the local stack with \`npm start\`, or pass --endpoint URL (or --endpoint aws)`;
      }
      if (e.name === 'NoSuchBucket') return `bucket ${bucket} does not exist at ${where}`;
      const status = e.$metadata?.httpStatusCode;
      return `${e.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''} from ${where}: ${e.message ?? String(error)}`;
    },
    close: () => client.destroy(),
  };
}
