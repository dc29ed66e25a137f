import { MB, sourced } from './figure.ts';
import type { Chip } from './types.ts';

/**
 * Minnow's flash layout, the same for every chip and both firmware flavours (firmware-template/partitions.csv,
 * docs/MANIFEST.md M-11): factory app at 0x10000 (960 KB), model partition at 0x100000 (1 MB), so that every
 * build fits, and says, a 2 MB flash.
 */
export const APP_OFFSET = 0x10000;
export const APP_SIZE = 0xf0000;
export const MODEL_OFFSET = 0x100000;
export const MODEL_SIZE = MB;
/** The flash size every build is made for ("2MB" in flasher_args.json): the model partition's end. */
export const LAYOUT_FLASH_BYTES = MODEL_OFFSET + MODEL_SIZE;
/** ESP-IDF alignment rules (FACTS §B.1). */
export const APP_ALIGN = 0x10000;
export const DATA_ALIGN = 0x1000;

const TABLE = 'Minnow partitions.csv (FACTS §B.3)';
const BOOTLOADER = 'ESP-IDF components/bootloader/Kconfig.projbuild, set by the ROM (FACTS §B.1)';

/**
 * Bootloader, app and model partition of an ESP target. The layout ends at 2 MB, so it fits every module the
 * catalog lists; a chip with less flash cannot run the firmware at all, and the catalog refuses to describe one.
 */
export function espLayout(
  flashBytes: number,
  bootloaderOffset: number,
): Required<Pick<Chip, 'bootloaderOffset' | 'appPartition' | 'modelPartition'>> {
  if (flashBytes < LAYOUT_FLASH_BYTES) {
    throw new Error(`a ${flashBytes / MB} MB flash ends before Minnow's model partition (2 MB layout)`);
  }
  return {
    bootloaderOffset: sourced(bootloaderOffset, BOOTLOADER),
    appPartition: { offset: sourced(APP_OFFSET, TABLE), size: sourced(APP_SIZE, TABLE) },
    modelPartition: { offset: sourced(MODEL_OFFSET, TABLE), size: sourced(MODEL_SIZE, TABLE) },
  };
}
