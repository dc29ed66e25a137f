import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest';
import { buildPartitionTable, modelPartitions } from '../../src/core/blob/partition-table.ts';
import { padded } from '../../src/device/flash-plan.ts';
import { findModelPartition, readPartitionTable } from '../../src/device/partition-read.ts';
import { screenshot } from '../app.ts';
import { openSession, type Session } from '../browser.ts';
import { startBridge, type Bridge } from './bridge.ts';
import { fakeSerialScript } from './serve.ts';

/** Where Minnow's partition table puts the model partition. */
export const MODEL_AT = 0x100000;

/** A new page whose navigator.serial reaches the bridge's emulated board; page errors go to `errors`. */
export async function openBridgedPage(session: Session, bridge: Bridge, errors: string[]): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({
    content: `window.minnowBridge = { url: ${JSON.stringify(bridge.serialUrl)} };\n${await fakeSerialScript()}`,
  });
  return page;
}

/** The app page, bridged, whose firmware downloads are the bridge's build for the emulated chip. */
export async function openAppOnBridge(session: Session, bridge: Bridge, errors: string[]): Promise<Page> {
  const page = await openBridgedPage(session, bridge, errors);
  await page.route(/\/firmware\/.+$/, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^.*?\/firmware\//, '');
    const response = await fetch(`${bridge.url}firmware/${name}`);
    await route.fulfill({ status: response.status, body: Buffer.from(await response.arrayBuffer()) });
  });
  return page;
}

export interface BridgedApp {
  readonly bridge: Bridge;
  readonly session: Session;
  readonly page: Page;
}

/**
 * A suite's hooks for the app on an emulated board: before the tests, a bridge to a new board and the app
 * open in a page wired to it (the returned fields are set then); after them, both closed; on a failed test, a
 * screenshot `failure-<suite>-<test>`. Page errors go to `errors`.
 */
export function useBridgedApp(suite: string, errors: string[]): BridgedApp {
  const app: { -readonly [K in keyof BridgedApp]?: BridgedApp[K] } = {};
  beforeAll(async () => {
    app.bridge = await startBridge();
    app.session = await openSession({ width: 1400, height: 1000 }, { serviceWorkers: 'block' });
    app.page = await openAppOnBridge(app.session, app.bridge, errors);
    await app.page.goto(inject('baseUrl'));
  });
  afterAll(async () => {
    await app.session?.close();
    await app.bridge?.close();
  });
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      if (app.page) await screenshot(app.page, `failure-${suite}-${task.name.replace(/\W+/g, '-')}`);
    });
  });
  return app as BridgedApp;
}

/** The blob the Board tab offers, through its download button. */
export async function downloadBlob(page: Page): Promise<Uint8Array> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the model blob' }).click(),
  ]);
  return new Uint8Array(readFileSync(await download.path()));
}

/** Connects to the emulated board (no Minnow answers yet) and flashes firmware and model. */
export async function connectAndFlashAll(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Connect a board' }).click();
  await expect
    .poll(() => page.locator('.monitor').textContent(), { timeout: 10_000 })
    .toMatch(/No Minnow firmware answered/);
  await expect.poll(() => page.getByLabel('Firmware and model').isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Flash', exact: true }).click();
}

/** The flash addresses written since command `from`. */
function flashStarts(bridge: Bridge, from: number): (number | undefined)[] {
  return bridge.board.commands.slice(from).flatMap((c) => (c.name === 'FLASH_DEFL_BEGIN' ? [c.address] : []));
}

/** After a full flash: the blob sits at the model partition and the partition table is Minnow's. */
export function expectFullFlash(bridge: Bridge, blob: Uint8Array): void {
  expect(bridge.board.flash.read(MODEL_AT, blob.length)).toEqual(blob);
  const table = bridge.board.flash.read(0x8000, 0xc00);
  expect(table).toEqual(buildPartitionTable(modelPartitions()));
  expect(findModelPartition(readPartitionTable(table))).toMatchObject({ offset: MODEL_AT, size: 0x100000 });
}

/** After a re-flash since command `mark`: only the model partition was written, and it holds the blob. */
export function expectModelOnlyWrite(bridge: Bridge, mark: number, blob: Uint8Array): void {
  expect(flashStarts(bridge, mark)).toEqual([MODEL_AT]);
  // Only the model's deflated bytes were sent: the browser's deflate and Node's may differ by a few bytes.
  const deflated = deflateSync(padded(blob), { level: 9 }).length;
  expect(Math.abs(bridge.board.flashDataBytes(mark) - deflated)).toBeLessThan(deflated * 0.01);
  expect(bridge.board.flash.read(MODEL_AT, blob.length)).toEqual(blob);
}
