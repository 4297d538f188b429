import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { toBytes, type ListedObject, type ObjectHead, type ObjectStore, type PutOptions, type StoredObject } from './types';

export interface S3ClientOptions {
  /** Local S3 API (s3rver) endpoint; path-style addressing is then used. */
  endpoint?: string;
  region?: string;
  /** SDK attempts per call, first included; throttling (503 SlowDown) and 5xx are retried with backoff. */
  maxAttempts?: number;
}

/** One client per process: adaptive retry so throttling slows us down instead of failing the batch. */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  const config: S3ClientConfig = {
    region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
    maxAttempts: options.maxAttempts ?? 6,
    retryMode: 'adaptive',
  };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.forcePathStyle = true;
    // s3rver accepts any credentials; do not depend on the developer's AWS profile.
    config.credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  }
  return new S3Client(config);
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

/** 412: the condition (If-Match, If-None-Match) did not hold. */
function isPreconditionFailed(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'PreconditionFailed' || e?.$metadata?.httpStatusCode === 412;
}

export class S3ObjectStore implements ObjectStore {
  constructor(
    readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async get(key: string): Promise<StoredObject | undefined> {
    return this.read(key);
  }

  async getIfMatch(key: string, etag: string): Promise<StoredObject | 'changed' | undefined> {
    try {
      return await this.read(key, etag);
    } catch (error) {
      if (isPreconditionFailed(error)) return 'changed';
      throw error;
    }
  }

  private async read(key: string, ifMatch?: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, IfMatch: ifMatch }));
      const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
      const metadata: Record<string, string> = {};
      for (const [name, value] of Object.entries(out.Metadata ?? {})) metadata[name.toLowerCase()] = value;
      return {
        bytes,
        metadata,
        ...(out.ETag !== undefined && { etag: out.ETag }),
        ...(out.LastModified !== undefined && { lastModified: out.LastModified.toISOString() }),
        ...(out.ContentType !== undefined && { contentType: out.ContentType }),
        ...(out.CacheControl !== undefined && { cacheControl: out.CacheControl }),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async head(key: string): Promise<ObjectHead | undefined> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const metadata: Record<string, string> = {};
      for (const [name, value] of Object.entries(out.Metadata ?? {})) metadata[name.toLowerCase()] = value;
      return {
        size: out.ContentLength ?? 0,
        metadata,
        ...(out.ETag !== undefined && { etag: out.ETag }),
        ...(out.LastModified !== undefined && { lastModified: out.LastModified.toISOString() }),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async put(key: string, body: string | Uint8Array, options: PutOptions = {}): Promise<void> {
    await this.write(key, body, options);
  }

  async putIfAbsent(key: string, body: string | Uint8Array, options: PutOptions = {}): Promise<boolean> {
    try {
      await this.write(key, body, options, '*');
      return true;
    } catch (error) {
      if (isPreconditionFailed(error)) return false;
      throw error;
    }
  }

  private async write(key: string, body: string | Uint8Array, options: PutOptions, ifNoneMatch?: '*'): Promise<void> {
    const bytes = toBytes(body);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: options.contentType,
        CacheControl: options.cacheControl,
        Metadata: options.metadata,
        IfNoneMatch: ifNoneMatch,
        // Lets S3 reject a body damaged in transit instead of storing it.
        ContentMD5: createHash('md5').update(bytes).digest('base64'),
      }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async list(prefix: string): Promise<string[]> {
    return (await this.listObjects(prefix)).map((e) => e.key);
  }

  async listObjects(prefix: string): Promise<ListedObject[]> {
    const entries: ListedObject[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of out.Contents ?? []) {
        if (item.Key === undefined) continue;
        entries.push({
          key: item.Key,
          size: item.Size ?? 0,
          ...(item.ETag !== undefined && { etag: item.ETag }),
          ...(item.LastModified !== undefined && { lastModified: item.LastModified.toISOString() }),
        });
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
