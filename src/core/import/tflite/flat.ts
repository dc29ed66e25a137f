import { ByteBuffer } from 'flatbuffers';
import { decodeUtf8 } from '../../blob/utf8.ts';
import { MinnowError } from '../../errors.ts';

/**
 * A FlatBuffer read with every offset checked against the file before it is followed, so that a damaged or
 * hostile file ends in a coded error, never a hang, a wrong read or an allocation larger than the file.
 * References (uoffset) are unsigned and must be non-zero, so each one points strictly forward: no table can
 * reach itself, and the schema's fixed nesting bounds the depth. Values read out (vectors, strings) are
 * charged to a budget of a few times the file size, so tables that share one large vector cannot multiply
 * it without bound.
 */
export class FlatFile {
  readonly bb: ByteBuffer;
  readonly size: number;
  private spent = 0;
  private readonly budget: number;

  constructor(
    readonly file: string,
    bytes: Uint8Array,
  ) {
    this.bb = new ByteBuffer(bytes);
    this.size = bytes.length;
    this.budget = 8 * bytes.length + (1 << 20);
  }

  damaged(where: string, detail: string): MinnowError {
    return new MinnowError('TFLITE_DAMAGED', { file: this.file, where, detail });
  }

  need(pos: number, bytes: number, where: string): void {
    if (pos < 0 || bytes < 0 || pos + bytes > this.size) {
      throw this.damaged(
        where,
        `${bytes} bytes at offset ${pos} lie outside the ${this.size}-byte file (truncated, or a wrong offset)`,
      );
    }
  }

  /** Counts bytes a caller is about to copy out; refuses once the file has been read many times over. */
  charge(bytes: number, where: string): void {
    this.spent += bytes;
    if (this.spent > this.budget)
      throw this.damaged(where, 'its tables share data so often that reading it would take unbounded memory');
  }

  /** The root table, after the 4-byte root offset and the 4-byte file identifier. */
  root(where: string): FlatTable {
    this.need(0, 8, 'the header');
    return this.table(this.bb.readUint32(0), where);
  }

  identifier(): string {
    this.need(0, 8, 'the header');
    return String.fromCharCode(...[4, 5, 6, 7].map((i) => this.bb.readUint8(i)));
  }

  table(pos: number, where: string): FlatTable {
    this.need(pos, 4, where);
    const vtable = pos - this.bb.readInt32(pos);
    this.need(vtable, 4, `${where} (its vtable)`);
    const vsize = this.bb.readUint16(vtable);
    const tsize = this.bb.readUint16(vtable + 2);
    if (vsize < 4 || vsize % 2 !== 0 || tsize < 4)
      throw this.damaged(where, `its vtable declares sizes ${vsize} and ${tsize}`);
    this.need(vtable, vsize, `${where} (its vtable)`);
    this.need(pos, tsize, where);
    return new FlatTable(this, pos, vtable, vsize, tsize, where);
  }
}

/** One table: scalar fields with their defaults, and checked references to tables, vectors and strings. */
export class FlatTable {
  constructor(
    readonly f: FlatFile,
    readonly pos: number,
    private readonly vtable: number,
    private readonly vsize: number,
    private readonly tsize: number,
    readonly where: string,
  ) {}

  /** Absolute position of field `id` (`width` bytes), or 0 when the field is absent. */
  private field(id: number, width: number): number {
    const slot = 4 + 2 * id;
    if (slot + 2 > this.vsize) return 0;
    const offset = this.f.bb.readUint16(this.vtable + slot);
    if (offset === 0) return 0;
    if (offset < 4 || offset + width > this.tsize)
      throw this.f.damaged(this.where, `field ${id} lies outside its table`);
    return this.pos + offset;
  }

  uint8(id: number, fallback = 0): number {
    const p = this.field(id, 1);
    return p ? this.f.bb.readUint8(p) : fallback;
  }

  int32(id: number, fallback = 0): number {
    const p = this.field(id, 4);
    return p ? this.f.bb.readInt32(p) : fallback;
  }

  uint32(id: number, fallback = 0): number {
    const p = this.field(id, 4);
    return p ? this.f.bb.readUint32(p) : fallback;
  }

  float32(id: number, fallback = 0): number {
    const p = this.field(id, 4);
    return p ? this.f.bb.readFloat32(p) : fallback;
  }

  /** A 64-bit unsigned field as a number (only compared with small values). */
  uint64(id: number): number {
    const p = this.field(id, 8);
    return p ? Number(this.f.bb.readUint64(p)) : 0;
  }

  private target(id: number, what: string): number | undefined {
    const p = this.field(id, 4);
    if (!p) return undefined;
    const u = this.f.bb.readUint32(p);
    if (u === 0) throw this.f.damaged(what, 'a reference points at itself');
    this.f.need(p + u, 4, what);
    return p + u;
  }

  table(id: number, what: string): FlatTable | undefined {
    const t = this.target(id, what);
    return t === undefined ? undefined : this.f.table(t, what);
  }

  /** A vector's element count and first element's position, its length checked against the file. */
  vector(id: number, elementBytes: number, what: string): { start: number; length: number } | undefined {
    const t = this.target(id, what);
    if (t === undefined) return undefined;
    const length = this.f.bb.readUint32(t);
    if (length * elementBytes > this.f.size - t - 4)
      throw this.f.damaged(what, `a vector claims ${length} elements, more than the file holds`);
    return { start: t + 4, length };
  }

  private numbers(id: number, bytes: number, what: string, read: (p: number) => number): number[] {
    const v = this.vector(id, bytes, what);
    if (!v) return [];
    this.f.charge(v.length * 8, what);
    return Array.from({ length: v.length }, (_, i) => read(v.start + bytes * i));
  }

  ints(id: number, what: string): number[] {
    return this.numbers(id, 4, what, (p) => this.f.bb.readInt32(p));
  }

  floats(id: number, what: string): number[] {
    return this.numbers(id, 4, what, (p) => this.f.bb.readFloat32(p));
  }

  /** int64 values as numbers; values beyond ±2^53 are damage here (zero points are small). */
  longs(id: number, what: string): number[] {
    return this.numbers(id, 8, what, (p) => {
      const n = Number(this.f.bb.readInt64(p));
      if (!Number.isSafeInteger(n)) throw this.f.damaged(what, `the value ${n} is out of range`);
      return n;
    });
  }

  /** The raw bytes of a [ubyte] vector, as a view of the file (no copy). */
  bytes(id: number, what: string): Uint8Array | undefined {
    const v = this.vector(id, 1, what);
    return v && this.f.bb.bytes().subarray(v.start, v.start + v.length);
  }

  tables(id: number, what: string): FlatTable[] {
    const v = this.vector(id, 4, what);
    if (!v) return [];
    this.f.charge(v.length * 64, what);
    return Array.from({ length: v.length }, (_, i) => {
      const p = v.start + 4 * i;
      const u = this.f.bb.readUint32(p);
      if (u === 0) throw this.f.damaged(`${what} ${i}`, 'a reference points at itself');
      return this.f.table(p + u, `${what} ${i}`);
    });
  }

  string(id: number, what: string): string {
    const v = this.vector(id, 1, what);
    if (!v) return '';
    this.f.charge(v.length, what);
    const raw = this.f.bb.bytes().subarray(v.start, v.start + Math.min(v.length, 256));
    return decodeUtf8(raw);
  }
}
