import { isEstimate } from '../chips/figure.ts';
import type { Chip } from '../chips/types.ts';
import { MinnowError } from '../errors.ts';
import type { FirmwareBuild } from '../firmware/manifest.ts';
import { FIRMWARE_FLASH_ESTIMATE } from './constants.ts';
import type { BudgetInput, FlashBudget } from './types.ts';

/** The manifest's numbers for this chip's firmware, or the catalog's layout with an estimated app size. */
function firmwareLayout(chip: Chip, firmware: FirmwareBuild | undefined) {
  if (firmware) {
    if (firmware.chip !== chip.id) {
      throw new MinnowError('FIRMWARE_CHIP_MISMATCH', { firmware: firmware.chip, chip: chip.id });
    }
    const app = firmware.files.find((f) => f.role === 'app');
    return {
      appOffset: app?.offset ?? 0,
      appBytes: firmware.appBytes,
      isEstimate: false,
      partition: firmware.modelPartition,
    };
  }
  const model = chip.modelPartition;
  return {
    appOffset: chip.appPartition?.offset.value ?? 0,
    appBytes: FIRMWARE_FLASH_ESTIMATE[chip.arch],
    isEstimate: true,
    partition: model ? { offset: model.offset.value, size: model.size.value } : undefined,
  };
}

/**
 * Flash need = firmware (everything up to the end of the app image: bootloader, partition table and the
 * app itself) + the model blob. The blob must also fit its partition. Export-only targets link the model
 * into the program, so only the total counts there.
 */
export function flashBudget(input: BudgetInput, chip: Chip, firmware?: FirmwareBuild): FlashBudget {
  const layout = firmwareLayout(chip, firmware);
  const parts = { firmware: layout.appOffset + layout.appBytes, model: input.blobBytes };
  const needBytes = parts.firmware + parts.model;
  const availableBytes = chip.flashBytes.value;
  const partitionBytes = layout.partition?.size ?? null;
  const fits = needBytes <= availableBytes && (partitionBytes === null || parts.model <= partitionBytes);
  return {
    needBytes,
    availableBytes,
    fits,
    partitionBytes,
    firmwareIsEstimate: layout.isEstimate || isEstimate(chip.flashBytes),
    parts,
  };
}

/** Room for the model partition if it ran from its offset to the end of flash (the IDE can rewrite the table). */
export function largestModelPartition(chip: Chip, firmware?: FirmwareBuild): number | null {
  const offset = firmware?.modelPartition.offset ?? chip.modelPartition?.offset.value;
  if (offset === undefined) return null;
  return Math.max(0, Math.floor((chip.flashBytes.value - offset) / 0x1000) * 0x1000);
}
