// Rejections: a code for machines, a reason a person can act on, and the upload's key and size.
import type { RawArticle, Result, UploadRejected, UploadRejectionCode } from '../model';

export function rejection(code: UploadRejectionCode, reason: string, key: string, size: number): Result<RawArticle, UploadRejected> {
  return { ok: false, error: { code, reason, key, size } };
}

const KB = 1024;
const MB = 1024 * 1024;

/** "3.1 MB is over the 2 MB limit"; exact bytes when rounding would make the two look equal. */
export function tooLargeReason(size: number, maxBytes: number): string {
  const shown = humanSize(size);
  const limit = humanSize(maxBytes);
  if (shown === limit) return `${size.toLocaleString('en-US')} bytes is over the ${maxBytes.toLocaleString('en-US')}-byte limit`;
  return `${shown} is over the ${limit} limit`;
}

export function humanSize(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${trimDecimal(bytes / KB)} KB`;
  return `${trimDecimal(bytes / MB)} MB`;
}

function trimDecimal(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
