import { md5 } from '../core/blob/md5.ts';
import { MODEL_PARTITION_TYPE, PARTITION_TABLE_BYTES } from '../core/blob/partition-table.ts';
import { decodeUtf8 } from '../core/blob/utf8.ts';
import { MinnowError } from '../core/errors.ts';

/** One row of a binary ESP-IDF partition table (FACTS §B.2). */
export interface PartitionRow {
  readonly name: string;
  readonly type: number;
  readonly subtype: number;
  readonly offset: number;
  readonly size: number;
  readonly flags: number;
}

const ENTRY = 32;

function invalid(detail: string): MinnowError {
  return new MinnowError('PARTITION_TABLE_UNREADABLE', { detail });
}

/**
 * Reads the binary table gen_esp32part.py writes: 0xAA50 entries until an all-0xFF one, with an optional
 * 0xEBEB MD5 entry that must match the entries before it. Anything else is refused with a coded error.
 */
export function readPartitionTable(bytes: Uint8Array): PartitionRow[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows: PartitionRow[] = [];
  const limit = Math.min(bytes.length, PARTITION_TABLE_BYTES);
  for (let at = 0; at + ENTRY <= limit; at += ENTRY) {
    const entry = bytes.subarray(at, at + ENTRY);
    if (entry.every((b) => b === 0xff)) return rows;
    if (entry[0] === 0xeb && entry[1] === 0xeb) {
      const stored = entry.subarray(16);
      const computed = md5(bytes.subarray(0, at));
      if (!stored.every((b, i) => b === computed[i]))
        throw invalid('its MD5 entry does not match the entries');
      continue;
    }
    if (entry[0] !== 0xaa || entry[1] !== 0x50) {
      throw invalid(
        rows.length === 0
          ? 'it does not start with a partition entry (0xAA50)'
          : `entry ${rows.length} is malformed`,
      );
    }
    const label = entry.subarray(12, 28);
    const end = label.indexOf(0);
    rows.push({
      type: entry[2] as number,
      subtype: entry[3] as number,
      offset: view.getUint32(at + 4, true),
      size: view.getUint32(at + 8, true),
      name: decodeUtf8(label.subarray(0, end < 0 ? 16 : end)),
      flags: view.getUint32(at + 28, true),
    });
  }
  if (rows.length === 0) throw invalid('it holds no partition entries');
  return rows;
}

/** The partition the Minnow firmware reads its model from: type 0x40, named "model" when several exist. */
export function findModelPartition(rows: readonly PartitionRow[]): PartitionRow | undefined {
  const candidates = rows.filter((r) => r.type === MODEL_PARTITION_TYPE);
  return candidates.find((r) => r.name === 'model') ?? candidates[0];
}

/** The factory app, or the first app partition. */
export function findAppPartition(rows: readonly PartitionRow[]): PartitionRow | undefined {
  const apps = rows.filter((r) => r.type === 0);
  return apps.find((r) => r.subtype === 0) ?? apps[0];
}
