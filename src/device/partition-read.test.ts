import { describe, expect, it } from 'vitest';
import { buildPartitionTable, DEFAULT_PARTITIONS, modelPartitions } from '../core/blob/partition-table.ts';
import { findAppPartition, findModelPartition, readPartitionTable } from './partition-read.ts';

/** ESP-IDF's default single-app table, written out by hand from gen_esp32part.py's layout (FACTS §B.2). */
function handTable(): Uint8Array {
  const out = new Uint8Array(0xc00).fill(0xff);
  const view = new DataView(out.buffer);
  const rows: [number, number, number, number, string][] = [
    [1, 2, 0x9000, 0x6000, 'nvs'],
    [1, 1, 0xf000, 0x1000, 'phy_init'],
    [0, 0, 0x10000, 0x100000, 'factory'],
  ];
  rows.forEach(([type, subtype, offset, size, name], i) => {
    const at = i * 32;
    out.set([0xaa, 0x50, type, subtype], at);
    view.setUint32(at + 4, offset, true);
    view.setUint32(at + 8, size, true);
    out.fill(0, at + 12, at + 28);
    out.set(new TextEncoder().encode(name), at + 12);
    view.setUint32(at + 28, 0, true);
  });
  return out;
}

describe('readPartitionTable', () => {
  it('reads a table without an MD5 entry, as written by hand', () => {
    const rows = readPartitionTable(handTable());
    expect(rows.map((r) => [r.name, r.type, r.subtype, r.offset, r.size])).toEqual([
      ['nvs', 1, 2, 0x9000, 0x6000],
      ['phy_init', 1, 1, 0xf000, 0x1000],
      ['factory', 0, 0, 0x10000, 0x100000],
    ]);
    expect(findAppPartition(rows)?.name).toBe('factory');
    expect(findModelPartition(rows)).toBe(undefined);
  });

  it('reads the firmware table with its MD5 entry and finds the model partition', () => {
    const rows = readPartitionTable(buildPartitionTable(modelPartitions(0x80000)));
    expect(findModelPartition(rows)).toMatchObject({
      name: 'model',
      type: 0x40,
      offset: 0x100000,
      size: 0x80000,
    });
    expect(rows).toHaveLength(DEFAULT_PARTITIONS.length + 1);
  });

  it('refuses a table whose MD5 entry does not match', () => {
    const table = buildPartitionTable(modelPartitions());
    table[8] = (table[8] as number) ^ 1;
    expect(() => readPartitionTable(table)).toThrow(/MD5 entry does not match/);
  });

  it('refuses garbage with a coded error, and reads an erased sector as empty', () => {
    const junk = Uint8Array.from({ length: 0xc00 }, (_, i) => (i * 37 + 11) & 0xff);
    expect(() => readPartitionTable(junk)).toThrow(
      expect.objectContaining({ id: 'PARTITION_TABLE_UNREADABLE' }),
    );
    expect(() => readPartitionTable(new Uint8Array(5))).toThrow(
      expect.objectContaining({ id: 'PARTITION_TABLE_UNREADABLE' }),
    );
    expect(readPartitionTable(new Uint8Array(0xc00).fill(0xff))).toEqual([]);
  });
});
