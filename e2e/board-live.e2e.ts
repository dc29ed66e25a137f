import { describe, expect, it } from 'vitest';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING } from '../src/device/testing/virtual-board.ts';
import { screenshot } from './app.ts';
import { connectAndFlashAll, useBridgedApp } from './device/board-checks.ts';
import { holdRecord, startCaptureCamera } from './capture-steps.ts';
import { modelFile, THUMBS_MODEL } from './files.ts';

const errors: string[] = [];
const app = useBridgedApp('board-live', errors);
const card = (device = 'camera') => app.page.getByRole('region', { name: `Live test with the ${device}` });

/** A tiny sound model: one second of 16 kHz audio through the Spectrogram front end, its int16 input (F-78). */
const HEAR_MODEL = modelFile(
  'hear',
  [16000],
  [
    { id: 'features', type: 'Spectrogram' },
    { id: 'flat', type: 'Flatten' },
    { id: 'out', type: 'Dense', units: 2, activation: 'softmax' },
  ],
);

describe.skipIf(!findVirtualBoard())(
  `Board tab: classify the webcam on the board beside the browser${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
  () => {
    it('[D-13] trains a tiny camera model on webcam frames, flashes it and runs a live frame on the board exactly as the browser does', async () => {
      const { page } = app;
      await page.getByTestId('import-file').setInputFiles(THUMBS_MODEL);
      await page.getByTestId('chip-picker').selectOption(app.bridge.board.chip.id);
      // Two classes of webcam frames, one epoch: the board's answers then carry the Train tab's class names.
      await page.getByRole('tab', { name: /Train/ }).click();
      await startCaptureCamera(page);
      await holdRecord(page, 'class-1', 800);
      await holdRecord(page, 'class-2', 800);
      await page.getByTestId('load-captures').click();
      await expect
        .poll(() => page.getByTestId('data-count').textContent(), { timeout: 30_000 })
        .toMatch(/^\d+$/);
      await page.locator('#train-epochs').fill('1');
      await page.getByTestId('train-start').click();
      await expect
        .poll(() => page.getByTestId('train-continue').isVisible(), { timeout: 90_000, interval: 500 })
        .toBe(true);
      await page.getByRole('tab', { name: /Board/ }).click();
      await connectAndFlashAll(page);
      await page.getByRole('region', { name: 'Board info' }).getByText('thumbs').waitFor({ timeout: 30_000 });
      // A camera model has no sensor-window live test: the camera card takes its place.
      expect(await page.getByRole('region', { name: 'Live test', exact: true }).count()).toBe(0);
      await card().getByRole('button', { name: 'Start the camera' }).click();
      await expect
        .poll(() =>
          card()
            .locator('video')
            .evaluate((v) => (v as HTMLVideoElement).videoWidth),
        )
        .toBeGreaterThan(0);
      await card().getByRole('button', { name: 'Classify this frame' }).click();
      await card().getByTestId('live-board').waitFor({ timeout: 20_000 });
      const board = await card().getByTestId('live-board').textContent();
      expect(board).toMatch(/^class [12] \(\d\.\d{3}\)$/);
      expect(await card().getByTestId('live-float').textContent()).toMatch(/^class [12] \(\d\.\d{3}\)$/);
      expect(await card().getByTestId('live-browser').textContent()).toBe(board);
      expect(await card().getByTestId('live-identical').textContent()).toBe('identical output bytes');
      expect(await card().textContent()).toMatch(/[\d.]+ ms on the board, round trip \d+ ms/);
      await card().scrollIntoViewIfNeeded();
      await screenshot(page, 'board-live-camera');
    }, 180_000);

    it('[D-13] keeps classifying frames until stopped, and leaving the tab stops it', async () => {
      const { page } = app;
      const classified = async () =>
        Number.parseInt((await card().getByTestId('live-count').textContent()) ?? '0', 10);
      const before = await classified();
      await card().getByRole('button', { name: 'Keep classifying' }).click();
      await expect.poll(classified, { timeout: 20_000 }).toBeGreaterThan(before + 2);
      await page.getByRole('tab', { name: /Design/ }).click();
      await page.getByRole('tab', { name: /Board/ }).click();
      // Leaving the tab stopped the loop and the camera: nothing runs or films behind another tab.
      await card().getByRole('button', { name: 'Keep classifying' }).waitFor({ timeout: 10_000 });
      await card().getByRole('button', { name: 'Start the camera' }).waitFor({ timeout: 10_000 });
      const stopped = await classified();
      await page.waitForTimeout(1000);
      expect(await classified()).toBe(stopped);
      expect(await card().getByTestId('live-identical').textContent()).toBe('identical output bytes');
      expect(errors).toEqual([]);
    }, 60_000);

    it('[D-13] [F-78] hears the microphone: the board computes the spectrogram of the last second as the browser does', async () => {
      const { page } = app;
      await page.getByTestId('import-file').setInputFiles(HEAR_MODEL);
      await page.getByTestId('chip-picker').selectOption(app.bridge.board.chip.id);
      await page.getByRole('tab', { name: /Board/ }).click();
      await page.getByLabel('Update model only (the board keeps its firmware)').check();
      await page.getByRole('button', { name: 'Flash', exact: true }).click();
      await page.getByRole('region', { name: 'Board info' }).getByText('hear').waitFor({ timeout: 30_000 });
      const mic = card('microphone');
      await mic.getByRole('button', { name: 'Start listening' }).click();
      // A whole second (and the resampler's look-ahead) of the fake microphone's beep must be heard first.
      await expect
        .poll(
          async () => {
            await mic.getByRole('button', { name: 'Classify the last 1 s' }).click();
            return mic.getByTestId('live-board').count();
          },
          { timeout: 20_000, interval: 500 },
        )
        .toBe(1);
      const board = await mic.getByTestId('live-board').textContent();
      expect(board).toMatch(/^output [01] \(\d\.\d{3}\)$/);
      expect(await mic.getByTestId('live-browser').textContent()).toBe(board);
      expect(await mic.getByTestId('live-identical').textContent()).toBe('identical output bytes');
      await mic.getByRole('button', { name: 'Stop the microphone' }).click();
      await screenshot(page, 'board-live-microphone');
      expect(errors).toEqual([]);
    }, 90_000);
  },
);
