/** Decoding tfjs weight values: float32, and the float16 / uint8 / uint16 quantizations of tensorflowjs_converter. */

/** Bytes per stored value, by the dtype a manifest entry is stored in; undefined for one Minnow cannot read. */
export const STORED_BYTES: Readonly<Record<string, number>> = { float32: 4, float16: 2, uint8: 1, uint16: 2 };

/** How a stored value becomes a real one (`quantization` of a manifest entry, or plain float32). */
export interface Storage {
  readonly dtype: 'float32' | 'float16' | 'uint8' | 'uint16';
  /** For uint8/uint16: real = min + scale · q (tfjs io.decodeWeights). */
  readonly scale: number;
  readonly min: number;
}

/** IEEE 754 binary16 to a number: sign, 5-bit exponent (bias 15), 10-bit fraction; subnormals and inf/NaN kept. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction === 0 ? sign * Infinity : NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Reads `count` values stored as `storage` from `bytes` (little-endian, as tfjs writes them). */
export function decodeValues(bytes: Uint8Array, count: number, storage: Storage): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    switch (storage.dtype) {
      case 'float32':
        out[i] = view.getFloat32(i * 4, true);
        break;
      case 'float16':
        out[i] = halfToFloat(view.getUint16(i * 2, true));
        break;
      case 'uint8':
        out[i] = storage.min + storage.scale * view.getUint8(i);
        break;
      case 'uint16':
        out[i] = storage.min + storage.scale * view.getUint16(i * 2, true);
        break;
    }
  }
  return out;
}
