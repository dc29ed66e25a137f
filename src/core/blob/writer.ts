import { MinnowError } from '../errors.ts';
import {
  align16,
  blobCrc,
  dataStart,
  ENTRY_SIZE,
  FLAG_TEST_VECTOR,
  FORMAT_VERSION,
  HEADER,
  HEADER_SIZE,
  MAGIC,
  MAX_OPS,
  MAX_SIZE,
  MAX_TENSORS,
  NAME_BYTES,
} from './format.ts';
import type { BlobContent, OpEntry, TensorContent } from './types.ts';
import { encodeUtf8 } from './utf8.ts';

/** The UTF-8 name cut to 24 bytes at a character boundary (F-20). */
export function encodeName(name: string): Uint8Array {
  let chars = [...(name === '' ? 'model' : name)];
  while (encodeUtf8(chars.join('')).length > NAME_BYTES) chars = chars.slice(0, -1);
  return encodeUtf8(chars.join(''));
}

/**
 * Data region layout (F-3): arrays of these lengths each at the next 16-aligned offset from `start`. Arrays
 * whose length is a multiple of 16 go first and the one wasting most padding goes last, where it needs none:
 * the blob ends with its last byte. Returns each array's offset, in the order given, and the end.
 */
export function placeArrays(start: number, lengths: readonly number[]): { offsets: number[]; end: number } {
  const waste = (n: number) => (16 - (n % 16)) % 16;
  const order = lengths.map((_, i) => i).sort((a, b) => waste(lengths[a] ?? 0) - waste(lengths[b] ?? 0));
  const offsets: number[] = [];
  let end = start;
  for (const i of order) {
    const at = align16(end);
    offsets[i] = at;
    end = at + (lengths[i] ?? 0);
  }
  return { offsets, end };
}

/** Each distinct constant array's offset (entries sharing an array share one copy), then the test vector. */
function layoutData(content: BlobContent): {
  slots: Map<Uint8Array, number>;
  test?: [number, number];
  end: number;
} {
  const arrays = [...new Set(content.tensors.flatMap((t) => (t.constant ? [t.data] : [])))];
  const start = dataStart(content.tensors.length, content.ops.length);
  const { offsets, end } = placeArrays(
    start,
    arrays.map((a) => a.length),
  );
  const slots = new Map(arrays.map((a, i) => [a, offsets[i] as number]));
  if (!content.testVector) return { slots, end };
  const input = align16(end);
  const output = align16(input + content.testVector.input.length);
  return { slots, test: [input, output], end: output + content.testVector.output.length };
}

function writeTensor(view: DataView, at: number, t: TensorContent, offset: number): void {
  const dims = [0, 0, 0, 0];
  t.shape.forEach((d, i) => (dims[i] = d));
  view.setUint8(at, t.type | (t.shape.length << 4) | (t.constant ? 0x80 : 0));
  view.setInt8(at + 1, t.constant ? 0 : t.zeroPoint);
  for (let i = 0; i < 3; i++) view.setUint16(at + 2 + 2 * i, dims[i] as number, true);
  view.setUint32(at + 8, offset, true);
  if (t.constant) view.setUint16(at + 12, dims[3] as number, true);
  else view.setFloat32(at + 12, t.scale, true);
}

function writeOp(view: DataView, at: number, op: OpEntry): void {
  view.setUint8(at, op.opcode);
  view.setUint8(at + 1, op.nIn);
  view.setUint16(at + 2, op.in0, true);
  view.setUint16(at + 4, op.out, true);
  view.setUint16(at + 6, op.const0, true);
  view.setInt8(at + 8, op.actMin);
  view.setInt8(at + 9, op.actMax);
  op.attr.forEach((a, i) => view.setUint8(at + 10 + i, a));
}

/** F-4's limits, so nothing is written that readBlob (and the board) would then refuse as damaged. */
export function checkWritable(
  content: {
    readonly arenaSize: number;
    readonly tensors: { length: number };
    readonly ops: { length: number };
  },
  size: number,
): void {
  const over = (what: string, value: number, max: number) => {
    if (value > max) throw new MinnowError('BLOB_TOO_LARGE', { detail: `${what} ${value}, at most ${max}` });
  };
  over('blob bytes', size, MAX_SIZE);
  over('arena bytes', content.arenaSize, MAX_SIZE);
  over('tensors', content.tensors.length, MAX_TENSORS);
  over('ops', content.ops.length, MAX_OPS);
}

/** Packs `content` into a version-1 blob (docs/FORMAT.md). The content is trusted: readBlob checks it. */
export function writeBlob(content: BlobContent): Uint8Array {
  const { slots, test, end } = layoutData(content);
  checkWritable(content, end);
  const out = new Uint8Array(end);
  const view = new DataView(out.buffer);
  out.set(MAGIC, HEADER.magic);
  view.setUint16(HEADER.version, FORMAT_VERSION, true);
  view.setUint16(HEADER.headerSize, HEADER_SIZE, true);
  view.setUint32(HEADER.totalSize, end, true);
  view.setUint32(HEADER.arenaSize, content.arenaSize, true);
  view.setUint16(HEADER.tensorCount, content.tensors.length, true);
  view.setUint16(HEADER.opCount, content.ops.length, true);
  view.setUint16(HEADER.inputTensor, content.inputTensor, true);
  view.setUint16(HEADER.outputTensor, content.outputTensor, true);
  out.set(encodeName(content.name), HEADER.name);
  content.tensors.forEach((t, i) => {
    const offset = t.constant ? (slots.get(t.data) as number) : t.offset;
    writeTensor(view, HEADER_SIZE + ENTRY_SIZE * i, t, offset);
    if (t.constant) out.set(t.data, offset);
  });
  const opTable = HEADER_SIZE + ENTRY_SIZE * content.tensors.length;
  content.ops.forEach((op, i) => writeOp(view, opTable + ENTRY_SIZE * i, op));
  if (test && content.testVector) {
    view.setUint32(HEADER.flags, FLAG_TEST_VECTOR, true);
    view.setUint32(HEADER.testInput, test[0], true);
    view.setUint32(HEADER.testOutput, test[1], true);
    out.set(
      new Uint8Array(
        content.testVector.input.buffer,
        content.testVector.input.byteOffset,
        content.testVector.input.length,
      ),
      test[0],
    );
    out.set(
      new Uint8Array(
        content.testVector.output.buffer,
        content.testVector.output.byteOffset,
        content.testVector.output.length,
      ),
      test[1],
    );
  }
  view.setUint32(HEADER.crc, blobCrc(out, end), true);
  return out;
}
