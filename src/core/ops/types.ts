import type { z } from 'zod';
import type { Shape, WeightSpec } from '../model/types.ts';

/**
 * How an op takes part in execution after lowering:
 * - compute: a kernel runs and writes a new tensor;
 * - view: the output is the input's bytes under another shape (Flatten, Reshape, Dropout);
 * - fold: merged into the producer at compile time (BatchNormalization into Dense/Conv);
 * - activation: elementwise; fused into the producer as a clamp when it can be, else runs in place.
 */
export type OpKind = 'compute' | 'view' | 'fold' | 'activation';

export type OpCategory =
  | 'core'
  | 'convolution'
  | 'pooling'
  | 'merge'
  | 'reshape'
  | 'activation'
  | 'normalization'
  | 'sequence'
  | 'audio';

/** What an op rule knows about the layer it is checking, for error messages. */
export interface LayerRef {
  readonly id: string;
  readonly type: string;
}

export interface OpDef<P = Record<string, unknown>> {
  readonly type: string;
  readonly category: OpCategory;
  /** One line for the palette and the CLI. */
  readonly summary: string;
  readonly kind: OpKind;
  /** Parses the layer's own parameters (not id/type/inputs) and fills tfjs defaults. */
  readonly schema: z.ZodType<P>;
  /** An example value per required parameter, used in "missing parameter" hints. */
  readonly examples: Readonly<Record<string, string>>;
  readonly arity: { readonly min: number; readonly max: number };
  /** Output shape, or throws a MinnowError naming the layer. */
  outputShape(params: P, inputs: readonly Shape[], layer: LayerRef): Shape;
  weights(params: P, inputs: readonly Shape[]): WeightSpec[];
  macs(params: P, inputs: readonly Shape[], output: Shape): number;
}

/** Declares an op with its parameter type inferred from the schema. */
export function defineOp<S extends z.ZodType>(def: OpDef<z.output<S>> & { schema: S }): OpDef<z.output<S>> {
  return def;
}
