import { MinnowError } from '../core/errors.ts';
import { chipLabel } from './chip-names.ts';
import type { FirmwareFile } from './firmware-image.ts';
import type { ModelPartition } from './flash-plan.ts';
import { findModelPartition, readPartitionTable } from './partition-read.ts';

const where = (p: ModelPartition) => `0x${p.offset.toString(16)} (${p.size} bytes)`;

/**
 * A build's manifest names the model partition, and the partition table it ships declares it too: the firmware
 * reads the model where the table says, so a manifest that says elsewhere would have the model written where
 * nothing reads it. Refuses a mismatch; a build without a table file has nothing to compare.
 */
export function checkModelPartition(
  chip: string,
  files: readonly FirmwareFile[],
  manifest: ModelPartition,
): void {
  const file = files.find((f) => f.role === 'partition-table');
  if (!file) return;
  const table = findModelPartition(readPartitionTable(file.data));
  if (table && table.offset === manifest.offset && table.size === manifest.size) return;
  throw new MinnowError('MODEL_PARTITION_MISMATCH', {
    chip: chipLabel(chip),
    manifest: where(manifest),
    table: table ? where(table) : 'no place (it has no model partition)',
    file: file.name,
  });
}
