import { PARTITION_TABLE_OFFSET } from '../../core/blob/partition-table.ts';
import { isMinnowError } from '../../core/errors.ts';
import {
  findAppPartition,
  findModelPartition,
  readPartitionTable,
  type PartitionRow,
} from '../partition-read.ts';
import type { FlashMemory } from './flash-memory.ts';
import type { RomChip } from './rom-chips.ts';

const IMAGE_MAGIC = 0xe9;

/** What the emulated board hands its serial port to once it has booted from flash. */
export interface FirmwareBackend {
  write(bytes: Uint8Array): void;
  stop(): void;
}

export interface FirmwareContext {
  readonly chip: RomChip;
  readonly flash: FlashMemory;
  readonly partitions: readonly PartitionRow[];
  /** The model partition's bytes, as the firmware maps them. */
  readonly model?: Uint8Array;
  output(text: string | Uint8Array): void;
}

export type FirmwareFactory = (context: FirmwareContext) => FirmwareBackend;

export type BootResult =
  | {
      readonly ok: true;
      readonly log: string;
      readonly partitions: readonly PartitionRow[];
      readonly model?: Uint8Array;
    }
  | { readonly ok: false; readonly log: string };

/**
 * The checks the ROM and the second-stage bootloader make before the app runs: an image header at the
 * bootloader offset, a readable partition table, an image header at the app partition. A board whose
 * bootloader or app was cut short by an interrupted write fails here, as a real one does.
 */
export function bootFromFlash(flash: FlashMemory, chip: RomChip): BootResult {
  const banner = `${chip.romBanner}\r\nrst:0x1 (POWERON),boot:0xc (SPI_FAST_FLASH_BOOT)\r\n`;
  const bootloader = flash.bytes[chip.bootloaderOffset];
  if (bootloader !== IMAGE_MAGIC) {
    const word = flash.read(chip.bootloaderOffset, 4).reduceRight((n, b) => (n << 8) | b, 0) >>> 0;
    return {
      ok: false,
      log: `${banner}invalid header: 0x${word.toString(16).padStart(8, '0')}\r\n`.repeat(3),
    };
  }
  const stage2 = `${banner}I (31) boot: ESP-IDF 2nd stage bootloader (emulated)\r\n`;
  let partitions: PartitionRow[];
  try {
    partitions = readPartitionTable(flash.read(PARTITION_TABLE_OFFSET, 0xc00));
  } catch (e) {
    if (!isMinnowError(e)) throw e;
    return {
      ok: false,
      log: `${stage2}E (45) boot: Failed to verify partition table\r\nE (46) boot: load partition table error!\r\n`,
    };
  }
  const app = findAppPartition(partitions);
  if (!app || flash.bytes[app.offset] !== IMAGE_MAGIC) {
    return {
      ok: false,
      log: `${stage2}E (52) esp_image: image at 0x${(app?.offset ?? 0).toString(16)} has invalid magic byte\r\nE (53) boot: No bootable app partitions in the partition table\r\n`,
    };
  }
  const part = findModelPartition(partitions);
  const log = `${stage2}I (60) boot: Loaded app from partition at offset 0x${app.offset.toString(16)}\r\n`;
  return part && flash.contains(part.offset, part.size)
    ? { ok: true, log, partitions, model: flash.read(part.offset, part.size) }
    : { ok: true, log, partitions };
}
