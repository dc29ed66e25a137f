import { describe, expect, it } from 'vitest';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING } from '../src/device/testing/virtual-board.ts';
import { screenshot } from './app.ts';
import { connectAndFlashAll, useBridgedApp } from './device/board-checks.ts';

const errors: string[] = [];
const app = useBridgedApp('sensors', errors);

describe.skipIf(!findVirtualBoard())(
  `Board tab: record the board's MPU-6050, then classify the live window on the board${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
  () => {
    it('[S-9] streams the simulated sensor into a labelled recording at the rate set', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Start from a template' }).click();
      await page.getByRole('button', { name: 'Open imu-gestures as a new project' }).click();
      await page.getByTestId('chip-picker').selectOption(app.bridge.board.chip.id);
      await page.getByRole('tab', { name: /Board/ }).click();
      await connectAndFlashAll(page);
      await page
        .getByRole('region', { name: 'Board info' })
        .getByText('imu-gestures')
        .waitFor({ timeout: 30_000 });
      await page.getByLabel('MPU-6050 through the Minnow firmware').check();
      await page.getByLabel('Samples per second').fill('200');
      await page.getByRole('button', { name: 'Start reading' }).click();
      await page.getByTestId('forwarder-label').fill('wave');
      await page.getByRole('button', { name: 'Record', exact: true }).click();
      await expect
        .poll(
          async () =>
            Number(
              /^(\d+) samples/.exec((await page.getByTestId('forwarder-status').textContent()) ?? '')?.[1],
            ),
          {
            timeout: 20_000,
          },
        )
        .toBeGreaterThan(300);
      await page.getByRole('button', { name: /Stop recording “wave”/ }).click();
      await page.getByRole('button', { name: 'Stop reading' }).click();
      await expect
        .poll(() => page.getByTestId('forwarder-recordings').textContent())
        .toMatch(/wave: \d+ samples at 200\.0 Hz, \d+ windows of 128/);
    }, 120_000);

    it('[S-16] the board classifies the latest window exactly as the browser does, with its latency', async () => {
      const { page } = app;
      await page.getByRole('button', { name: 'Classify the latest 128 samples' }).click();
      await page.getByTestId('live-board').waitFor({ timeout: 20_000 });
      const board = await page.getByTestId('live-board').textContent();
      expect(board).toMatch(/^output \d \(-?\d\.\d{3}\)$/);
      expect(await page.getByTestId('live-browser').textContent()).toBe(board);
      expect(await page.getByTestId('live-identical').textContent()).toBe('identical output bytes');
      await expect
        .poll(() => page.getByRole('region', { name: 'Live test' }).textContent())
        .toMatch(/ms on the board/);
      await screenshot(page, 'sensors-live-test');
    });

    it('[S-17] keeps classifying fresh sensor windows on the board until stopped', async () => {
      const { page } = app;
      const classified = async () =>
        Number.parseInt((await page.getByTestId('live-count').textContent()) ?? '0', 10);
      const before = await classified();
      await page.getByRole('button', { name: 'Keep classifying the MPU-6050' }).click();
      // Each window is one stream and one run on the board, each shown as it comes.
      await expect.poll(classified, { timeout: 20_000 }).toBeGreaterThan(before + 2);
      await page.getByRole('button', { name: 'Stop classifying' }).click();
      await page.getByRole('button', { name: 'Keep classifying the MPU-6050' }).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('live-identical').textContent()).toBe('identical output bytes');
      expect(await page.getByTestId('live-browser').textContent()).toBe(
        await page.getByTestId('live-board').textContent(),
      );
      expect(errors).toEqual([]);
    }, 60_000);
  },
);
