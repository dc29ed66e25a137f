import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Holds a class's Record button in the Train tab for `ms` with the mouse. */
export async function holdRecord(page: Page, slug: string, ms: number): Promise<void> {
  await page.getByTestId(`record-${slug}`).hover();
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

/** Starts the Train tab's capture camera at 10 frames a second and waits for its first frame. */
export async function startCaptureCamera(page: Page): Promise<void> {
  await page.getByTestId('capture-rate').selectOption('10');
  await page.getByTestId('camera-start').click();
  await expect
    .poll(() => page.getByTestId('capture-video').evaluate((v) => (v as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
}
