// The ingest stage: one upload key -> the prepared record of its current version (an article, an
// image description, or a rejection with its reason). Runs in parallel and in isolation (one key per
// Lambda invocation, one worker thread per parse locally); only this stage reads an upload's text.
// Order: size (from the S3 event, else a HEAD) before any read, then the read of that very version
// (If-Match), then the parse under the runner's time budget. A parser that throws or overruns is a verdict on that file, never an infrastructure fault.
import { rejectingParseFaults } from '../core/ingest';
import { withParseStacks } from '../core/parse-stacks';
import { tooLargeReason } from '../core/parse/reject';
import { ingestFingerprint } from '../core/site-index/fingerprint';
import { preparedRecordKey } from '../core/site-index/paths';
import type { PreparedRecord } from '../core/site-index/types';
import type { Article, Result, SiteConfig, UploadInput, UploadRejected, UploadRejectionCode } from '../core/model';
import { getIfMatch, type ObjectHead, type ObjectStore, type StoredObject } from '../store/types';
import { mapLimit } from '../core/concurrency';
import { outputHeaders } from '../core/outputs/formats';
import type { PublishCore } from './core';
import { CODE_VERSION } from './version';

/** Parses one upload; may run it on a worker thread with a deadline. Resolves, never rejects, for a bad file. */
export type ParseRunner = (input: UploadInput, site: SiteConfig) => Promise<Result<Article, UploadRejected>>;

export type IngestCore = Pick<PublishCore, 'ingestUpload' | 'isImageKey' | 'describeImage'>;

export interface IngestDeps {
  uploads: ObjectStore;
  /** The site bucket: this stage writes only under _feedpub/prepared/. */
  records: ObjectStore;
  config: SiteConfig;
  core: IngestCore;
  /** Defaults to parsing in this thread (exceptions caught); the local stack passes a worker pool. */
  parse?: ParseRunner;
  now?: () => Date;
  /** Default: the package version (tests pass another to see a new version re-parse). */
  codeVersion?: string;
}

export type IngestVerdict = 'article' | 'image' | 'rejected' | 'absent' | 'already-prepared';

export interface IngestResult {
  key: string;
  verdict: IngestVerdict;
  reason?: string;
  ms: number;
}

export interface IngestOptions {
  /**
   * Set when earlier attempts at this message never finished (a Lambda timeout or crash kills the
   * parse with the process): the verdict is written without parsing again, so the file ends in
   * quarantine instead of the DLQ.
   */
  abandonedAfter?: string;
  /** The created version named by the S3 event (its size and quoted ETag): spares the HEAD. */
  version?: { size: number; etag: string };
  /**
   * Default true: a prepared record found older than half the sweep's grace period is written again,
   * so its LastModified is fresh and the sweep (prepared-sweep.ts) keeps it. A republish's own ingest
   * passes false: its sweep runs after it, and re-writing every record would double its requests.
   */
  touchPrepared?: boolean;
}

const PRIVATE_JSON = outputHeaders('privateRecord');

/** Wall-clock backstop of one parse on a worker thread (local parse pool, `feedpub build`'s pool). */
export const PARSE_DEADLINE_MS = 20_000;

export function parseTimeoutReason(deadlineMs: number): string {
  return `parsing did not finish within ${(deadlineMs / 1000).toFixed(1)} s`;
}

/** A prepared record younger than this is never swept (prepared-sweep.ts): an ingest may rely on it. */
export const PREPARED_GRACE_MS = 60 * 60 * 1000;

/** Parses in this thread: a throw (stack overflow included) becomes a rejection of the file. */
export function inThreadParser(core: Pick<IngestCore, 'ingestUpload'>): ParseRunner {
  const ingest = rejectingParseFaults(core.ingestUpload);
  // Loads the Markdown stack or franc-min only when this upload needs it (core/parse-stacks.ts).
  return async (input, site) => withParseStacks(() => ingest(input, site));
}

