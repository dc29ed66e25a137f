/**
 * The ESP image format the mask ROM of ESP32-C3/C6 loads from flash 0x0 (FACTS-C3C6 §1, ESP-IDF
 * esp_app_format.h): a 24-byte header, segments of `u32 load_addr, u32 data_len` + data, an XOR checksum
 * as the last byte of a 16-byte block, then optionally the SHA-256 of everything before it.
 */

import { IMAGE_CHIP_IDS, IMAGE_HEADER_BYTES, IMAGE_MAGIC } from './image-header.ts';

export const ESP_IMAGE_MAGIC = IMAGE_MAGIC;
export const ESP_CHECKSUM_SEED = 0xef;
export const ESP_IMAGE_MAX_SEGMENTS = 16;
export const ESP_IMAGE_HEADER_BYTES = IMAGE_HEADER_BYTES;
export const ESP_SEGMENT_HEADER_BYTES = 8;
export const ESP_DIGEST_BYTES = 32;
export const WP_PIN_DISABLED = 0xee;
export const SPI_MODE_DIO = 2;
/** High nibble of byte 3: 2MB (FACTS §1.2); low nibble: 40m on both chips. */
export const FLASH_SIZE_2MB = 0x1;
export const FLASH_FREQ_40M = 0x0;

/** An address range [start, end). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface EspChip {
  readonly chip: string;
  /** `esp_chip_id_t` (FACTS §1.1). */
  readonly chipId: number;
  /**
   * Where the ROM may copy segments: SRAM below its own stack (it runs while it copies), FACTS §2.2. Each
   * range is given with the physical SRAM offset it starts at, so aliases of the same bytes can be compared,
   * and whether the CPU can execute from it (the entry point must be in such a range).
   */
  readonly loadRegions: readonly (Range & { readonly sram: number; readonly code: boolean })[];
  /** The ROM's stack, named in errors because it is the likeliest collision. */
  readonly romStack: Range;
}

export const ESP_CHIPS: readonly EspChip[] = [
  {
    chip: 'esp32c3',
    chipId: IMAGE_CHIP_IDS.esp32c3 as number,
    // Data bus 0x3FC80000… and its instruction-bus alias 0x40380000… (SOC_I_D_OFFSET 0x700000).
    loadRegions: [
      { start: 0x3fc80000, end: 0x3fcdc710, sram: 0, code: false },
      { start: 0x40380000, end: 0x403dc710, sram: 0, code: true },
    ],
    romStack: { start: 0x3fcdc710, end: 0x3fcde710 },
  },
  {
    chip: 'esp32c6',
    chipId: IMAGE_CHIP_IDS.esp32c6 as number,
    loadRegions: [{ start: 0x40800000, end: 0x4087c610, sram: 0, code: true }],
    romStack: { start: 0x4087c610, end: 0x4087e610 },
  },
];

export function espChip(chip: string): EspChip | undefined {
  return ESP_CHIPS.find((c) => c.chip === chip);
}

/** XOR of every segment data byte, seeded with 0xEF (esptool `checksum()`, IDF `process_checksum`). */
export function espChecksum(segments: readonly { readonly data: Uint8Array }[]): number {
  let sum = ESP_CHECKSUM_SEED;
  for (const segment of segments) for (const byte of segment.data) sum ^= byte;
  return sum;
}

/** File offset of the checksum byte: the last byte of the 16-byte block after `end` (the segments' end). */
export function checksumOffset(end: number): number {
  return ((end + 1 + 15) & ~15) - 1;
}

export function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
