import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { freePort } from '../server.ts';

const root = resolve(import.meta.dirname, '../..');
/** Built test pages; under node_modules so that no tool lints, formats or commits them. */
export const HARNESS_DIR = join(root, 'node_modules/.cache/minnow-harness');

export interface Harness {
  /** Base URL; pages are at `${url}e2e/harness/<page>.html`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Builds the test pages (the training workspace alone, and the training benchmark) as a static site with
 * the app's own Vite config, and serves them. MINNOW_E2E_SKIP_BUILD reuses an earlier build.
 */
export async function serveHarness(): Promise<Harness> {
  if (!process.env.MINNOW_E2E_SKIP_BUILD || !existsSync(HARNESS_DIR)) {
    await build({
      root,
      logLevel: 'warn',
      build: {
        outDir: HARNESS_DIR,
        emptyOutDir: true,
        sourcemap: false,
        rollupOptions: {
          input: ['e2e/harness/train.html', 'e2e/harness/bench-train.html'].map((p) => join(root, p)),
        },
      },
    });
  }
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: HARNESS_DIR },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return {
    url: `http://localhost:${port}/`,
    close: () => server.close(),
  };
}
