import { describe, expect, it } from 'vitest';
import { buildPartitionTable, modelPartitions } from '../core/blob/partition-table.ts';
import type { FirmwareFile } from './firmware-image.ts';
import { checkModelPartition } from './table-check.ts';

const tableFile = (data: Uint8Array): FirmwareFile[] => [
  { role: 'partition-table', name: 'esp32c3/partition-table.bin', offset: 0x8000, data },
];
const minnow = tableFile(buildPartitionTable(modelPartitions()));
const failure = (files: FirmwareFile[], offset: number, size: number) => {
  try {
    checkModelPartition('esp32c3', files, { offset, size });
  } catch (e) {
    return e as { id: string; message: string };
  }
  throw new Error('accepted');
};

describe('the manifest’s model partition against the build’s own table', () => {
  it('accepts the partition the table declares (0x100000, 1 MB, as in firmware-template/partitions.csv)', () => {
    expect(() => checkModelPartition('esp32c3', minnow, { offset: 0x100000, size: 0x100000 })).not.toThrow();
  });

  it('refuses another size at the same offset, naming both', () => {
    const error = failure(minnow, 0x100000, 0x80000);
    expect(error.id).toBe('MODEL_PARTITION_MISMATCH');
    expect(error.message).toContain(
      'at 0x100000 (524288 bytes) in its manifest, but at 0x100000 (1048576 bytes)',
    );
  });

  it('refuses a table without a model partition', () => {
    const noModel = tableFile(buildPartitionTable(modelPartitions().filter((p) => p.name !== 'model')));
    expect(failure(noModel, 0x100000, 0x100000).message).toContain('no place (it has no model partition)');
  });

  it('refuses a table file that is garbage with the table’s own coded error', () => {
    const garbage = tableFile(Uint8Array.from({ length: 3072 }, (_, i) => (i * 37 + 11) & 0xff));
    expect(failure(garbage, 0x100000, 0x100000).id).toBe('PARTITION_TABLE_UNREADABLE');
  });

  it('has nothing to compare in a build without a table file', () => {
    expect(() => checkModelPartition('esp32c3', [], { offset: 0x200000, size: 0x1000 })).not.toThrow();
  });
});
