import { isMinnowError, MinnowError } from '../core/errors.ts';
import { boardModelPartition, checkFirmwareOnBoard } from './board-checks.ts';
import { chipLabel, sameChip } from './chip-names.ts';
import type { EspLink, RomAnswer } from './esp-link.ts';
import { CancelledFlash, type FailureContext } from './explain.ts';
import type { FirmwareFor, FirmwareImage } from './firmware-image.ts';
import { md5Hex, padded, planRegions, type FlashMode, type Region } from './flash-plan.ts';
import type { ProgressTracker } from './flash-progress.ts';
import { checkFlashFits, checkImageForChip } from './image-checks.ts';
import { writeVerified } from './verified-write.ts';

export interface PlanInput {
  readonly blob: Uint8Array;
  readonly blobVersion: number;
  readonly mode: FlashMode;
  readonly selectedChip?: string;
  readonly firmwareFor?: FirmwareFor;
}

/**
 * The build for the chip. A model-only update uses it, when there is one, to check the board's firmware and the
 * model's size; a chip revision without a build is no reason to refuse a model update.
 */
async function buildFor(rom: RomAnswer, input: PlanInput): Promise<FirmwareImage | undefined> {
  try {
    return await input.firmwareFor?.(rom.chip, rom.revision);
  } catch (e) {
    if (input.mode === 'model-only' && isMinnowError(e) && e.id === 'NO_BUILD_FOR_REVISION') return undefined;
    throw e;
  }
}

/**
 * Every check the ROM's first answer allows, before the stub is uploaded: the chip, the firmware for its
 * revision, the image headers, the blob version and the model against the build's partition (in both modes,
 * when there is a build). Returns the build's image.
 */
export async function preflight(rom: RomAnswer, input: PlanInput): Promise<FirmwareImage | undefined> {
  const { chip } = rom;
  if (input.selectedChip && !sameChip(input.selectedChip, chip)) {
    throw new MinnowError('CHIP_MISMATCH', {
      detected: chipLabel(chip),
      selected: chipLabel(input.selectedChip),
    });
  }
  const image = await buildFor(rom, input);
  if (input.mode === 'full' && !image) throw new MinnowError('NO_FIRMWARE_BUILD', { chip: chipLabel(chip) });
  if (!image) return undefined;
  checkImageForChip(image, chip);
  const versions = image.blobVersions;
  // A model-only update keeps the board's firmware: the session checks the blob against what the board reports.
  if (input.mode === 'full' && versions && !versions.includes(input.blobVersion)) {
    const [min, max] = [Math.min(...versions), Math.max(...versions)];
    throw new MinnowError('FIRMWARE_TOO_OLD', {
      firmware: image.version ?? '?',
      min,
      max,
      blob: input.blobVersion,
    });
  }
  planRegions(input.mode, input.blob, image.modelPartition, image);
  return image;
}

/**
 * The regions to write, after the checks that need the stub: a model-only update's firmware on the board (or,
 * without a build, its partition table) and the flash size.
 */
export async function regionsFor(
  link: EspLink,
  input: PlanInput,
  image: FirmwareImage | undefined,
): Promise<Region[]> {
  if (input.mode === 'model-only' && image) await checkFirmwareOnBoard(link, image);
  const partition = image ? image.modelPartition : await boardModelPartition(link);
  const regions = planRegions(input.mode, input.blob, partition, image);
  checkFlashFits(image, regions, await link.flashBytes());
  return regions;
}

/** Smart flashing: the regions whose MD5 on the board differs from the bytes to write. */
export async function changedRegions(
  link: EspLink,
  regions: readonly Region[],
  tracker: ProgressTracker,
): Promise<Region[]> {
  const todo: Region[] = [];
  for (const [i, region] of regions.entries()) {
    tracker.setState(i, 'checking');
    const bytes = padded(region.data);
    const same = (await link.md5(region.address, bytes.length)) === md5Hex(bytes);
    tracker.setState(i, same ? 'skipped' : 'pending');
    if (!same) todo.push(region);
  }
  return todo;
}

/** Where a write stands, for the error if it fails: the region requested and not yet verified. */
export interface WriteContext extends FailureContext {
  activity: string;
  touched: Region[];
  writing?: Region | undefined;
  lost?: boolean;
}

/**
 * Writes `todo` one region at a time (one esptool-js call each), so that the region in progress is known from
 * the moment its write is requested: a lost reply to the begin command comes after the stub may have started
 * erasing. Progress stops between blocks on `signal`.
 */
export async function writeRegions(
  link: EspLink,
  regions: readonly Region[],
  todo: readonly Region[],
  tracker: ProgressTracker,
  context: WriteContext,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const region of todo) {
    if (signal?.aborted) throw new CancelledFlash();
    const at = regions.indexOf(region);
    context.touched.push(region);
    context.writing = region;
    context.activity = `writing ${region.name} at 0x${region.address.toString(16)}`;
    tracker.setState(at, 'writing');
    try {
      await writeVerified(link, region, (sent, total) => {
        tracker.sent(at, sent, total);
        if (signal?.aborted) throw new CancelledFlash();
      });
    } catch (e) {
      if (!(e instanceof CancelledFlash)) tracker.setState(at, 'failed');
      throw e;
    }
    context.writing = undefined;
    tracker.setState(at, 'verified');
  }
}
