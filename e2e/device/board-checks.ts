import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildPartitionTable, modelPartitions } from '../../src/core/blob/partition-table.ts';
import { padded } from '../../src/device/flash-plan.ts';
import { findModelPartition, readPartitionTable } from '../../src/device/partition-read.ts';
import type { Session } from '../browser.ts';
import type { Bridge } from './bridge.ts';
import { fakeSerialScript } from './serve.ts';

/** Where Minnow's partition table puts the model partition. */
export const MODEL_AT = 0x110000;

/** A new page whose navigator.serial reaches the bridge's emulated board; page errors go to `errors`. */
export async function openBridgedPage(session: Session, bridge: Bridge, errors: string[]): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({
    content: `window.minnowBridge = { url: ${JSON.stringify(bridge.serialUrl)} };\n${await fakeSerialScript()}`,
  });
  return page;
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
