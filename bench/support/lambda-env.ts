// What a bundled handler reads at init, for cold-load benches: dummy values, nothing is called.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../infra/feedpub-app';

export function lambdaInitEnv(own: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    UPLOADS_BUCKET: 'bench-uploads',
    SITE_BUCKET: 'bench-site',
    SITE_CONFIG: readFileSync(join(PROJECT_ROOT, 'content', 'site.json'), 'utf8'),
    ...own,
  };
}
