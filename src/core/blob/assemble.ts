import { MinnowError } from '../errors.ts';
import type { Shape } from '../model/types.ts';
import type { ExecStep } from '../plan/types.ts';
import { MAX_DIM, NO_TENSOR, type ElementType } from './format.ts';
import type { OpEntry, TensorContent } from './types.ts';

/** F-32: an activation of rank 4 is stored with its first two axes merged. */
export function storedShape(shape: Shape): number[] {
  return shape.length === 4 ? [(shape[0] ?? 1) * (shape[1] ?? 1), ...shape.slice(2)] : [...shape];
}

/** Typed values as the little-endian bytes of the data region (F-1). */
export function constantBytes(values: Int8Array | Int32Array | Uint16Array | Int16Array): Uint8Array {
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    if (values instanceof Int32Array) view.setInt32(4 * i, v, true);
    else if (values instanceof Uint16Array) view.setUint16(2 * i, v, true);
    else if (values instanceof Int16Array) view.setInt16(2 * i, v, true);
    else view.setInt8(i, v);
  });
  return out;
}

/** F-31: every axis of a table entry fits its u16 field; the refusal names the layer that made the tensor. */
export function checkDims(shape: readonly number[], step?: ExecStep): void {
  if (!shape.some((d) => d > MAX_DIM)) return;
  const detail = `a tensor of shape [${shape.join(', ')}] has an axis longer than ${MAX_DIM}`;
  throw new MinnowError('COMPILE_UNSUPPORTED', {
    layer: step?.layer.id ?? 'input',
    type: step?.layer.type ?? 'Input',
    detail,
    fix: 'Reduce that axis with pooling or strides before this layer.',
  });
}

/** F-35: an op reads its inputs as consecutive table entries; these need no alias entries. */
export function consecutive(ids: readonly number[]): boolean {
  const first = ids[0] ?? 0;
  return ids.every((id, i) => id === first + i);
}

/** Collects the tensor and op tables, keeping every op's inputs and constants consecutive (F-35, F-41). */
export class TableBuilder {
  readonly tensors: TensorContent[] = [];
  readonly ops: OpEntry[] = [];

  add(t: TensorContent, step?: ExecStep): number {
    checkDims(t.shape, step);
    this.tensors.push(t);
    return this.tensors.length - 1;
  }

  /** The id of the first of `ids` laid out consecutively, adding alias entries unless they already are. */
  run(ids: readonly number[]): number {
    if (consecutive(ids)) return ids[0] ?? 0;
    const start = this.tensors.length;
    for (const id of ids) this.tensors.push(this.tensors[id] as TensorContent);
    return start;
  }

  constants(
    step: ExecStep,
    list: readonly {
      type: ElementType;
      shape: readonly number[];
      values: Int8Array | Int32Array | Uint16Array | Int16Array;
    }[],
  ): number {
    if (list.length === 0) return NO_TENSOR;
    const ids = list.map((c) =>
      this.add({ constant: true, type: c.type, shape: c.shape, data: constantBytes(c.values) }, step),
    );
    return ids[0] as number;
  }
}
