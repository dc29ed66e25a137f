import { KERNELS } from '../reference/kernels.ts';
import { constantSlots } from '../reference/kernel.ts';
import { tensorBytes } from './tensor-table.ts';
import type { Blob, TensorEntry } from './types.ts';

/**
 * Constant roles that hold what training learned, and a Spectrogram's tables (fixed by its parameters, but a
 * layer's own flash in the gauge as weights are, F-77); the rest (requantization rows, lookup tables) is framing.
 */
const WEIGHT_ROLES: ReadonlySet<string> = new Set([
  'weights',
  'input weights',
  'recurrent weights',
  'table',
  'bias',
  'window',
  'twiddles',
  'mel ranges',
  'mel weights',
]);

/** Every op's constant tensors with the role its kernel reads them in. */
export function blobConstants(blob: Blob): { readonly role: string; readonly tensor: TensorEntry }[] {
  return blob.ops.flatMap((op) => {
    const kernel = KERNELS.get(op.opcode);
    if (!kernel) return [];
    return constantSlots(kernel, op).flatMap((slot, k) => {
      const tensor = blob.tensors[op.const0 + k];
      return tensor ? [{ role: slot.role, tensor }] : [];
    });
  });
}

/**
 * The bytes of a blob that are the model's weights, as stored (packed int4/ternary, int8 embedding tables,
 * int32 biases), read from the blob's own tensor table: each op's constants by the role its kernel gives them.
 */
export function blobWeightBytes(blob: Blob): number {
  return blobConstants(blob)
    .filter((c) => WEIGHT_ROLES.has(c.role))
    .reduce((n, c) => n + tensorBytes(c.tensor), 0);
}
