import type { ConstantValues } from '../reference/kernel.ts';
import { unpackLevels } from '../quant/packing.ts';
import { ElementType } from './format.ts';
import type { TensorEntry } from './types.ts';

/**
 * The values of a constant: int8 viewed in place (as C reads weights from flash), int32, uint16 and int16 decoded
 * little-endian (F-1) into typed arrays, int4 and ternary weights unpacked to their levels (F-30).
 */
export function constantValues(bytes: Uint8Array, t: TensorEntry): ConstantValues {
  const count = t.shape.reduce((a, b) => a * b, 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset + t.offset);
  switch (t.type) {
    case ElementType.INT32:
      return Int32Array.from({ length: count }, (_, i) => view.getInt32(4 * i, true));
    case ElementType.UINT16:
      return Uint16Array.from({ length: count }, (_, i) => view.getUint16(2 * i, true));
    case ElementType.INT16:
      return Int16Array.from({ length: count }, (_, i) => view.getInt16(2 * i, true));
    case ElementType.INT4:
    case ElementType.TERNARY:
      return unpackLevels(t.type, bytes.subarray(t.offset), count);
    default:
      return new Int8Array(bytes.buffer, bytes.byteOffset + t.offset, count);
  }
}
