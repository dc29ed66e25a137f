import { MinnowError } from '../errors.ts';
import { sourced } from './figure.ts';
import type { BoardMemory, Chip, Psram } from './types.ts';

const BOARD = 'reported by the connected board (heap_caps_get_free_size / heap_caps_get_largest_free_block)';

function check(ok: boolean, detail: string): void {
  if (!ok) throw new MinnowError('BOARD_MEMORY_INVALID', { detail });
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * The chip with its RAM figures replaced by what a connected board running Minnow reports. The board
 * measures after its own buffers and task are allocated, so the budget reserves nothing more for them.
 */
export function measuredChip(chip: Chip, info: BoardMemory): Chip {
  check(isCount(info.freeHeapBytes), `free heap ${String(info.freeHeapBytes)} is not a byte count`);
  check(
    isCount(info.largestFreeBlockBytes),
    `largest block ${String(info.largestFreeBlockBytes)} is not a byte count`,
  );
  check(info.largestFreeBlockBytes <= info.freeHeapBytes, 'the largest free block exceeds the free heap');
  const psramBlock = info.psramLargestFreeBlockBytes;
  const psramFree = info.psramFreeBytes;
  check(
    psramBlock === undefined || isCount(psramBlock),
    `PSRAM block ${String(psramBlock)} is not a byte count`,
  );
  check(psramFree === undefined || isCount(psramFree), `free PSRAM ${String(psramFree)} is not a byte count`);
  check(
    psramBlock === undefined || psramFree === undefined || psramBlock <= psramFree,
    'the largest PSRAM block exceeds the free PSRAM',
  );
  // A board can carry PSRAM its catalog entry lacks (an ESP32 on a WROVER module): the firmware then uses it.
  const psram: Psram | undefined =
    psramBlock !== undefined && psramFree !== undefined && psramBlock > 0
      ? { bytes: sourced(psramFree, BOARD), arenaBytes: sourced(psramBlock, BOARD), arenaAllowed: true }
      : chip.psram;
  return {
    ...chip,
    measured: true,
    freeHeapBytes: sourced(info.freeHeapBytes, BOARD),
    arenaBytes: sourced(info.largestFreeBlockBytes, BOARD),
    ...(psram ? { psram } : {}),
  };
}
