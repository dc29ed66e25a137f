import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readBlob } from '../../src/core/blob/reader.ts';
import { findVirtualBoard, VIRTUAL_BOARD_MISSING } from '../../src/device/testing/virtual-board.ts';
import { expectFullFlash, expectModelOnlyWrite, openBridgedPage } from './board-checks.ts';
import { screenshot } from '../app.ts';
import { openSession, type Session } from '../browser.ts';
import { startBridge, type Bridge } from './bridge.ts';
import { serveDeviceHarness, type DeviceHarness } from './serve.ts';

let bridge: Bridge;
let harness: DeviceHarness;
let session: Session;
let page: Page;
const errors: string[] = [];

const pageBlob = async () => Uint8Array.from((await page.evaluate(() => window.minnowBlob)) ?? []);
const info = () => page.getByRole('region', { name: 'Board info' });

beforeAll(async () => {
  bridge = await startBridge();
  harness = await serveDeviceHarness();
  session = await openSession({ width: 1200, height: 1400 });
  page = await openBridgedPage(session, bridge, errors);
  await page.goto(harness.pageUrl);
});

afterAll(async () => {
  await session?.close();
  await harness?.close();
  await bridge?.close();
});

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    await screenshot(page, `failure-device-${task.name.replace(/\W+/g, '-')}`);
  });
});

describe('flashing the emulated board through a fake navigator.serial', () => {
  it('connects, finds no Minnow firmware, then writes firmware, partition table and model', async () => {
    await page.getByRole('button', { name: 'Connect a board' }).click();
    await expect
      .poll(() => page.locator('.monitor').textContent(), { timeout: 10_000 })
      .toMatch(/No Minnow firmware answered/);
    await expect
      .poll(() => page.getByLabel('Firmware and model').isChecked(), { timeout: 10_000 })
      .toBe(true);
    await page.getByText('0x10c4:0xea60').waitFor();
    await page.getByRole('button', { name: 'Flash', exact: true }).click();
    await info().getByText('mnist-mlp').waitFor({ timeout: 30_000 });
    const blob = await pageBlob();
    expectFullFlash(bridge, blob);
    expect(await page.locator('.flash-file.verified').count()).toBe(4);
    expect(await page.getByLabel('Update model only (the board keeps its firmware)').isChecked()).toBe(true);
  });

  it.skipIf(!findVirtualBoard())(
    `the virtual board answers a run, and validates 8 samples byte for byte against the browser${findVirtualBoard() ? '' : ` (skipped: ${VIRTUAL_BOARD_MISSING})`}`,
    async () => {
      await page.getByRole('button', { name: /^Run sample 0/ }).click();
      await page.getByText(/Board says/).waitFor();
      await page.getByRole('button', { name: /^Validate 8 samples/ }).click();
      await expect
        .poll(() => page.locator('.validate-result').textContent(), { timeout: 30_000 })
        .toMatch(
          /Agreement with the browser: 100\.0% \(8 of 8 samples identical to the byte, 0 differing bytes\)/,
        );
    },
  );

  it('re-flashing after retraining writes only the model partition: the other regions are skipped', async () => {
    await page.getByTestId('weights').selectOption('2');
    await page.getByLabel('Firmware and model').check();
    const mark = bridge.board.commands.length;
    await page.getByRole('button', { name: 'Flash', exact: true }).click();
    const blob = await pageBlob();
    const crc = readBlob(blob).header.crc.toString(16).padStart(8, '0');
    await expect.poll(() => info().textContent(), { timeout: 30_000 }).toContain(`CRC ${crc}`);
    expectModelOnlyWrite(bridge, mark, blob);
    expect(await page.locator('.flash-file.skipped').count()).toBe(3);
  });

  it('unplugging during a model-only write says the board still boots, and it does', async () => {
    await page.getByTestId('weights').selectOption('1');
    await page.getByLabel('Update model only (the board keeps its firmware)').check();
    bridge.board.unplugAfter(40_000);
    await page.getByRole('button', { name: 'Flash', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toMatch(/E526 The board was disconnected while writing model/);
    expect(await alert.textContent()).toMatch(
      /the bootloader and the firmware are intact: the board still boots/,
    );
    bridge.board.plugIn();
    expect(bridge.board.state).toBe('firmware');
    await page.getByRole('button', { name: 'Choose another port' }).click();
    await expect.poll(() => info().textContent(), { timeout: 10_000 }).toMatch(/not ready: E3\d\d BLOB_/);
    expect(errors).toEqual([]);
  });
});
