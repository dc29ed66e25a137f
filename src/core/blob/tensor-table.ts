import { MinnowError } from '../errors.ts';
import { ALIGN, byteSize, ElementType, ENTRY_SIZE, HEADER_SIZE, isElementType } from './format.ts';
import { dataRegionStart, type RawHeader } from './header.ts';
import type { QuantParams } from '../quant/types.ts';
import type { TensorEntry } from './types.ts';

/** Bytes a tensor occupies (F-30). */
export function tensorBytes(t: Pick<TensorEntry, 'type' | 'shape'>): number {
  return byteSize(
    t.type,
    t.shape.reduce((a, b) => a * b, 1),
  );
}

/** An activation's quantization as the host quantizes real values for it: int8, or int16 samples (F-78). */
export function quantOf(t: Pick<TensorEntry, 'type' | 'scale' | 'zeroPoint'>): QuantParams {
  return t.type === ElementType.INT16
    ? { scale: t.scale, zeroPoint: t.zeroPoint, bits: 16 }
    : { scale: t.scale, zeroPoint: t.zeroPoint };
}

/** F-31, F-32: rank and dims; returns the shape or a problem. */
function decodeShape(view: DataView, at: number, rank: number, constant: boolean): number[] | string {
  const maxRank = constant ? 4 : 3;
  if (rank < 1 || rank > maxRank)
    return `rank ${rank} (1–${maxRank} allowed for ${constant ? 'constants' : 'activations'})`;
  const dims = [view.getUint16(at + 2, true), view.getUint16(at + 4, true), view.getUint16(at + 6, true)];
  if (constant) dims.push(view.getUint16(at + 12, true));
  const shape = dims.slice(0, rank);
  if (shape.some((d) => d === 0)) return `a zero dimension in [${shape.join(', ')}]`;
  if (dims.slice(rank).some((d) => d !== 0)) return `dimensions beyond rank ${rank} are not 0`;
  return shape;
}

/** F-34: a positive, normal, finite f32 (checked on its bits, as C does). */
function isValidScale(bits: number): boolean {
  const exponent = (bits >>> 23) & 0xff;
  return bits >>> 31 === 0 && exponent !== 0 && exponent !== 0xff;
}

function decodeTensor(bytes: Uint8Array, header: RawHeader, id: number): TensorEntry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = HEADER_SIZE + ENTRY_SIZE * id;
  const desc = view.getUint8(at);
  const type = desc & 0x0f;
  const constant = (desc & 0x80) !== 0;
  const activationType = type === ElementType.INT8 || type === ElementType.INT16;
  if (!isElementType(type) || (!constant && !activationType)) {
    throw new MinnowError('BLOB_TENSOR_TYPE', {
      tensor: id,
      type: constant ? type : `${type} for an activation (only 1, int8, or 6, int16)`,
    });
  }
  const shape = decodeShape(view, at, (desc >> 4) & 0x07, constant);
  if (typeof shape === 'string') throw new MinnowError('BLOB_TENSOR_SHAPE', { tensor: id, detail: shape });
  const offset = view.getUint32(at + 8, true);
  const end = offset + tensorBytes({ type, shape });
  if (constant) {
    const start = dataRegionStart(header);
    if (offset % ALIGN !== 0 || offset < start || end > header.totalSize) {
      throw new MinnowError('BLOB_TENSOR_OFFSET', {
        tensor: id,
        detail: `constant bytes [${offset}, ${end}) are not 16-aligned within the data region [${start}, ${header.totalSize})`,
      });
    }
  } else if (end > header.arenaSize) {
    throw new MinnowError('BLOB_TENSOR_OFFSET', {
      tensor: id,
      detail: `arena bytes [${offset}, ${end}) exceed the arena of ${header.arenaSize}`,
    });
  }
  const zeroPoint = view.getInt8(at + 1);
  const scaleBits = view.getUint32(at + 12, true);
  if (constant && (zeroPoint !== 0 || view.getUint16(at + 14, true) !== 0)) {
    throw new MinnowError('BLOB_TENSOR_QUANT', {
      tensor: id,
      detail: 'a constant with a non-zero zero point or reserved field',
    });
  }
  if (!constant && type === ElementType.INT16 && zeroPoint !== 0) {
    throw new MinnowError('BLOB_TENSOR_QUANT', {
      tensor: id,
      detail: 'an int16 activation with a non-zero zero point',
    });
  }
  if (!constant && !isValidScale(scaleBits)) {
    throw new MinnowError('BLOB_TENSOR_QUANT', {
      tensor: id,
      detail: `scale ${view.getFloat32(at + 12, true)} is not a positive finite number`,
    });
  }
  return { type, constant, shape, offset, scale: constant ? 0 : view.getFloat32(at + 12, true), zeroPoint };
}

/** Decodes and checks the tensor table, tensor by tensor in id order (codes 310–313). */
export function readTensors(bytes: Uint8Array, header: RawHeader): TensorEntry[] {
  return Array.from({ length: header.tensorCount }, (_, id) => decodeTensor(bytes, header, id));
}
