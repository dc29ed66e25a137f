import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { screenshot } from './app.ts';
import { openSession, type Session } from './browser.ts';
import { greyBmp, writeFolder } from './files.ts';
import { serveHarness, type Harness } from './harness/serve.ts';

let harness: Harness;
let session: Session;
let page: Page;
/** The page a failure screenshot shows: the training page, or an upload test's own page. */
let shown: Page;
const errors: string[] = [];

const value = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

beforeAll(async () => {
  harness = await serveHarness();
  session = await openSession({ width: 1400, height: 1000 });
  page = await session.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  shown = page;
  await page.goto(`${harness.url}e2e/harness/train.html?model=mnist-mlp`);
});

afterAll(async () => {
  await session?.close();
  await harness?.close();
});

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    await screenshot(shown, `failure-train-${task.name.replace(/\W+/g, '-')}`);
  });
});

describe('training the MNIST MLP in Chromium', () => {
  it('loads the bundled digits in the worker and shows their class balance', async () => {
    await expect
      .poll(() => page.getByTestId('train-backend').getAttribute('data-backend'), { timeout: 30_000 })
      .toMatch(/webgl|cpu/);
    await page.getByTestId('load-mnist').click();
    await expect.poll(() => page.getByTestId('data-count').textContent(), { timeout: 30_000 }).toBe('10,000');
    expect(await page.locator('.class-balance tr').count()).toBe(10);
  });

  it('trains one epoch and sees validation accuracy above 85 %, with the weights handed to the app', async () => {
    await page.locator('#train-epochs').fill('1');
    const started = Date.now();
    await page.getByTestId('train-start').click();
    await expect.poll(() => page.getByTestId('train-progress').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() => page.getByTestId('training-workspace').getAttribute('data-state'), {
        timeout: 55_000,
        interval: 500,
      })
      .toBe('idle');
    await expect.poll(() => page.getByTestId('train-continue').isVisible()).toBe(true);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(60);
    expect(await value('val-metric')).toBeGreaterThan(0.85);
    const saved = await page.evaluate(() => window.minnowSaved?.fc1?.kernel?.length ?? 0);
    expect(saved).toBe(784 * 100);
  });

  it('quantizes to int8 and scores within one point of float, naming the layer that loses the most', async () => {
    await page.getByTestId('quantize').click();
    await expect
      .poll(() => page.getByTestId('quant-report').isVisible(), { timeout: 45_000, interval: 500 })
      .toBe(true);
    const float = await value('float-score');
    const int8 = await value('int8-score');
    expect(float).toBeGreaterThan(0.85);
    expect(Math.abs(int8 - float)).toBeLessThanOrEqual(0.01);
    expect(await page.getByTestId('confusion-matrix').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('layer-errors').locator('tbody tr').count()).toBe(2);
  });

  it('reads a drawn digit and a validation sample, float and int8 side by side', async () => {
    const pad = page.getByTestId('drawing-pad');
    const box = await pad.boundingBox();
    if (!box) throw new Error('the drawing pad is not visible');
    // A vertical stroke: a "1".
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('int8-class').first().textContent()).toMatch(/^\d$/);
    expect(await page.getByTestId('sample-browser').getByTestId('float-class').textContent()).toMatch(/^\d$/);
    await screenshot(page, 'training-workspace');
    expect(errors).toEqual([]);
  });
});

/** A one-layer classifier of `input`-shaped samples, as a page address. */
function tinyModelPage(input: number[], classes: number): string {
  const flat = input.length > 1 ? [{ id: 'flat', type: 'Flatten' }] : [];
  const spec = {
    format: 'minnow-model',
    version: 1,
    name: 'tiny',
    input: { shape: input },
    layers: [...flat, { id: 'out', type: 'Dense', units: classes, activation: 'softmax' }],
  };
  return `${harness.url}e2e/harness/train.html?spec=${encodeURIComponent(JSON.stringify(spec))}`;
}

describe('uploading data in Chromium', () => {
  it('decodes a folder with a sub-folder per class, resized to the input, skipping what is not an image', async () => {
    const upload = (shown = await session.context.newPage());
    await upload.goto(tinyModelPage([8, 8, 1], 2));
    await expect.poll(() => upload.getByTestId('train-backend').isVisible(), { timeout: 30_000 }).toBe(true);
    const folder = writeFolder('pets', {
      'cats/a.bmp': greyBmp(16, 20),
      'cats/b.bmp': greyBmp(16, 40),
      'dogs/c.bmp': greyBmp(16, 220),
      'dogs/d.bmp': greyBmp(16, 240),
      'dogs/broken.png': 'not a png at all',
      'notes.txt': 'hello',
    });
    await upload.locator('input[webkitdirectory]').setInputFiles(folder);
    await expect.poll(() => upload.getByTestId('data-count').textContent(), { timeout: 20_000 }).toBe('4');
    const report = (await upload.locator('.data-report').textContent()) ?? '';
    expect(report).toMatch(/notes\.txt: not an image/);
    expect(report).toMatch(/broken\.png: cannot be decoded/);
    expect(await upload.locator('.class-balance th').allTextContents()).toEqual(['cats', 'dogs']);
    await upload.close();
  });

  it('reads a CSV file, lists its bad rows by line, and refuses one with no usable row', async () => {
    const upload = (shown = await session.context.newPage());
    await upload.goto(tinyModelPage([2], 2));
    await expect.poll(() => upload.getByTestId('train-backend').isVisible(), { timeout: 30_000 }).toBe(true);
    const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    const input = upload.locator('input[type="file"][accept*="csv"]').first();
    await input.setInputFiles(csv('points.csv', 'x,y,label\n0,1,a\n1,oops,b\n2,3,b\n4,5,\n6,7,a\n8,9,b\n'));
    await expect.poll(() => upload.getByTestId('data-count').textContent(), { timeout: 20_000 }).toBe('4');
    const report = (await upload.locator('.data-report').textContent()) ?? '';
    expect(report).toMatch(/Line 3: column "y" holds "oops"/);
    expect(report).toMatch(/Line 5: the label/);
    await input.setInputFiles(csv('broken.csv', 'x,y,label\nfoo,bar,a\n,,b\n'));
    await expect
      .poll(() => upload.getByTestId('train-error').textContent(), { timeout: 20_000 })
      .toMatch(/^E64[13]/);
    await upload.close();
  });
});
