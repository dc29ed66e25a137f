/**
 * Builds the bare-metal Minnow images (firmware-template/bare/): links each chip's ELF with
 * firmware-template/bare/build.sh, turns it into an ESP image with the project's own writer, and adds a
 * partition table at 0x8000 as a file of its own only when the image ends at or below it (docs/MANIFEST.md).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PARTITION_TABLE_OFFSET, buildPartitionTable } from '../src/core/blob/partition-table.ts';
import { readElf32 } from '../src/core/firmware/esp-image-elf.ts';
import { espChip } from '../src/core/firmware/esp-image.ts';
import type { PinnedSegment } from '../src/core/firmware/esp-image-layout.ts';
import { espImageFromElf } from '../src/core/firmware/esp-image-writer.ts';

export const BARE_CHIPS = ['esp32c3', 'esp32c6'] as const;
export const MODEL_PARTITION = { offset: 0x100000, size: 0x100000 } as const;
/** The names scripts/firmware-manifest.ts reads in a bare-metal build folder (firmware-manifest-builds.ts). */
export const IMAGE_NAME = 'minnow.bin';
export const TABLE_NAME = 'partition-table.bin';

const ROOT = join(import.meta.dirname, '..');

export interface BareOutput {
  readonly chip: string;
  /** Files relative to public/firmware/, with their bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly elfPath: string;
}

/** The bare-metal build's partition table: only the model partition, where the ESP-IDF build has it. */
export function barePartitionTable(): Uint8Array {
  return buildPartitionTable([{ name: 'model', type: 0x40, subtype: 0x00, ...MODEL_PARTITION }]);
}

/**
 * The partition table goes at flash 0x8000 as a file of its own when the image ends below it, else inside the
 * image as a segment whose bytes start at file offset 0x8000, loaded into arena RAM just below the ROM's stack
 * (overwritten later, harmless): either way the board's flash holds a table there for model-only updates.
 */
export function pinnedTable(chip: string): PinnedSegment {
  const data = barePartitionTable();
  const ram = espChip(chip)!.loadRegions[0]!;
  return { fileOffset: PARTITION_TABLE_OFFSET, loadAddr: ram.end - data.length, data };
}

export function buildBare(chip: string, workDir: string): BareOutput {
  execFileSync('bash', [join(ROOT, 'firmware-template/bare/build.sh'), chip, workDir], { stdio: 'inherit' });
  const elfPath = join(workDir, `minnow-bare-${chip}.elf`);
  const elf = readElf32(readFileSync(elfPath));
  let image = espImageFromElf(elf, chip);
  const separateTable = image.length <= PARTITION_TABLE_OFFSET;
  if (!separateTable) image = espImageFromElf(elf, chip, pinnedTable(chip));
  const files = new Map<string, Uint8Array>([[`${chip}/${IMAGE_NAME}`, image]]);
  if (separateTable) files.set(`${chip}/${TABLE_NAME}`, barePartitionTable());
  return { chip, files, elfPath };
}
