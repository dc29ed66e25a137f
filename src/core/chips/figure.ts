import type { Figure } from './types.ts';

export const KB = 1024;
export const MB = 1024 * 1024;

export const HELLO_WORLD_HEAP = 'ESP-IDF get-started docs, hello_world "Minimum free heap size" (FACTS §A)';
export const MAX_CLOCK = 'datasheet maximum CPU clock, recalled, not re-checked; the firmware selects it';

/** A figure read from a datasheet, a document or a measurement named by `source`. */
export function sourced(value: number, source: string): Figure {
  return { value, source };
}

/** A figure that is a reasoned guess; `reason` says how it was derived. */
export function estimated(value: number, reason: string): Figure {
  return { value, estimate: reason };
}

export function isEstimate(figure: Figure): boolean {
  return figure.estimate !== undefined;
}

/** The provenance in one line, for a tooltip or `minnow chips`. */
export function describeFigure(figure: Figure): string {
  return figure.estimate !== undefined ? `estimate: ${figure.estimate}` : `source: ${figure.source ?? '?'}`;
}

// On the ESP32-S3 the main DRAM heap region is 84% of the free heap: one heap dump
// (RomanLut/hx-esp32-cam-fpv#46) shows three smaller regions (32,767 + 22,308 + 7,912 B) beside it.
// Other single-bank chips have a similar layout but no dump at hand, so a lower 75% keeps a margin.
const MAIN_REGION_SHARE = 0.75;
// The heap allocator reports and serves large blocks in coarse size classes.
const BLOCK_GRANULE = 16 * KB;

/** The largest contiguous block, estimated from the free heap of a chip whose internal RAM is one bank. */
export function largestBlockFromHeap(freeHeap: Figure): Figure {
  const value = Math.floor((freeHeap.value * MAIN_REGION_SHARE) / BLOCK_GRANULE) * BLOCK_GRANULE;
  return estimated(
    value,
    `75% of the free heap (${freeHeap.value} B), rounded down to 16 KB: the heap is one main region plus ` +
      'smaller ones (ROM-reserved and RTC memory); an ESP32-S3 heap dump shows the main region at 84%',
  );
}

// In an ESP32-S3 heap dump after boot (same issue), 8,257,536 B of the 8 MB PSRAM were one free block.
const PSRAM_SHARE = 8_257_536 / (8 * MB);

/** The largest PSRAM block after boot, estimated from the PSRAM size. */
export function psramBlockFromSize(bytes: number): Figure {
  return estimated(
    Math.floor((bytes * PSRAM_SHARE) / BLOCK_GRANULE) * BLOCK_GRANULE,
    `the same 98.4% of the PSRAM as the largest free block in an ESP32-S3 8 MB heap dump, rounded down to 16 KB`,
  );
}
