import { describe, expect, it } from 'vitest';
import { getChip } from './catalog.ts';
import { measuredChip } from './measured.ts';
import type { BoardMemory } from './types.ts';

describe('measuredChip', () => {
  it('replaces the catalog RAM estimates with what the board reports', () => {
    const c3 = getChip('esp32c3');
    expect(c3.arenaBytes.estimate).toBeDefined();
    const m = measuredChip(c3, { freeHeapBytes: 310_000, largestFreeBlockBytes: 200_000 });
    expect(m.measured).toBe(true);
    expect(m.arenaBytes).toEqual({ value: 200_000, source: expect.stringContaining('connected board') });
    expect(m.freeHeapBytes.value).toBe(310_000);
    expect(m.flashBytes).toBe(c3.flashBytes);
    expect(c3.measured).toBe(false);
  });

  it('adds PSRAM a board reports even when its catalog entry has none (ESP32 on a WROVER module)', () => {
    const m = measuredChip(getChip('esp32'), {
      freeHeapBytes: 280_000,
      largestFreeBlockBytes: 110_000,
      psramFreeBytes: 4_100_000,
      psramLargestFreeBlockBytes: 4_000_000,
    });
    expect(m.psram).toMatchObject({ arenaAllowed: true, arenaBytes: { value: 4_000_000 } });
  });

  it.each<[string, BoardMemory]>([
    ['negative', { freeHeapBytes: -1, largestFreeBlockBytes: 0 }],
    ['fractional', { freeHeapBytes: 1000.5, largestFreeBlockBytes: 10 }],
    ['NaN', { freeHeapBytes: Number.NaN, largestFreeBlockBytes: 10 }],
    ['block above heap', { freeHeapBytes: 1000, largestFreeBlockBytes: 2000 }],
    ['string', { freeHeapBytes: '1000', largestFreeBlockBytes: 10 } as unknown as BoardMemory],
    [
      'PSRAM block above PSRAM',
      { freeHeapBytes: 9, largestFreeBlockBytes: 9, psramFreeBytes: 1, psramLargestFreeBlockBytes: 2 },
    ],
  ])('rejects %s figures with BOARD_MEMORY_INVALID', (_, info) => {
    expect(() => measuredChip(getChip('esp32'), info)).toThrow(
      expect.objectContaining({ id: 'BOARD_MEMORY_INVALID' }),
    );
  });
});
