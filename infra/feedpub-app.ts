// Builds the CDK app: configuration from context and content/site.json, the stack, and cdk-nag.
// infra/app.ts runs it for the CLI; tests/infra build the same app with their own context.
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadSiteConfigFile, SITE_CONFIG_FILE } from '../functions/folder-build/site-config';
import type { Result } from '../functions/core/model';
import { stackConfig } from './config';
import { FeedpubStack } from './feedpub-stack';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

export interface FeedpubApp {
  app: App;
  stack: FeedpubStack;
}

export interface FeedpubAppOptions {
  /** Context as `-c key=value` would give it (tests); the CLI passes it through the environment. */
  context?: Record<string, unknown>;
  /** Defaults to content/site.json. */
  siteJson?: unknown;
  /** Where the cloud assembly goes (tests use a temporary directory). */
  outdir?: string;
}

export function createFeedpubApp(options: FeedpubAppOptions = {}): Result<FeedpubApp, string> {
  const app = new App({
    ...(options.context && { context: options.context }),
    ...(options.outdir && { outdir: options.outdir }),
  });
  // The file, validated by the one loader; stackConfig lays the context overrides over it and validates again.
  const siteJson = options.siteJson !== undefined ? { ok: true as const, value: options.siteJson } : loadSiteConfigFile(join(PROJECT_ROOT, 'content', SITE_CONFIG_FILE), { required: true });
  if (!siteJson.ok) return siteJson;
  const config = stackConfig((key) => app.node.tryGetContext(key), siteJson.value);
  if (!config.ok) return config;
  const stack = new FeedpubStack(app, `feedpub-${config.value.stage}`, {
    config: config.value,
    projectRoot: PROJECT_ROOT,
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    description: 'feedpub: S3 uploads in, RSS/Atom/JSON feeds and pages out through CloudFront',
  });
  // cdk-nag v3 is a policy-validation plugin: any unacknowledged finding fails the synth.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { ok: true, value: { app, stack } };
}
