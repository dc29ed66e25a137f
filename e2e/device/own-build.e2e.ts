import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPartitionTable, modelPartitions } from '../../src/core/blob/partition-table.ts';
import { placeholderImage } from '../../src/device/testing/placeholder-firmware.ts';
import { openSession, type Session } from '../browser.ts';
import { MODEL_AT, openBridgedPage } from './board-checks.ts';
import { startBridge, type Bridge } from './bridge.ts';
import { serveDeviceHarness, type DeviceHarness } from './serve.ts';

let bridge: Bridge;
let harness: DeviceHarness;
let session: Session;
let page: Page;
const errors: string[] = [];

/** What `esptool.py merge_bin` makes of an ESP-IDF build: bootloader at 0x0, table at 0x8000, app at 0x10000. */
function mergedBin(chip: string, app: Uint8Array): Buffer {
  const out = new Uint8Array(0x10000 + app.length).fill(0xff);
  out.set(placeholderImage(0x4000, 5, 'boot', chip), 0);
  out.set(buildPartitionTable(modelPartitions()), 0x8000);
  out.set(app, 0x10000);
  return Buffer.from(out);
}

const pageBlob = async () => Uint8Array.from((await page.evaluate(() => window.minnowBlob)) ?? []);
const writes = (from: number) =>
  bridge.board.commands.slice(from).filter((c) => c.name === 'FLASH_DEFL_BEGIN');

beforeAll(async () => {
  bridge = await startBridge({ chip: 'esp32c6' });
  harness = await serveDeviceHarness();
  session = await openSession({ width: 1200, height: 1400 });
  page = await openBridgedPage(session, bridge, errors);
  await page.goto(`${harness.pageUrl}?chip=esp32c6&builds=none`);
});

afterAll(async () => {
  await session?.close();
  await harness?.close();
  await bridge?.close();
});

describe('an own ESP-IDF build for a chip Minnow ships no firmware for', () => {
  it('tells which port to pick for an ESP32-C6', async () => {
    await page.getByText(/ESP32-C6: pick "USB JTAG\/serial debug unit"/).waitFor();
  });

  it('refuses a merged .bin built for another chip before anything is written', async () => {
    await page.getByRole('button', { name: 'Connect a board' }).click();
    await expect
      .poll(() => page.locator('.monitor').textContent(), { timeout: 10_000 })
      .toMatch(/No Minnow firmware answered/);
    await page.getByRole('button', { name: 'Use my own firmware build' }).click();
    const file = { name: 'merged-c3.bin', mimeType: 'application/octet-stream' };
    await page.locator('input[type="file"][multiple]').setInputFiles({
      ...file,
      buffer: mergedBin('esp32c3', placeholderImage(0x8000, 6, 'app', 'esp32c3')),
    });
    await page.getByText('Using ESP32-C3, built for 2MB of flash').waitFor();
    await page.getByLabel('Firmware and model').check();
    const mark = bridge.board.commands.length;
    await page.getByRole('button', { name: 'Flash', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 20_000 })
      .toMatch(/E542 Your build is built for ESP32-C3, but the board is an ESP32-C6/);
    expect(writes(mark)).toEqual([]);
  });

  it('flashes a merged .bin for the chip together with the model', async () => {
    const app = placeholderImage(0x8000, 7, 'app', 'esp32c6');
    const file = { name: 'merged-c6.bin', mimeType: 'application/octet-stream' };
    await page
      .locator('input[type="file"][multiple]')
      .setInputFiles({ ...file, buffer: mergedBin('esp32c6', app) });
    await page.getByText('Using ESP32-C6, built for 2MB of flash').waitFor();
    await page.getByLabel('Firmware and model').check();
    await page.getByRole('button', { name: 'Flash', exact: true }).click();
    await page
      .getByRole('region', { name: 'Board info' })
      .getByText('mnist-mlp')
      .waitFor({ timeout: 30_000 });
    const blob = await pageBlob();
    expect(bridge.board.flash.read(MODEL_AT, blob.length)).toEqual(blob);
    expect(bridge.board.flash.read(0x10000, app.length)).toEqual(app);
    expect(bridge.board.flash.read(0x8000, 0xc00)).toEqual(buildPartitionTable(modelPartitions()));
    expect(errors).toEqual([]);
  });
});
