import type { ElementType } from '../blob/format.ts';
import type { OpEntry, TensorEntry } from '../blob/types.ts';

/** An op with its tensors resolved from the table. */
export interface Operands {
  readonly index: number;
  readonly op: OpEntry;
  readonly inputs: readonly TensorEntry[];
  readonly output: TensorEntry;
  readonly constants: readonly TensorEntry[];
}

/** A constant's values, decoded once from the blob (int8 weights are viewed in place). */
export type ConstantValues = Int8Array | Int32Array | Uint16Array | Int16Array;

export interface KernelArgs {
  readonly operands: Operands;
  /** Views of the arena, one per input. */
  readonly inputs: readonly Int8Array[];
  readonly output: Int8Array;
  readonly constants: readonly ConstantValues[];
}

/** One of the op's constants (FORMAT §5): the element types it may have and its rank. */
export interface ConstantSlot {
  readonly role: string;
  readonly types: readonly ElementType[];
  readonly rank: number;
}

/**
 * An op of FORMAT §5 as the reference implements it: its operand rules (which the blob reader checks) and
 * its integer kernel (which the interpreter runs). The C interpreter has one file per kernel, likewise.
 */
export interface Kernel {
  readonly opcode: number;
  readonly name: string;
  readonly inputs: { readonly min: number; readonly max: number };
  /** Required rank of every input and of the output; undefined accepts any (1–3). */
  readonly inputRank?: number;
  readonly outputRank?: number;
  /** Element type of each input by position (F-78); INT8 for every input when absent. */
  readonly inputTypes?: readonly ElementType[];
  readonly constants: readonly ConstantSlot[];
  /** How many of `constants` an op entry uses, when its attributes decide it; all of them otherwise. */
  constantCount?(op: OpEntry): number;
  /** Number of attribute bytes the op uses; the rest must be 0 (F-42). */
  readonly attributeBytes: number;
  /** F-42, F-46, F-47: a problem with the attributes, or undefined. */
  attributes?(o: Operands): string | undefined;
  /** F-42, F-44, F-46: a problem with the operand shapes, or undefined. */
  shapes(o: Operands): string | undefined;
  /** F-43: a constant value out of range, or undefined. */
  constantRange?(o: Operands, values: readonly ConstantValues[]): string | undefined;
  run(args: KernelArgs): void;
}

/** F-42: ops whose values are defined over the whole int8 range take no clamp. */
export function fullClamp(o: Operands): string | undefined {
  return o.op.actMin === -128 && o.op.actMax === 127 ? undefined : 'the clamp must be [−128, 127]';
}

/** The constant slots `op` uses. */
export function constantSlots(kernel: Kernel, op: OpEntry): readonly ConstantSlot[] {
  return kernel.constantCount ? kernel.constants.slice(0, kernel.constantCount(op)) : kernel.constants;
}

export function size(t: Pick<TensorEntry, 'shape'>): number {
  return t.shape.reduce((a, b) => a * b, 1);
}

export function last(shape: readonly number[]): number {
  return shape[shape.length - 1] ?? 0;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function fmt(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** The shape rule of elementwise ops: the output has exactly the input's shape. */
export function outputLikeInput(o: Operands): string | undefined {
  const x = o.inputs[0]?.shape ?? [];
  return sameShape(x, o.output.shape)
    ? undefined
    : `input ${fmt(x)} and output ${fmt(o.output.shape)} differ`;
}

/** Elementwise ops driven by one lookup table: the output keeps the input's shape, the table has `want`. */
export function tableOpShapes(o: Operands, role: string, want: readonly number[]): string | undefined {
  const t = o.constants[0]?.shape ?? [];
  return outputLikeInput(o) ?? (sameShape(t, want) ? undefined : `${role} ${fmt(t)} should be ${fmt(want)}`);
}
