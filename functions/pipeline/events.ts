// S3 event notifications, both directions in one place: the handler decodes what S3 sends, and the
// local router encodes s3rver's raw keys the same way, so local runs exercise the production path.
import type { Result } from '../core/model';

export type ObjectChangeKind = 'created' | 'removed';

export interface ObjectChange {
  bucket: string;
  /** Decoded object key, exactly as stored. */
  key: string;
  kind: ObjectChangeKind;
  eventName: string;
  eventTime?: string;
  sequencer?: string;
  /** A creation's size and ETag (quoted, as GET and HEAD give it), as S3 sends them. */
  size?: number;
  etag?: string;
}

/** S3 event keys are form-encoded: "+" for space, UTF-8 percent-escapes for the rest. */
export function decodeS3EventKey(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** The inverse of decodeS3EventKey; "/" stays readable as in S3's own notifications. */
export function encodeS3EventKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%20/g, '+'))
    .join('/');
}

export interface S3NotificationInput {
  bucket: string;
  key: string;
  /** "ObjectCreated:Put", "ObjectRemoved:Delete"... (without the "s3:" prefix, as S3 sends it). */
  eventName: string;
  size?: number;
  etag?: string;
  eventTime?: string;
  sequencer?: string;
}

/** An S3 notification message body, shaped as S3 sends it to SQS (one record). */
export function s3NotificationBody(input: S3NotificationInput): string {
  const eventName = input.eventName.replace(/^s3:/, '');
  const object: Record<string, unknown> = { key: encodeS3EventKey(input.key) };
  if (input.size !== undefined) object.size = input.size;
  if (input.etag !== undefined) object.eTag = input.etag.replace(/"/g, '');
  if (input.sequencer !== undefined) object.sequencer = input.sequencer;
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: input.eventTime ?? new Date().toISOString(),
        eventName,
        s3: { s3SchemaVersion: '1.0', bucket: { name: input.bucket, arn: `arn:aws:s3:::${input.bucket}` }, object },
      },
    ],
  });
}

interface RawRecord {
  eventName?: unknown;
  eventTime?: unknown;
  s3?: { bucket?: { name?: unknown }; object?: { key?: unknown; sequencer?: unknown; size?: unknown; eTag?: unknown } };
}

/** The created version's size and ETag when the record carries both well formed (S3 sends the ETag unquoted). */
function versionOf(object: { size?: unknown; eTag?: unknown } | undefined): { size: number; etag: string } | undefined {
  const { size, eTag } = object ?? {};
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined;
  if (typeof eTag !== 'string' || !/^[0-9a-f]{32}(-[0-9]{1,5})?$/.test(eTag)) return undefined;
  return { size, etag: `"${eTag}"` };
}

/** Decodes one SQS message body. The s3:TestEvent S3 sends on setup yields no changes. */
export function parseS3Notification(body: string): Result<ObjectChange[], string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, error: 'message body is not JSON' };
  }
  if (parsed === null || typeof parsed !== 'object') return { ok: false, error: 'message body is not an object' };
  const message = parsed as { Event?: unknown; Records?: unknown };
  if (message.Event === 's3:TestEvent') return { ok: true, value: [] };
  if (!Array.isArray(message.Records)) return { ok: false, error: 'message has no Records array' };
  const changes: ObjectChange[] = [];
  for (const record of message.Records as RawRecord[]) {
    const eventName = record?.eventName;
    const encodedKey = record?.s3?.object?.key;
    const bucket = record?.s3?.bucket?.name;
    if (typeof eventName !== 'string' || typeof encodedKey !== 'string' || typeof bucket !== 'string') {
      return { ok: false, error: 'S3 record lacks eventName, bucket name or object key' };
    }
    const kind: ObjectChangeKind | undefined = eventName.startsWith('ObjectCreated:')
      ? 'created'
      : eventName.startsWith('ObjectRemoved:')
        ? 'removed'
        : undefined;
    if (kind === undefined) continue; // e.g. LifecycleTransition: nothing to publish
    let key: string;
    try {
      key = decodeS3EventKey(encodedKey);
    } catch {
      return { ok: false, error: `undecodable object key: ${encodedKey}` };
    }
    changes.push({
      bucket,
      key,
      kind,
      eventName,
      ...(typeof record.eventTime === 'string' && { eventTime: record.eventTime }),
      ...(typeof record.s3?.object?.sequencer === 'string' && { sequencer: record.s3.object.sequencer }),
      ...(kind === 'created' && versionOf(record.s3?.object)),
    });
  }
  return { ok: true, value: changes };
}
