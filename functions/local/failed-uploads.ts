// Uploads the local queue gave up on (retried, then dead-lettered). In AWS they wait in the DLQ
// with an alarm; locally the developer looks at /status/, so the site server shows them there
// until the key is published again.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { PublishHandler } from '../pipeline/lambda';
import { escapeHtml } from '../core/render/html';
import { parseS3Notification } from '../pipeline/events';
import type { DeadLetter } from './queues';

export interface FailedUpload {
  key: string;
  attempts: number;
  reason: string;
  time: string;
}

export function notificationKeys(body: string): string[] {
  const parsed = parseS3Notification(body);
  return parsed.ok ? parsed.value.map((c) => c.key) : [];
}

export class FailedUploads {
  private readonly byKey = new Map<string, FailedUpload>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  add(letter: DeadLetter): void {
    for (const key of notificationKeys(letter.body)) {
      this.byKey.set(key, { key, attempts: letter.receiveCount, reason: letter.reason, time: this.now().toISOString() });
    }
  }

  clear(keys: readonly string[]): void {
    for (const key of keys) this.byKey.delete(key);
  }

  list(): FailedUpload[] {
    return [...this.byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The handler, clearing each key whose message it handled (a later upload of it went through). */
  clearingOnSuccess(handler: PublishHandler): PublishHandler {
    return async (event: SQSEvent): Promise<SQSBatchResponse> => {
      const response = await handler(event);
      const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
      for (const record of event.Records) if (!failed.has(record.messageId)) this.clear(notificationKeys(record.body));
      return response;
    };
  }

  /** The block the site server puts at the top of /status/ while any upload is failed; undefined when none. */
  noticeHtml(): string | undefined {
    const failed = this.list();
    if (failed.length === 0) return undefined;
    const rows = failed.map(
      (f) =>
        `<tr><td><code>${escapeHtml(f.key)}</code></td><td>${f.attempts}</td><td>${escapeHtml(f.reason)}</td><td><code>${escapeHtml(f.time)}</code></td></tr>`,
    );
    return [
      '<section class="failed-uploads">',
      `<h2>Failed to publish (${failed.length})</h2>`,
      '<p>These uploads were tried and given up on: the pipeline or its storage failed, not the file (the <code>npm start</code> log has the error). Fix the cause, then upload the file again.</p>',
      '<table class="failed">',
      '<thead><tr><th>Upload key</th><th>Attempts</th><th>Last failure</th><th>Time</th></tr></thead>',
      `<tbody>\n${rows.join('\n')}\n</tbody>`,
      '</table>',
      '</section>',
    ].join('\n');
  }
}
