import { crc32 } from '../core/blob/crc32.ts';
import { encodeUtf8 } from '../core/blob/utf8.ts';

export interface ZipEntry {
  /** Path inside the archive, "/"-separated. */
  readonly path: string;
  readonly data: Uint8Array | string;
}

const UTF8_NAMES = 0x0800;

/** MS-DOS time and date fields of `date` (local time, 2-second resolution, 1980 at the earliest). */
function dosTime(date: Date): [number, number] {
  const year = Math.max(1980, date.getFullYear());
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return [time, day];
}

class Writer {
  private parts: Uint8Array[] = [];
  length = 0;

  u16(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff));
  }

  u32(v: number): void {
    this.bytes(Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff));
  }

  bytes(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }

  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    this.parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
    return out;
  }
}

/**
 * A ZIP archive with every file stored (method 0): enough for a project download, readable by every unzip
 * tool, with no compressor to ship. Entries are 32-bit (under 4 GB in all).
 */
export function zipStore(entries: readonly ZipEntry[], date = new Date(2024, 0, 1)): Uint8Array {
  const [time, day] = dosTime(date);
  const w = new Writer();
  const central = new Writer();
  for (const entry of entries) {
    const name = encodeUtf8(entry.path);
    const data = typeof entry.data === 'string' ? encodeUtf8(entry.data) : entry.data;
    const crc = crc32(data);
    const offset = w.length;
    const common = (out: Writer) => {
      [10, UTF8_NAMES, 0, time, day].forEach((v) => out.u16(v));
      [crc, data.length, data.length].forEach((v) => out.u32(v));
      [name.length, 0].forEach((v) => out.u16(v));
    };
    w.u32(0x04034b50);
    common(w);
    w.bytes(name);
    w.bytes(data);
    central.u32(0x02014b50);
    central.u16(20);
    common(central);
    [0, 0, 0].forEach((v) => central.u16(v));
    central.u32(0);
    central.u32(offset);
    central.bytes(name);
  }
  const centralStart = w.length;
  w.bytes(central.result());
  w.u32(0x06054b50);
  [0, 0, entries.length, entries.length].forEach((v) => w.u16(v));
  w.u32(central.length);
  w.u32(centralStart);
  w.u16(0);
  return w.result();
}
