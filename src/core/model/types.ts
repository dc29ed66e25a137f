/** Tensor shape without the batch dimension, channels-last (NHWC) as in tfjs. */
export type Shape = readonly number[];

export const ACTIVATIONS = ['linear', 'relu', 'relu6', 'sigmoid', 'tanh', 'softmax'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** How a layer's weights are stored (docs/FORMAT.md F-30): one int8 each, two int4 per byte, or five trits per byte. */
export const WEIGHT_PACKINGS = ['int8', 'int4', 'ternary'] as const;
export type WeightPacking = (typeof WEIGHT_PACKINGS)[number];

/** The id by which layers refer to the model input. */
export const INPUT_ID = 'input';

/** A layer as written in the model file: id, type, optional inputs, then the type's own parameters. */
export interface LayerSpec {
  readonly id: string;
  readonly type: string;
  readonly inputs?: readonly string[];
  readonly [param: string]: unknown;
}

/** The model file, format "minnow-model" version 1 (see docs and DESIGN §3.1). */
export interface ModelSpec {
  readonly format: 'minnow-model';
  readonly version: 1;
  readonly name: string;
  readonly description?: string;
  readonly input: { readonly shape: readonly number[] };
  readonly layers: readonly LayerSpec[];
}

/** A named constant tensor a layer owns (kernel, bias, BN statistics…). */
export interface WeightSpec {
  readonly name: string;
  readonly shape: Shape;
}

/** A layer after validation: parameters with defaults applied, shapes inferred, sizes counted. */
export interface AnalyzedLayer<P = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  /** Resolved input ids ("input" for the model input). */
  readonly inputs: readonly string[];
  /** Parameters parsed by the op's schema, with tfjs defaults filled in. */
  readonly params: P;
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  readonly weights: readonly WeightSpec[];
  /** Parameter count as tfjs countParams() reports it (non-trainable included). */
  readonly paramCount: number;
  readonly macs: number;
  /** Index of the layer in the model file, for stable ordering and messages. */
  readonly index: number;
}

export interface AnalyzedModel {
  readonly spec: ModelSpec;
  readonly name: string;
  readonly inputShape: Shape;
  /** Layers in a topological order (file order where the file order is already topological). */
  readonly layers: readonly AnalyzedLayer[];
  /** The layer whose output is the model output: the last layer of the file. */
  readonly outputId: string;
  readonly paramCount: number;
  readonly macs: number;
}

export function shapeSize(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}
