import { PARTITION_TABLE_BYTES, PARTITION_TABLE_OFFSET } from '../core/blob/partition-table.ts';
import { getChip } from '../core/chips/catalog.ts';
import { readImageHeader, type ImageHeader } from '../core/firmware/image-header.ts';
import { MinnowError } from '../core/errors.ts';
import type { FirmwareFile, FirmwareImage } from './firmware-image.ts';
import { checkImageForChip } from './image-checks.ts';
import { findAppPartition, findModelPartition, readPartitionTable } from './partition-read.ts';

/** Where the ROM of each chip loads the second-stage bootloader: 0x0, 0x1000 or 0x2000 (FACTS §B.1). */
const BOOTLOADER_OFFSETS = [0x0, 0x1000, 0x2000];

function bootloaderOffset(header: ImageHeader): number | undefined {
  try {
    return header.chip ? getChip(header.chip).bootloaderOffset?.value : undefined;
  } catch {
    return undefined;
  }
}

function invalid(name: string, detail: string): MinnowError {
  return new MinnowError('FLASHER_ARGS_INVALID', { detail: `${name}: ${detail}` });
}

/**
 * Flash address of the file's first byte. `esptool merge_bin` starts its output at 0x0 by default, so the
 * bootloader lies at the chip's bootloader offset inside it; with `--target-offset` the file starts with the
 * bootloader itself.
 */
function baseAddress(name: string, data: Uint8Array): { base: number; header: ImageHeader } {
  for (const offset of BOOTLOADER_OFFSETS) {
    const header = readImageHeader(data, offset);
    if (typeof header === 'object' && bootloaderOffset(header) === offset) return { base: 0, header };
  }
  const first = readImageHeader(data, 0);
  const at = typeof first === 'object' ? bootloaderOffset(first) : undefined;
  if (typeof first === 'object' && at !== undefined) return { base: at, header: first };
  throw invalid(
    name,
    'no bootloader image of a known chip at 0x0, 0x1000 or 0x2000: pick the output of "esptool.py merge_bin" or the build folder',
  );
}

/**
 * A firmware image from one merged binary (`esptool merge_bin` of an ESP-IDF build): the bootloader at the
 * chip's offset, the partition table at 0x8000, the app at its partition. The model partition comes from that
 * table; whatever the file holds from the model partition on is left out, since the model blob goes there.
 */
export function imageFromMergedBin(name: string, data: Uint8Array): FirmwareImage {
  const { base, header } = baseAddress(name, data);
  const chip = header.chip as string;
  const slice = (from: number, to: number) =>
    data.subarray(from - base, Math.min(to, base + data.length) - base);
  const bootAt = bootloaderOffset(header) as number;
  if (base + data.length < PARTITION_TABLE_OFFSET + PARTITION_TABLE_BYTES)
    throw invalid(name, `it ends before the partition table at 0x8000`);
  const rows = readPartitionTable(
    slice(PARTITION_TABLE_OFFSET, PARTITION_TABLE_OFFSET + PARTITION_TABLE_BYTES),
  );
  const model = findModelPartition(rows);
  if (!model) throw new MinnowError('NO_MODEL_PARTITION');
  const app = findAppPartition(rows);
  if (!app) throw invalid(name, 'its partition table has no app partition');
  if (base + data.length <= app.offset)
    throw invalid(name, `it ends before the app partition at 0x${app.offset.toString(16)}`);
  const file = (role: FirmwareFile['role'], from: number, to: number): FirmwareFile => ({
    role,
    name: `${name} @0x${from.toString(16)}`,
    offset: from,
    data: slice(from, to),
  });
  const image: FirmwareImage = {
    chip,
    source: 'user',
    files: [
      file('bootloader', bootAt, PARTITION_TABLE_OFFSET),
      file('partition-table', PARTITION_TABLE_OFFSET, PARTITION_TABLE_OFFSET + PARTITION_TABLE_BYTES),
      file('app', app.offset, Math.min(app.offset + app.size, model.offset)),
    ],
    modelPartition: { offset: model.offset, size: model.size },
    ...(header.flashSize ? { flashSize: header.flashSize } : {}),
  };
  checkImageForChip(image, chip, 'its bootloader is for');
  return image;
}
