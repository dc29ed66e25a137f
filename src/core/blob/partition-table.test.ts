import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isMinnowError } from '../errors.ts';
import {
  buildPartitionTable,
  DEFAULT_PARTITIONS,
  modelPartitions,
  partitionsCsv,
  type PartitionEntry,
} from './partition-table.ts';

/**
 * The expected bytes, written out from the description of gen_esp32part.py in FACTS §B.2 rather than with
 * the builder: struct '<2sBBLL16sL' per entry, then EB EB FF×14 + md5(entries), then FF up to 0xC00.
 */
function entryBytes(type: number, subtype: number, offset: number, size: number, label: string): number[] {
  const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
  const name = [...label].map((c) => c.charCodeAt(0));
  return [
    0xaa,
    0x50,
    type,
    subtype,
    ...u32(offset),
    ...u32(size),
    ...name,
    ...Array(16 - name.length).fill(0),
    0,
    0,
    0,
    0,
  ];
}

function expectedTable(entries: number[][]): Uint8Array {
  const body = Uint8Array.from(entries.flat());
  const digest = createHash('md5').update(body).digest();
  const out = new Uint8Array(0xc00).fill(0xff);
  out.set(body);
  out.set([0xeb, 0xeb], body.length);
  out.set(digest, body.length + 16);
  return out;
}

const DEFAULT_ENTRIES = [
  entryBytes(0x01, 0x02, 0x9000, 0x6000, 'nvs'),
  entryBytes(0x01, 0x01, 0xf000, 0x1000, 'phy_init'),
  entryBytes(0x00, 0x00, 0x10000, 0x100000, 'factory'),
];

describe('partition table builder [F-90]', () => {
  it("reproduces ESP-IDF's default single-app table byte for byte", () => {
    const built = buildPartitionTable(DEFAULT_PARTITIONS);
    expect(built.length).toBe(0xc00);
    expect(Buffer.from(built).equals(Buffer.from(expectedTable(DEFAULT_ENTRIES)))).toBe(true);
  });

  it('cuts the factory app to 0xF0000 and adds a 1 MB model partition of type 0x40 at 0x100000', () => {
    const built = buildPartitionTable(modelPartitions(0x100000));
    const expected = expectedTable([
      ...DEFAULT_ENTRIES.slice(0, 2),
      entryBytes(0x00, 0x00, 0x10000, 0xf0000, 'factory'),
      entryBytes(0x40, 0x00, 0x100000, 0x100000, 'model'),
    ]);
    expect(Buffer.from(built).equals(Buffer.from(expected))).toBe(true);
  });

  it('writes the encrypted and readonly flags and a 16-character label without NUL', () => {
    const entries: PartitionEntry[] = [
      {
        name: 'sixteen_chars_ab',
        type: 'data',
        subtype: 0x81,
        size: 0x2000,
        readonly: true,
        encrypted: true,
      },
    ];
    const built = buildPartitionTable(entries);
    expect(new TextDecoder().decode(built.subarray(12, 28))).toBe('sixteen_chars_ab');
    expect([...built.subarray(28, 32)]).toEqual([3, 0, 0, 0]);
    expect([...built.subarray(4, 8)]).toEqual([0x00, 0x90, 0, 0]);
  });

  it('refuses overlaps, misaligned apps, long names and odd sizes with a coded error', () => {
    const bad: PartitionEntry[][] = [
      [
        { name: 'a', type: 'data', subtype: 2, offset: 0x9000, size: 0x2000 },
        { name: 'b', type: 'data', subtype: 2, offset: 0xa000, size: 0x1000 },
      ],
      [{ name: 'app', type: 'app', subtype: 0, offset: 0x11000, size: 0x10000 }],
      [{ name: 'seventeen_chars_x', type: 'data', subtype: 2, size: 0x1000 }],
      [{ name: 'odd', type: 'data', subtype: 2, size: 0x1001 }],
      [{ name: 'any', type: 0xff, subtype: 2, size: 0x1000 }],
    ];
    for (const entries of bad) {
      let error: unknown;
      try {
        buildPartitionTable(entries);
      } catch (e) {
        error = e;
      }
      expect(isMinnowError(error) && error.id).toBe('PARTITION_TABLE_INVALID');
    }
  });

  it('prints the same layout as partitions.csv', () => {
    const csv = partitionsCsv(modelPartitions());
    expect(csv).toContain('factory, app, 0x0, 0x10000, 0xf0000, ');
    expect(csv).toContain('model, 0x40, 0x0, 0x100000, 0x100000, ');
    expect(partitionsCsv(DEFAULT_PARTITIONS)).toContain('nvs, data, 0x2, 0x9000, 0x6000, ');
  });
});
