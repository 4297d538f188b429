// One upload in, one Article (or a reason it cannot be published) out: parse, then normalize.
import type { Article, Result, SiteConfig, UploadInput, UploadRejected } from './model';
import { normalizeArticle } from './normalize';
import { sharingCreditParses } from './credits';
import { parseUpload } from './parse';
import { StackNotLoaded } from './parse-stacks';

/** A parser exception as a verdict on the file (e.g. a stack overflow on deep nesting), never a crash of the run. */
export function parseFaultRejection(key: string, size: number, error: { name?: string; message?: string }): UploadRejected {
  // First line only: marked appends "Please report this to ..." on a line of its own.
  const message = (error?.message ?? String(error)).split('\n')[0]?.trim();
  return { code: 'parse-failed', reason: `the parser failed on this file (${error?.name ?? 'Error'}: ${message})`, key, size };
}

export function ingestUpload(input: UploadInput, site: SiteConfig): Result<Article, UploadRejected> {
  // The parser recognizes credit lines by parsing them; the normalizer renders the same lines: parse each once.
  return sharingCreditParses(() => parseAndNormalize(input, site));
}

function parseAndNormalize(input: UploadInput, site: SiteConfig): Result<Article, UploadRejected> {
  const parsed = parseUpload({ key: input.key, bytes: input.bytes, maxBytes: site.maxUploadBytes });
  if (!parsed.ok) return parsed;
  const article = normalizeArticle(parsed.value, {
    key: input.key,
    size: input.bytes.byteLength,
    ...(input.etag !== undefined && { etag: input.etag }),
    ...(input.metadata !== undefined && { metadata: input.metadata }),
    fallbackDate: input.fallbackDate,
    ...(input.now !== undefined && { now: input.now }),
    site,
  });
  return { ok: true, value: article };
}

/** `ingest`, with a parser exception as the file's rejection: how every caller runs the parser. */
export function rejectingParseFaults(ingest: typeof ingestUpload): typeof ingestUpload {
  return (input, site) => {
    try {
      return ingest(input, site);
    } catch (error) {
      // Not a verdict on the file: withParseStacks loads the stack and parses again.
      if (error instanceof StackNotLoaded) throw error;
      return { ok: false, error: parseFaultRejection(input.key, input.bytes.byteLength, error as Error) };
    }
  };
}
