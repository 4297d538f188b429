// The local stack's republish, asked for over its site server (see local/republish-control.ts).
import { CONTROL_HEADER, REPUBLISH_PATH } from '../local/republish-control';
import type { RepublishProgress, RepublishReport } from '../pipeline/republish';

export class RepublishRequestError extends Error {}

export async function republishLocal(siteUrl: string, options: { chunkSize?: number; onProgress?: (p: RepublishProgress) => void } = {}): Promise<RepublishReport> {
  let response: Response;
  try {
    response = await fetch(new URL(REPUBLISH_PATH, siteUrl), {
      method: 'POST',
      headers: { [CONTROL_HEADER]: 'republish', 'Content-Type': 'application/json' },
      body: JSON.stringify(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
    });
  } catch (error) {
    // undici wraps the socket error (an AggregateError when several addresses were tried).
    const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
    const refused = cause?.code === 'ECONNREFUSED' || (cause?.errors ?? []).some((e) => e.code === 'ECONNREFUSED');
    throw new RepublishRequestError(
      refused ? `no local stack answers at ${siteUrl}: start it with \`npm start\` (or pass --site URL)` : `cannot reach ${siteUrl}: ${(error as Error).message}`,
    );
  }
  if (!response.ok || !response.body) throw new RepublishRequestError(`${siteUrl} refused the republish (HTTP ${response.status}): ${(await response.text()).trim()}`);
  const decoder = new TextDecoder();
  let buffered = '';
  let report: RepublishReport | undefined;
  const take = (line: string) => {
    if (line.trim() === '') return;
    const message = JSON.parse(line) as { progress?: RepublishProgress; report?: RepublishReport; error?: string };
    if (message.progress) options.onProgress?.(message.progress);
    if (message.report) report = message.report;
    if (message.error) throw new RepublishRequestError(`republish failed: ${message.error}`);
  };
  for await (const part of response.body) {
    buffered += decoder.decode(part as Uint8Array, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      take(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  }
  take(buffered);
  if (!report) throw new RepublishRequestError('the local stack closed the connection before the republish finished');
  return report;
}
