import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dragLayer, screenshot } from './app.ts';
import { useAppPage } from './session.ts';

const app = useAppPage();

/** WCAG 2 contrast ratio of an element's text colour against the background colour of `on` (itself by default). */
async function contrast(el: Locator, on: Locator = el): Promise<number> {
  const background = await on.evaluate((node) => getComputedStyle(node).backgroundColor);
  return el.evaluate((node, backgroundColor) => {
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [a, b] = [luminance(getComputedStyle(node).color), luminance(backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }, background);
}

async function overlaps(page: Page, a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error(`not laid out at ${JSON.stringify(page.viewportSize())}`);
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

describe('notices a newcomer must be able to read', () => {
  it('the "no firmware" notice reads at WCAG AA contrast and overlaps nothing, wide and narrow', async () => {
    const { page } = app;
    for (const type of ['Flatten', 'Dense']) await dragLayer(page, type);
    // A chip this Minnow ships no firmware build for.
    await page.getByTestId('chip-picker').selectOption('esp32s3');
    await page.getByRole('tab', { name: /Board/ }).click();
    const notice = page.getByTestId('no-firmware');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain('This Minnow has no firmware build for ESP32-S3');
    const mode = page.getByRole('group', { name: 'What to write' });
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await notice.scrollIntoViewIfNeeded();
      expect(await contrast(notice), `${viewport.width}px`).toBeGreaterThanOrEqual(4.5);
      expect(await contrast(notice.locator('p').first(), notice)).toBeGreaterThanOrEqual(4.5);
      expect(await overlaps(page, notice, mode), `${viewport.width}px`).toBe(false);
      await screenshot(page, `no-firmware-notice-${viewport.width}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(app.errors).toEqual([]);
  });
});
