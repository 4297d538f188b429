// One ingest worker of `feedpub build` (./ingest-pool.ts): loads the ingest stage once, then ingests
// the batches of content files it is sent, many files per message. Before each file it stamps the
// shared progress counter, so the pool can tell a file that overruns its deadline without a message
// per file (one message per file made the build latency-bound).
import { parentPort, workerData } from 'node:worker_threads';

let ingestEntries;
if (workerData.bundled) {
  ({ ingestEntries } = await import(workerData.bundled));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ ingestEntries } = await import('./ingest.ts'));
}
let ingestUpload;
if (workerData.parseModule) {
  if (workerData.bundled) (await import('tsx/esm/api')).register();
  ({ ingestUpload } = await import(workerData.parseModule));
}
// [0]: files started so far, [1]: the position in its batch of the file being ingested.
const progress = new Int32Array(workerData.progress);
const onFile = (index) => {
  Atomics.store(progress, 1, index);
  Atomics.add(progress, 0, 1);
};
parentPort.on('message', async ({ id, root, entries, config, now }) => {
  try {
    parentPort.postMessage({ id, results: await ingestEntries(root, entries, config, now, { onFile, ...(ingestUpload && { ingestUpload }) }) });
  } catch (error) {
    parentPort.postMessage({ id, error: `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}` });
  }
});
parentPort.postMessage({ ready: true });
