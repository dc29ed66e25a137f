import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Builds the app for production into a directory of its own (so that runs side by side never share one),
 * whatever NODE_ENV the calling test runner set: a development build would have no service worker.
 */
export async function buildSite(outDir = mkdtempSync(join(tmpdir(), 'minnow-site-'))): Promise<string> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  return outDir;
}

/** Serves a built site as a static host would (dist/ by default). */
export async function serveSite(
  outDir = join(root, 'dist'),
): Promise<{ url: string; server: PreviewServer }> {
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { url: `http://localhost:${port}/`, server };
}

/**
 * The site to test: freshly built, or dist/ as it is when `skipBuild` (MINNOW_E2E_SKIP_BUILD) is set.
 */
export async function serveApp(skipBuild: boolean): Promise<{ url: string; server: PreviewServer }> {
  return serveSite(skipBuild ? undefined : await buildSite());
}
