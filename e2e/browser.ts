import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless flags for a container without a GPU or network services. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium's fake camera (a moving test pattern) and microphone (a beep), allowed without a prompt.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export interface Session {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A browser with a fresh profile (its own user-data-dir), removed on close. `serviceWorkers: 'block'` lets
 * page.route see every request (a service worker would answer precached files itself).
 */
export async function openSession(
  viewport = { width: 1280, height: 720 },
  options: { serviceWorkers?: 'allow' | 'block'; mediaPrompt?: boolean } = {},
): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'minnow-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    // With mediaPrompt the camera and microphone ask, and headless Chromium's unanswered prompt refuses.
    args: options.mediaPrompt
      ? CHROMIUM_ARGS.filter((a) => a !== '--use-fake-ui-for-media-stream')
      : CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
    ...(options.serviceWorkers ? { serviceWorkers: options.serviceWorkers } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
