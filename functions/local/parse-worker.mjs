// One parse worker of the local ingest stage: loads the core (TypeScript, through tsx) once, then
// parses the uploads it is sent. A throw is reported as a value; the pool enforces the deadline by
// terminating the thread, which no parser loop can ignore.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { ingestUpload } = await import(workerData.module);
// The same module instance the core imports: stacks load on first need, as in the Lambda.
const { withParseStacks } = await import(new URL('../core/parse-stacks.ts', import.meta.url).href);
parentPort.on('message', async ({ id, input, site }) => {
  try {
    parentPort.postMessage({ id, result: await withParseStacks(() => ingestUpload(input, site)) });
  } catch (error) {
    parentPort.postMessage({ id, fault: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  }
});
parentPort.postMessage({ ready: true });
