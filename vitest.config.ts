import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'infra/**/*.test.ts'],
    setupFiles: ['tests/support/parse-stacks.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start their own local S3 servers on random ports; two cores in CI.
    pool: 'forks',
    maxWorkers: 2,
  },
});
