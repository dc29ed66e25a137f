import type { TfTensor } from './read.ts';
import { TENSOR_TYPE, TENSOR_TYPE_NAMES } from './schema.ts';
import type { FlatFile } from './flat.ts';

export function typeName(type: number): string {
  return TENSOR_TYPE_NAMES[type] ?? `type ${type}`;
}

function elementCount(f: FlatFile, t: TfTensor, bytes: number): number {
  const count = t.shape.reduce((a, b) => a * b, 1);
  const have = t.data?.length ?? 0;
  if (t.shape.some((d) => d < 0) || count * bytes !== have) {
    throw f.damaged(
      `tensor ${t.index} ("${t.name}")`,
      `its shape [${t.shape.join(', ')}] of ${typeName(t.type)} needs ${count * bytes} bytes, its buffer holds ${have}`,
    );
  }
  f.charge(count * 8, `tensor ${t.index}`);
  return count;
}

function view(t: TfTensor): DataView {
  const d = t.data as Uint8Array;
  return new DataView(d.buffer, d.byteOffset, d.byteLength);
}

/** A constant tensor's values as numbers, whatever its element type among FLOAT32, INT32, INT8 and INT64. */
export function constantValues(f: FlatFile, t: TfTensor): Float64Array {
  const v = (bytes: number, read: (d: DataView, i: number) => number) => {
    const n = elementCount(f, t, bytes);
    const d = view(t);
    return Float64Array.from({ length: n }, (_, i) => read(d, i * bytes));
  };
  if (t.type === TENSOR_TYPE.FLOAT32) return v(4, (d, p) => d.getFloat32(p, true));
  if (t.type === TENSOR_TYPE.INT32) return v(4, (d, p) => d.getInt32(p, true));
  if (t.type === TENSOR_TYPE.INT8) return v(1, (d, p) => d.getInt8(p));
  if (t.type === TENSOR_TYPE.INT64) return v(8, (d, p) => Number(d.getBigInt64(p, true)));
  throw f.damaged(`tensor ${t.index} ("${t.name}")`, `its constant values are ${typeName(t.type)}`);
}

/** A FLOAT32 constant as a Float32Array (a copy of its bytes; every platform Minnow runs on is little-endian). */
export function floatValues(f: FlatFile, t: TfTensor): Float32Array {
  if (t.type !== TENSOR_TYPE.FLOAT32) return Float32Array.from(constantValues(f, t));
  elementCount(f, t, 4);
  return new Float32Array((t.data as Uint8Array).slice().buffer);
}

/** An INT8 constant as an Int8Array (a copy). */
export function int8Values(f: FlatFile, t: TfTensor): Int8Array {
  elementCount(f, t, 1);
  return new Int8Array((t.data as Uint8Array).slice().buffer);
}
