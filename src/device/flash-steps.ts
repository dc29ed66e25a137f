import { PARTITION_TABLE_BYTES, PARTITION_TABLE_OFFSET } from '../core/blob/partition-table.ts';
import { MinnowError } from '../core/errors.ts';
import { chipLabel, sameChip } from './chip-names.ts';
import type { EspLink, RomAnswer } from './esp-link.ts';
import { CancelledFlash, type FailureContext } from './explain.ts';
import type { FirmwareFor, FirmwareImage } from './firmware-image.ts';
import {
  md5Hex,
  padded,
  planRegions,
  type FlashMode,
  type ModelPartition,
  type Region,
} from './flash-plan.ts';
import type { ProgressTracker } from './flash-progress.ts';
import { checkFlashFits, checkImageForChip } from './image-checks.ts';
import { findModelPartition, readPartitionTable } from './partition-read.ts';

export interface PlanInput {
  readonly blob: Uint8Array;
  readonly blobVersion: number;
  readonly mode: FlashMode;
  readonly selectedChip?: string;
  readonly firmwareFor?: FirmwareFor;
}

/** Model-only mode: the model partition as the board's own partition table declares it. */
async function boardModelPartition(link: EspLink): Promise<ModelPartition> {
  const table = readPartitionTable(await link.read(PARTITION_TABLE_OFFSET, PARTITION_TABLE_BYTES));
  const model = findModelPartition(table);
  if (!model) throw new MinnowError('NO_MODEL_PARTITION');
  return model;
}

/**
 * Every check the ROM's first answer allows, before the stub is uploaded: the chip, the firmware for its
 * revision, the image headers, the blob version and the model against the build's partition. Returns the image
 * a full install writes.
 */
export async function preflight(rom: RomAnswer, input: PlanInput): Promise<FirmwareImage | undefined> {
  const { chip } = rom;
  if (input.selectedChip && !sameChip(input.selectedChip, chip)) {
    throw new MinnowError('CHIP_MISMATCH', {
      detected: chipLabel(chip),
      selected: chipLabel(input.selectedChip),
    });
  }
  const image = input.mode === 'full' ? await input.firmwareFor?.(chip, rom.revision) : undefined;
  if (input.mode === 'full' && !image) throw new MinnowError('NO_FIRMWARE_BUILD', { chip: chipLabel(chip) });
  if (!image) return undefined;
  checkImageForChip(image, chip);
  const versions = image.blobVersions;
  if (versions && !versions.includes(input.blobVersion)) {
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

/** The regions to write, after the checks that need the stub: the board's partition table and flash size. */
export async function regionsFor(
  link: EspLink,
  input: PlanInput,
  image: FirmwareImage | undefined,
): Promise<Region[]> {
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

/** Writes `todo` in one esptool-js call; progress marks each region as it starts and stops on `signal`. */
export async function writeRegions(
  link: EspLink,
  regions: readonly Region[],
  todo: readonly Region[],
  tracker: ProgressTracker,
  context: FailureContext & { activity: string; touched: Region[] },
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal?.aborted) throw new CancelledFlash();
  if (todo.length === 0) return;
  await link.write(todo, (index, sent, total) => {
    const region = todo[index] as Region;
    const at = regions.indexOf(region);
    if (!context.touched.includes(region)) {
      // esptool-js has verified the region before it; the stub starts writing this one lazily.
      context.touched.forEach((r) => tracker.setState(regions.indexOf(r), 'verified'));
      context.touched.push(region);
      context.activity = `writing ${region.name} at 0x${region.address.toString(16)}`;
    }
    tracker.sent(at, sent, total);
    if (signal?.aborted) throw new CancelledFlash();
  });
  todo.forEach((r) => tracker.setState(regions.indexOf(r), 'verified'));
}
