// POST /_feedpub/republish on the local site server: what `feedpub republish` calls. Answers with
// one JSON line per progress step and a last line holding the report (or the error).
// Not reachable from a web page: a cross-origin request with the X-Feedpub-Control header needs a
// CORS preflight the server never grants, and a Host other than localhost (DNS rebinding) is refused.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RepublishProgress } from '../pipeline/republish';
import { RepublishBusyError, type LocalRepublisher } from './republish';
import { CACHE_CONTROL, PRIVATE_PREFIX, TEXT_CONTENT_TYPE } from '../core/outputs/formats';

export const REPUBLISH_PATH = `/${PRIVATE_PREFIX}republish`;
export const CONTROL_HEADER = 'x-feedpub-control';

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;
const MAX_BODY_BYTES = 4096;
const PROGRESS_INTERVAL_MS = 200;

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const parts: Buffer[] = [];
  for await (const part of req) {
    size += (part as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    parts.push(part as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Handles the control path; false for any other request (the site server serves it). */
export function republishControl(republisher: LocalRepublisher) {
  return async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> => {
    if (pathname !== REPUBLISH_PATH) return false;
    const refuse = (status: number, message: string) => {
      res.writeHead(status, { 'Content-Type': TEXT_CONTENT_TYPE, 'Cache-Control': CACHE_CONTROL.none }).end(`${message}\n`);
      return true;
    };
    if (req.method !== 'POST') return refuse(405, 'POST only');
    if (!LOCAL_HOST.test(req.headers.host ?? '')) return refuse(403, 'local requests only');
    if (req.headers[CONTROL_HEADER] !== 'republish') return refuse(403, `missing ${CONTROL_HEADER} header`);
    let chunkSize: number | undefined;
    try {
      const body = await readBody(req);
      const options = body.trim() === '' ? {} : (JSON.parse(body) as { chunkSize?: unknown });
      if (options.chunkSize !== undefined) {
        if (!Number.isInteger(options.chunkSize) || (options.chunkSize as number) < 1 || (options.chunkSize as number) > 5000) {
          return refuse(400, 'chunkSize must be an integer from 1 to 5000');
        }
        chunkSize = options.chunkSize as number;
      }
    } catch (error) {
      return refuse(400, `bad request: ${(error as Error).message}`);
    }
    if (republisher.activeRun) return refuse(409, new RepublishBusyError(republisher.activeRun).message);
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' });
    const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
    // At most a few lines a second (100,000 keys would be 100,000 lines), and every phase's end.
    let lastLine = 0;
    const onProgress = (progress: RepublishProgress) => {
      const now = Date.now();
      if (progress.done !== progress.total && progress.done !== 0 && now - lastLine < PROGRESS_INTERVAL_MS) return;
      lastLine = now;
      line({ progress });
    };
    try {
      const report = await republisher.run({
        ...(chunkSize !== undefined && { chunkSize }),
        onProgress,
      });
      line({ report });
    } catch (error) {
      line({ error: (error as Error).message ?? String(error) });
    }
    res.end();
    return true;
  };
}
