import { MinnowError } from '../core/errors.ts';
import type { BoardInfo } from '../core/protocol/index.ts';
import type { BoardMemory } from '../core/chips/index.ts';
import type { BoardClient } from './board-client.ts';

/**
 * Asks `info` until the board answers or `totalMs` pass: a board that was just reset needs a moment before its
 * console listens, and a `hello` (P-9) answers just as well.
 */
export async function waitForInfo(client: BoardClient, totalMs = 4000, attemptMs = 700): Promise<BoardInfo> {
  const deadline = performance.now() + totalMs;
  let hello: BoardInfo | undefined;
  const stop = client.onHello((info) => (hello = info));
  try {
    while (performance.now() < deadline) {
      try {
        return await client.info({
          timeoutMs: Math.min(attemptMs, Math.max(1, deadline - performance.now())),
        });
      } catch (e) {
        if (hello) return hello;
        if (!(e instanceof MinnowError) || e.id !== 'BOARD_SILENT') throw e;
      }
    }
  } finally {
    stop();
  }
  throw new MinnowError('BOARD_SILENT', { kind: 'info', ms: totalMs });
}

/** The board's heap figures as the budget takes them (measuredChip in core/chips). */
export function boardMemory(info: BoardInfo): BoardMemory {
  return { freeHeapBytes: info.freeHeap, largestFreeBlockBytes: info.largestFreeBlock };
}

/** FIRMWARE_TOO_OLD unless the firmware on the board reads the blob's format version. */
export function checkBlobVersion(
  info: Pick<BoardInfo, 'firmwareVersion' | 'blobVersions'>,
  blobVersion: number,
): void {
  const { min, max } = info.blobVersions;
  if (blobVersion < min || blobVersion > max) {
    throw new MinnowError('FIRMWARE_TOO_OLD', {
      firmware: info.firmwareVersion,
      min,
      max,
      blob: blobVersion,
    });
  }
}
