import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING } from '../src/device/testing/virtual-board.ts';
import {
  connectAndFlashAll,
  downloadBlob,
  expectFullFlash,
  expectModelOnlyWrite,
  useBridgedApp,
} from './device/board-checks.ts';
import { screenshot } from './app.ts';

const PER_DIGIT = 40;
const errors: string[] = [];
const app = useBridgedApp('flash', errors);

/** 400 real digits of the `mnist` package as a CSV upload: 784 pixel columns and a label. */
function digitsCsv(): string {
  const require = createRequire(import.meta.url);
  const header = [...Array.from({ length: 784 }, (_, i) => `p${i}`), 'label'].join(',');
  const rows: string[] = [];
  for (let d = 0; d < 10; d++) {
    const file = require.resolve(`mnist/src/digits/${d}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    for (let i = 0; i < PER_DIGIT; i++) rows.push(`${data.slice(i * 784, (i + 1) * 784).join(',')},${d}`);
  }
  return `${header}\n${rows.join('\n')}\n`;
}

const stage = (name: RegExp) => app.page.getByRole('tab', { name }).click();
const info = () => app.page.getByRole('region', { name: 'Board info' });
const crc = async () => (await app.page.getByTestId('blob-crc').textContent()) ?? '';

const downloadedBlob = () => downloadBlob(app.page);

/** Trains one epoch (a fresh run, or on from the current weights) and waits for the weights to be saved. */
async function trainOneEpoch(button: 'train-start' | 'train-continue'): Promise<void> {
  await stage(/Train/);
  await app.page.locator('#train-epochs').fill('1');
  await app.page.getByTestId(button).click();
  await expect
    .poll(() => app.page.getByTestId('training-workspace').getAttribute('data-state'), { timeout: 30_000 })
    .toBe('idle');
  await expect.poll(() => app.page.getByTestId('train-continue').isVisible(), { timeout: 20_000 }).toBe(true);
}

describe('design → train → quantize → flash in the app, on the emulated board', () => {
  it('opens the MNIST MLP template on the board chip and trains it briefly on 400 digits', async () => {
    await app.page.getByRole('button', { name: 'Start from a template' }).click();
    await app.page.getByRole('button', { name: 'Open mnist-mlp as a new project' }).click();
    await app.page.getByTestId('chip-picker').selectOption(app.bridge.board.chip.id);
    await stage(/Train/);
    await expect
      .poll(() => app.page.getByTestId('train-backend').isVisible(), { timeout: 30_000 })
      .toBe(true);
    const csv = { name: 'digits.csv', mimeType: 'text/csv', buffer: Buffer.from(digitsCsv()) };
    await app.page.locator('input[type="file"][accept*="csv"]').first().setInputFiles(csv);
    await expect
      .poll(() => app.page.getByTestId('data-count').textContent(), { timeout: 20_000 })
      .toBe('400');
    await trainOneEpoch('train-start');
    await app.page.getByTestId('quantize').click();
    await expect.poll(() => app.page.getByTestId('quant-report').isVisible(), { timeout: 30_000 }).toBe(true);
    await screenshot(app.page, 'flash-training');
  });

  it('flashes firmware, partition table and the trained model; the gauge takes the measured heap', async () => {
    await stage(/Board/);
    await expect.poll(() => app.page.getByTestId('blob-source').textContent()).toMatch(/trained weights/);
    expect(await app.page.getByTestId('blob-source').textContent()).toMatch(
      /calibrated on 32 training samples/,
    );
    const blob = await downloadedBlob();
    await connectAndFlashAll(app.page);
    await info().getByText('mnist-mlp').waitFor({ timeout: 30_000 });
    expectFullFlash(app.bridge, blob);
    await expect
      .poll(() => app.page.getByTestId('measured-label').textContent())
      .toMatch(/RAM measured on the board: .* free heap/);
  });

  it.skipIf(!findVirtualBoard())(
    `the virtual board runs samples byte for byte as the browser does${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
    async () => {
      await app.page.getByRole('button', { name: /^Run sample 0/ }).click();
      await app.page.getByText(/Board says/).waitFor();
      await app.page.getByRole('button', { name: /^Validate 32 samples/ }).click();
      await expect
        .poll(() => app.page.locator('.validate-result').textContent(), { timeout: 30_000 })
        .toMatch(/Agreement with the browser: 100\.0% \(32 of 32 samples identical to the byte/);
      await screenshot(app.page, 'flash-device');
    },
  );

  it('after retraining, re-flashing writes only the model partition', async () => {
    const before = await crc();
    await trainOneEpoch('train-continue');
    await stage(/Board/);
    await expect.poll(crc).not.toBe(before);
    const blob = await downloadedBlob();
    await app.page.getByLabel('Firmware and model').check();
    const mark = app.bridge.board.commands.length;
    await app.page.getByRole('button', { name: 'Flash', exact: true }).click();
    await expect.poll(() => info().textContent(), { timeout: 30_000 }).toContain(`CRC ${await crc()}`);
    expectModelOnlyWrite(app.bridge, mark, blob);
  });

  it('unplugging during a model-only write says the board still boots', async () => {
    await trainOneEpoch('train-continue');
    await stage(/Board/);
    await app.page.getByLabel('Update model only (the board keeps its firmware)').check();
    app.bridge.board.unplugAfter(40_000);
    await app.page.getByRole('button', { name: 'Flash', exact: true }).click();
    const alert = app.page.getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toMatch(/E526 The board was disconnected while writing model/);
    expect(await alert.textContent()).toMatch(
      /the bootloader and the firmware are intact: the board still boots/,
    );
    app.bridge.board.plugIn();
    expect(errors).toEqual([]);
  });

  it('keeps the trained weights over a reload, and says so when an edit makes them stop fitting', async () => {
    await app.page.reload();
    await stage(/Board/);
    await expect.poll(() => app.page.getByTestId('blob-source').textContent()).toMatch(/trained weights/);
    await stage(/Design/);
    await app.page.getByTestId('node-fc1').click();
    await app.page.locator('#param-fc1-units').fill('64');
    await stage(/Train/);
    await expect
      .poll(() => app.page.getByTestId('weights-stale').textContent())
      .toMatch(/no longer fit the model \(layer "fc1" needs 50176 values of kernel/);
    await stage(/Board/);
    await expect
      .poll(() => app.page.getByTestId('blob-source').textContent())
      .toMatch(/untrained \(random\) weights/);
    expect(errors).toEqual([]);
  });
});
