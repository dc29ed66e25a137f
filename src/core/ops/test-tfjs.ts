/**
 * Test support: builds a model file with tfjs-layers itself (parameters passed through unchanged, since the
 * file uses tfjs names) and compares tfjs's shapes and parameter counts with Minnow's analysis.
 */
import * as tf from '@tensorflow/tfjs';
import { TFJS_LAYERS } from '../testing/test-tfjs-layers.ts';
import { expect } from 'vitest';
import { analyzeModel } from '../model/analyze.ts';
import { INPUT_ID, type AnalyzedModel, type ModelSpec } from '../model/types.ts';

interface TfjsFacts {
  /** Symbolic output shape per layer id, batch axis dropped; null where tfjs leaves a size unknown. */
  readonly shapes: ReadonlyMap<string, readonly (number | null)[]>;
  readonly paramCounts: ReadonlyMap<string, number>;
  /** Shape of the last layer's output when tfjs runs the model on one sample of zeros, batch axis dropped. */
  readonly predicted: readonly number[];
}

/** Builds `model` with tfjs (functional API) and runs it once; throws what tfjs throws. */
export function tfjsFacts(model: ModelSpec): TfjsFacts {
  const input = tf.input({ shape: [...model.input.shape] });
  const tensors = new Map<string, tf.SymbolicTensor>([[INPUT_ID, input]]);
  const shapes = new Map<string, (number | null)[]>();
  const paramCounts = new Map<string, number>();
  let last = input;
  model.layers.forEach((layer, i) => {
    const { id, type, inputs, ...params } = layer;
    const factory = TFJS_LAYERS[type];
    if (!factory) throw new Error(`no tfjs factory for ${type}`);
    const names = inputs ?? [i === 0 ? INPUT_ID : (model.layers[i - 1]?.id ?? INPUT_ID)];
    const args = names.map((n) => tensors.get(n) as tf.SymbolicTensor);
    const made = factory(params);
    last = made.apply(args.length === 1 ? (args[0] as tf.SymbolicTensor) : args) as tf.SymbolicTensor;
    tensors.set(id, last);
    shapes.set(id, last.shape.slice(1));
    paramCounts.set(id, made.countParams());
  });
  const built = tf.model({ inputs: input, outputs: last });
  try {
    const y = tf.tidy(() => built.predict(tf.zeros([1, ...model.input.shape])) as tf.Tensor);
    const predicted = y.shape.slice(1);
    y.dispose();
    return { shapes, paramCounts, predicted };
  } finally {
    built.dispose();
  }
}

/** Asserts Minnow's shapes and parameter counts equal tfjs's for every layer; returns Minnow's analysis. */
export function expectSameAsTfjs(model: ModelSpec): AnalyzedModel {
  const ours = analyzeModel(model);
  const theirs = tfjsFacts(model);
  for (const layer of ours.layers) {
    const shape = theirs.shapes.get(layer.id) ?? [];
    // tfjs leaves some sizes unknown symbolically (Reshape with -1); those are checked by running it.
    if (!shape.includes(null)) expect(layer.outputShape, `${layer.id} output shape`).toEqual(shape);
    expect(layer.paramCount, `${layer.id} parameter count`).toBe(theirs.paramCounts.get(layer.id));
  }
  expect(ours.layers.at(-1)?.outputShape, 'model output shape when run').toEqual(theirs.predicted);
  return ours;
}

/** True when tfjs refuses the model, or builds it with an empty (zero-sized) output somewhere. */
export function tfjsRefuses(model: ModelSpec): boolean {
  try {
    const facts = tfjsFacts(model);
    return [...facts.shapes.values()].some((shape) => shape.some((d) => d !== null && d <= 0));
  } catch {
    return true;
  }
}
