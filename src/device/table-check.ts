import { PARTITION_TABLE_OFFSET } from '../core/blob/partition-table.ts';
import { MinnowError } from '../core/errors.ts';
import { chipLabel } from './chip-names.ts';
import type { FirmwareFile } from './firmware-image.ts';
import type { ModelPartition } from './flash-plan.ts';
import { findModelPartition, readPartitionTable } from './partition-read.ts';

/** One partition table entry (FACTS §B.1): the least a table must hold to name a model partition. */
const ENTRY_BYTES = 32;
const where = (p: ModelPartition) => `0x${p.offset.toString(16)} (${p.size} bytes)`;

/**
 * A build's manifest names the model partition, and the partition table it ships declares it too: the firmware
 * reads the model where the table says, so a manifest that says elsewhere would have the model written where
 * nothing reads it. Refuses a mismatch; a build that puts nothing at 0x8000 has nothing to compare.
 */
export function checkModelPartition(
  chip: string,
  files: readonly FirmwareFile[],
  manifest: ModelPartition,
): void {
  // The table a board boots with is whatever lands at 0x8000: a partition-table file, or the bytes of a
  // bare-metal image that runs across that address (docs/BARE-METAL.md).
  const file = files.find(
    (f) =>
      f.offset <= PARTITION_TABLE_OFFSET && f.offset + f.data.length >= PARTITION_TABLE_OFFSET + ENTRY_BYTES,
  );
  if (!file) return;
  const table = findModelPartition(
    readPartitionTable(file.data.subarray(PARTITION_TABLE_OFFSET - file.offset)),
  );
  if (table && table.offset === manifest.offset && table.size === manifest.size) return;
  throw new MinnowError('MODEL_PARTITION_MISMATCH', {
    chip: chipLabel(chip),
    manifest: where(manifest),
    table: table ? where(table) : 'no place (it has no model partition)',
    file: file.name,
  });
}