export async function ingestKey(deps: IngestDeps, key: string, options: IngestOptions = {}): Promise<IngestResult> {
  const started = Date.now();
  const done = (verdict: IngestVerdict, reason?: string): IngestResult => ({ key, verdict, ms: Date.now() - started, ...(reason !== undefined && { reason }) });
  const { uploads, records, config, core } = deps;

  // The event's size and ETag stand in for a HEAD; without them (a re-run, `feedpub build`) one is sent.
  const head: ObjectHead | undefined = options.version ? { ...options.version, metadata: {} } : await uploads.head(key);
  if (!head) return done('absent');
  const fingerprint = ingestFingerprint(config, deps.codeVersion ?? CODE_VERSION);
  const recordKey = preparedRecordKey(key, head.etag);
  const prepared = await preparedRecord(records, recordKey, fingerprint);
  if (prepared) {
    const nowMs = (deps.now ?? (() => new Date()))().getTime();
    const stale = prepared.lastModified !== undefined && Date.parse(prepared.lastModified) < nowMs - PREPARED_GRACE_MS / 2;
    if ((options.touchPrepared ?? true) && stale) await records.put(recordKey, prepared.bytes, PRIVATE_JSON);
    return done('already-prepared');
  }

  const image = core.isImageKey(key);
  const limit = image ? config.maxImageBytes : config.maxUploadBytes;
  const rejectWith = async (version: ObjectHead, code: UploadRejectionCode, reason: string): Promise<IngestResult> => {
    await write({ version: 1, key, ...(version.etag !== undefined && { etag: version.etag }), size: version.size, verdict: 'rejected', code, reason });
    return done('rejected', reason);
  };
  const write = (record: PreparedRecord) => records.put(preparedRecordKey(key, record.etag), JSON.stringify({ ...record, fingerprint }), PRIVATE_JSON);

  // Decided from the HEAD: an oversized upload is never read into memory.
  if (head.size > limit) return rejectWith(head, 'too-large', tooLargeReason(head.size, limit));
  if (options.abandonedAfter) return rejectWith(head, 'parse-timeout', options.abandonedAfter);

  // Read only the version whose size was checked: a newer one (maybe larger) is never read into memory
  // here; it is decided from a HEAD as a re-run would, and its own event follows anyway.
  const object = options.version ? await getIfMatch(uploads, key, options.version.etag) : await uploads.get(key);
  if (object === 'changed') return ingestKey(deps, key, { ...(options.abandonedAfter !== undefined && { abandonedAfter: options.abandonedAfter }) });
  if (!object) return done('absent');
  // The upload may have been replaced between HEAD and GET: the verdict is on the bytes read.
  const version: ObjectHead = {
    size: object.bytes.byteLength,
    metadata: object.metadata,
    ...(object.etag !== undefined && { etag: object.etag }),
    ...(object.lastModified !== undefined && { lastModified: object.lastModified }),
  };
  if (version.size > limit) return rejectWith(version, 'too-large', tooLargeReason(version.size, limit));
  const base = { version: 1 as const, key, ...(version.etag !== undefined && { etag: version.etag }), size: version.size };

  if (image) {
    const described = core.describeImage(key, object.bytes);
    if (!described.ok) return rejectWith(version, described.error.code, described.error.reason);
    const { path, contentType, width, height } = described.value;
    await write({ ...base, verdict: 'image', asset: { path, contentType, ...(width !== undefined && { width }), ...(height !== undefined && { height }) } });
    return done('image');
  }

  const parse = deps.parse ?? inThreadParser(core);
  // The one injected clock: the publish stage holds against it, and ingest checks stated dates against it.
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const parsed = await parse(
    {
      key,
      bytes: object.bytes,
      ...(version.etag !== undefined && { etag: version.etag }),
      metadata: object.metadata,
      // First-seen time: the upload's own timestamp, so every run dates it alike. The publisher keeps
      // an already published article's date (reconcileArticle), so no index read is needed here.
      fallbackDate: version.lastModified ?? now,
      now,
    },
    config,
  );
  if (!parsed.ok) return rejectWith(version, parsed.error.code, parsed.error.reason);
  await write({ ...base, verdict: 'article', article: parsed.value });
  return done('article');
}

/** The record, when prepared under the same site config and code: the verdict stands, nothing to parse. */
async function preparedRecord(records: ObjectStore, recordKey: string, fingerprint: string): Promise<StoredObject | undefined> {
  const found = await records.get(recordKey);
  if (!found) return undefined;
  try {
    return (JSON.parse(Buffer.from(found.bytes).toString('utf8')) as PreparedRecord).fingerprint === fingerprint ? found : undefined;
  } catch {
    return undefined;
  }
}

/** Ingests many keys in parallel (each in isolation): `feedpub build`, tests and re-runs. */
export function ingestKeys(deps: IngestDeps, keys: readonly string[], concurrency = 8): Promise<IngestResult[]> {
  return mapLimit([...new Set(keys)], concurrency, (key) => ingestKey(deps, key));
}
