import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Browser tests against the built site: `npm run test:e2e` (builds the site, serves it, drives Chromium).
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A loaded CI machine can take seconds to repaint; polled expectations wait rather than fail.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    pool: 'forks',
  },
});
