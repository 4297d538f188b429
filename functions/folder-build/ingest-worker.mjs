// One ingest worker of `feedpub build` (./ingest-pool.ts): loads the ingest stage once, then ingests
// the batches of content files it is sent, many files per message.
import { parentPort, workerData } from 'node:worker_threads';

let ingestEntries;
if (workerData.bundled) {
  ({ ingestEntries } = await import(workerData.bundled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ ingestEntries } = await import('./ingest.ts'));
}
parentPort.on('message', async ({ id, root, entries, config, now }) => {
  try {
    parentPort.postMessage({ id, results: await ingestEntries(root, entries, config, now) });
  } catch (error) {
    parentPort.postMessage({ id, error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}` });
  }
});
parentPort.postMessage({ ready: true });
