import { APP_OFFSET, APP_SIZE, MODEL_OFFSET, MODEL_SIZE } from '../chips/layout.ts';
import { MinnowError } from '../errors.ts';
import { md5 } from './md5.ts';
import { encodeUtf8 } from './utf8.ts';
import { formatHex } from '../units.ts';

/**
 * ESP-IDF partition tables (FACTS §B, gen_esp32part.py): 32-byte entries, an MD5 entry, 0xFF padding to
 * 0xC00 bytes. Building them here lets the IDE resize the model partition without ESP-IDF (FORMAT F-90).
 */
export interface PartitionEntry {
  readonly name: string;
  /** 'app' (0x00), 'data' (0x01) or a number; 0x40–0xFE are application-defined. */
  readonly type: 'app' | 'data' | number;
  readonly subtype: number;
  /** Byte offset in flash; omitted, the next free offset aligned for the type, as ESP-IDF assigns it. */
  readonly offset?: number;
  readonly size: number;
  readonly encrypted?: boolean;
  readonly readonly?: boolean;
}

export const PARTITION_TABLE_OFFSET = 0x8000;
export const PARTITION_TABLE_BYTES = 0xc00;
const ENTRY_BYTES = 32;
const APP_ALIGN = 0x10000;
const DATA_ALIGN = 0x1000;

export const SUBTYPES = { factory: 0x00, nvs: 0x02, phy: 0x01 } as const;
export const MODEL_PARTITION_TYPE = 0x40;
export const MODEL_PARTITION_SUBTYPE = 0x00;

/** ESP-IDF's default "single factory app, no OTA" table (partitions_singleapp.csv). */
export const DEFAULT_PARTITIONS: readonly PartitionEntry[] = [
  { name: 'nvs', type: 'data', subtype: SUBTYPES.nvs, size: 0x6000 },
  { name: 'phy_init', type: 'data', subtype: SUBTYPES.phy, size: 0x1000 },
  { name: 'factory', type: 'app', subtype: SUBTYPES.factory, size: 0x100000 },
];

/**
 * The firmware template's table (FACTS §B.3, core/chips/layout.ts): the default one with the factory app cut to
 * 0xF0000 so that a `model` partition of type 0x40 at 0x100000 ends a 2 MB flash.
 */
export function modelPartitions(modelBytes = MODEL_SIZE): PartitionEntry[] {
  const model = {
    name: 'model',
    type: MODEL_PARTITION_TYPE,
    subtype: MODEL_PARTITION_SUBTYPE,
    size: modelBytes,
  };
  const factory = {
    name: 'factory',
    type: 'app',
    subtype: SUBTYPES.factory,
    offset: APP_OFFSET,
    size: APP_SIZE,
  };
  const data = DEFAULT_PARTITIONS.filter((p) => p.type !== 'app');
  return [...data, factory as PartitionEntry, { ...model, offset: MODEL_OFFSET }];
}

function typeCode(type: PartitionEntry['type']): number {
  return type === 'app' ? 0 : type === 'data' ? 1 : type;
}

function invalid(entry: PartitionEntry, detail: string): MinnowError {
  return new MinnowError('PARTITION_TABLE_INVALID', { name: entry.name, detail });
}

function checkEntry(entry: PartitionEntry, label: Uint8Array): void {
  const type = typeCode(entry.type);
  if (label.length === 0 || label.length > 16) throw invalid(entry, 'the name must be 1 to 16 bytes');
  if (!Number.isInteger(type) || type < 0 || type > 0xfe) throw invalid(entry, 'the type must be 0 to 0xFE');
  if (!Number.isInteger(entry.subtype) || entry.subtype < 0 || entry.subtype > 0xfe) {
    throw invalid(entry, 'the subtype must be 0 to 0xFE');
  }
  if (!Number.isInteger(entry.size) || entry.size <= 0 || entry.size % DATA_ALIGN !== 0) {
    throw invalid(entry, 'the size must be a positive multiple of 4 KB');
  }
}

export type PlacedPartition = PartitionEntry & { readonly offset: number };

/** Assigns missing offsets as gen_esp32part.py does and checks alignment and overlaps. */
export function placePartitions(entries: readonly PartitionEntry[]): PlacedPartition[] {
  let end = PARTITION_TABLE_OFFSET + 0x1000;
  return entries.map((entry) => {
    const align = typeCode(entry.type) === 0 ? APP_ALIGN : DATA_ALIGN;
    const offset = entry.offset ?? Math.ceil(end / align) * align;
    if (offset % align !== 0)
      throw invalid(entry, `the offset 0x${offset.toString(16)} is not aligned to 0x${align.toString(16)}`);
    if (offset < end)
      throw invalid(entry, `it overlaps the partition before it (which ends at 0x${end.toString(16)})`);
    end = offset + entry.size;
    return { ...entry, offset };
  });
}

/** The 0xC00-byte binary partition table for `entries`, with the MD5 entry ESP-IDF adds by default. */
export function buildPartitionTable(entries: readonly PartitionEntry[]): Uint8Array {
  const placed = placePartitions(entries);
  const out = new Uint8Array(PARTITION_TABLE_BYTES).fill(0xff);
  if ((placed.length + 1) * ENTRY_BYTES > PARTITION_TABLE_BYTES) {
    throw new MinnowError('PARTITION_TABLE_INVALID', { name: '(table)', detail: 'too many partitions' });
  }
  const view = new DataView(out.buffer);
  placed.forEach((entry, i) => {
    const label = encodeUtf8(entry.name);
    checkEntry(entry, label);
    const at = i * ENTRY_BYTES;
    out.set([0xaa, 0x50, typeCode(entry.type), entry.subtype], at);
    view.setUint32(at + 4, entry.offset, true);
    view.setUint32(at + 8, entry.size, true);
    out.fill(0, at + 12, at + 28);
    out.set(label, at + 12);
    view.setUint32(at + 28, (entry.encrypted ? 1 : 0) | (entry.readonly ? 2 : 0), true);
  });
  const md5At = placed.length * ENTRY_BYTES;
  out.set([0xeb, 0xeb], md5At);
  out.set(md5(out.subarray(0, md5At)), md5At + 16);
  return out;
}

/** The same table as ESP-IDF's partitions.csv text. */
export function partitionsCsv(entries: readonly PartitionEntry[]): string {
  const rows = placePartitions(entries).map((e) => {
    const type = e.type === 'app' || e.type === 'data' ? e.type : formatHex(e.type);
    const flags = [e.encrypted ? 'encrypted' : '', e.readonly ? 'readonly' : ''].filter(Boolean).join(':');
    return `${e.name}, ${type}, ${formatHex(e.subtype)}, ${formatHex(e.offset)}, ${formatHex(e.size)}, ${flags}`;
  });
  return ['# Name, Type, SubType, Offset, Size, Flags', ...rows, ''].join('\n');
}
