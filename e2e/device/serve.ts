import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, preview, type Rollup } from 'vite';
import { freePort } from '../server.ts';

const root = resolve(import.meta.dirname, '../..');
/** Built test page; under node_modules so that no tool lints, formats or commits it. */
const OUT = join(root, 'node_modules/.cache/minnow-device-harness');

export interface DeviceHarness {
  /** The device panel page. */
  readonly pageUrl: string;
  close(): Promise<void>;
}

/** Builds e2e/device/flash.html with the app's Vite config and serves it (MINNOW_E2E_SKIP_BUILD reuses it). */
export async function serveDeviceHarness(): Promise<DeviceHarness> {
  if (!process.env.MINNOW_E2E_SKIP_BUILD || !existsSync(OUT)) {
    await build({
      root,
      logLevel: 'warn',
      build: {
        outDir: OUT,
        emptyOutDir: true,
        sourcemap: false,
        rollupOptions: { input: join(root, 'e2e/device/flash.html') },
      },
    });
  }
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { pageUrl: `http://localhost:${port}/e2e/device/flash.html`, close: () => server.close() };
}

/** page-serial.ts as one classic script, for page.addInitScript: it installs itself from window.minnowBridge. */
export async function fakeSerialScript(): Promise<string> {
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(root, 'e2e/device/page-serial.ts'), formats: ['iife'], name: 'minnowFakeSerial' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0] : output)?.output.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bundling page-serial.ts produced no script');
  return chunk.code;
}
