import type { ESPLoader } from 'esptool-js';
import { parseDescribedRevision } from '../core/firmware/manifest.ts';
import type { RomAnswer } from './esp-link.ts';

/** ESP32-C6 eFuse BLOCK1 word 3 (esptool-js's EFUSE_BLOCK1_ADDR + 12): WAFER_VERSION_MINOR at bits 114–117 and
 * WAFER_VERSION_MAJOR at 118–119 of BLOCK1 (ESP-IDF v5.5.1 components/efuse/esp32c6/esp_efuse_table.csv). */
async function c6Revision(loader: ESPLoader): Promise<number> {
  const base = (loader.chip as unknown as { EFUSE_BLOCK1_ADDR: number }).EFUSE_BLOCK1_ADDR;
  const word = await loader.readReg(base + 12);
  return ((word >>> 22) & 0x3) * 100 + ((word >>> 18) & 0xf);
}

/** ESP32 WAFER_VERSION_MINOR: eFuse BLOCK0 bits 184–185, word 5 bits 24–25 (esp32/esp_efuse_table.csv). */
async function esp32Minor(loader: ESPLoader): Promise<number> {
  const chip = loader.chip as unknown as { readEfuse(l: ESPLoader, word: number): Promise<number> };
  return ((await chip.readEfuse(loader, 5)) >>> 24) & 0x3;
}

/**
 * The chip's description and revision (major*100+minor). esptool-js 0.7 prints "vX.Y" for most chips; for the
 * ESP32 it prints the major only and for the ESP32-C6 the minor only, so those read the missing part from the
 * eFuses. A register that cannot be read leaves the revision unknown rather than guessed.
 */
export async function describeChip(loader: ESPLoader, chip: string): Promise<RomAnswer> {
  const description = await loader.chip.getChipDescription(loader);
  const parsed = parseDescribedRevision(description);
  let revision: number | undefined;
  try {
    if (chip === 'esp32c6') revision = await c6Revision(loader);
    else if (parsed?.minor !== undefined) revision = parsed.major * 100 + parsed.minor;
    else if (chip === 'esp32' && parsed) revision = parsed.major * 100 + (await esp32Minor(loader));
  } catch {
    revision = undefined;
  }
  return { chip, description, revision };
}
