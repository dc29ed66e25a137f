import { MB, sourced } from './figure.ts';
import type { Chip } from './types.ts';

/** Minnow's partition table (firmware-template/partitions.csv, FACTS §B.3). */
export const APP_OFFSET = 0x10000;
export const APP_SIZE = MB;
export const MODEL_OFFSET = 0x110000;
export const MODEL_SIZE = MB;
/** ESP-IDF alignment rules (FACTS §B.1). */
export const APP_ALIGN = 0x10000;
export const DATA_ALIGN = 0x1000;

const TABLE = 'Minnow partitions.csv (FACTS §B.3)';
const BOOTLOADER = 'ESP-IDF components/bootloader/Kconfig.projbuild, set by the ROM (FACTS §B.1)';

/**
 * Bootloader, app and model partition of an ESP target. The model partition keeps its 1 MB unless the flash
 * ends before that; then it runs to the end of flash, rounded down to a data-partition boundary.
 */
export function espLayout(
  flashBytes: number,
  bootloaderOffset: number,
): Required<Pick<Chip, 'bootloaderOffset' | 'appPartition' | 'modelPartition'>> {
  const room = Math.floor((flashBytes - MODEL_OFFSET) / DATA_ALIGN) * DATA_ALIGN;
  const modelSize =
    room >= MODEL_SIZE
      ? sourced(MODEL_SIZE, TABLE)
      : sourced(room, `${TABLE}, cut to end at the ${flashBytes / MB} MB flash's last byte`);
  return {
    bootloaderOffset: sourced(bootloaderOffset, BOOTLOADER),
    appPartition: { offset: sourced(APP_OFFSET, TABLE), size: sourced(APP_SIZE, TABLE) },
    modelPartition: { offset: sourced(MODEL_OFFSET, TABLE), size: modelSize },
  };
}
