// `npx cdk synth|deploy` entry (cdk.json: "npx tsx infra/app.ts"). A configuration error stops the
// synth with its reason; an unacknowledged cdk-nag AwsSolutions finding fails it too.
import { createFeedpubApp } from './feedpub-app';

const built = createFeedpubApp();
if (!built.ok) {
  process.stderr.write(`feedpub: ${built.error}\n`);
  process.exit(1);
}
