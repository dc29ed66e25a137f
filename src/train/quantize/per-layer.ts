import * as tf from '@tensorflow/tfjs';
import { INPUT_ID } from '../../core/model/types.ts';
import { dequantize, quantizeTensor } from '../../core/quant/calibrate.ts';
import type { QuantParams } from '../../core/quant/types.ts';
import type { BuiltModel } from '../build/build-model.ts';
import { runInt8, type Int8Model } from './int8-model.ts';
import { relativeError } from './metrics.ts';
import { appendAll } from '../../core/arrays.ts';

export interface LayerError {
  readonly layerId: string;
  readonly type: string;
  /** ‖int8 − float‖ / ‖float‖ of the layer's output over the samples, the int8 output dequantized. */
  readonly error: number;
  /** How much of that error this layer adds over the worst of its inputs. */
  readonly added: number;
}

export interface LayerErrors {
  readonly layers: readonly LayerError[];
  /** The layer that adds the most error, the one to look at first; null when none adds any. */
  readonly worst: string | null;
}

/** Each layer whose final value the int8 program writes: the last op writing a tensor named after it. */
function observedLayers(int8: Int8Model): Map<string, { op: number; quant: QuantParams }> {
  const { graph } = int8.compiled.plan;
  const out = new Map<string, { op: number; quant: QuantParams }>();
  graph.steps.forEach((step, op) => {
    const name = graph.tensors[step.output]?.name ?? '';
    out.set(name, { op, quant: int8.compiled.quant[step.output] as QuantParams });
  });
  return out;
}

/**
 * Compares every model prefix in int8 with the float model (as ml4f does): the output of each layer the
 * board computes, against tfjs computing the same layer, on the same samples. Where the error jumps is the
 * layer that loses accuracy. A token-stream model compares at the last token of each window.
 */
export function perLayerErrors(
  built: BuiltModel,
  int8: Int8Model,
  samples: readonly Float32Array[],
): LayerErrors {
  const observed = observedLayers(int8);
  const layers = built.analyzed.layers.filter((l) => observed.has(l.id) && built.outputs.has(l.id));
  if (layers.length === 0 || samples.length === 0) return { layers: [], worst: null };
  const outputs = layers.map((l) => built.outputs.get(l.id) as tf.SymbolicTensor);
  const probe = tf.model({ inputs: built.model.inputs, outputs });
  const floats = tf.tidy(() => {
    const x = tf.stack(samples.map((s) => tf.tensor(s, [...built.analyzed.inputShape])));
    const ys = probe.predict(x);
    return (Array.isArray(ys) ? ys : [ys]).map((y) => y.dataSync() as Float32Array);
  });
  const got = layers.map(() => [] as number[]);
  const want = layers.map(() => [] as number[]);
  samples.forEach((sample, i) => {
    runInt8(int8, sample, (op, output) => {
      layers.forEach((l, k) => {
        const seen = observed.get(l.id);
        if (seen?.op !== op) return;
        appendAll(got[k] as number[], dequantize(output, seen.quant));
        // A token stream's int8 layer sees the last token only: the end of the window model's output.
        const float = floats[k] as Float32Array;
        const end = ((i + 1) * float.length) / samples.length;
        appendAll(want[k] as number[], float.subarray(end - output.length, end));
      });
    });
  });
  const inputQuant = int8.compiled.input;
  const inputError = relativeError(
    samples.flatMap((s) => [...dequantize(quantizeTensor(s, inputQuant), inputQuant)]),
    samples.flatMap((s) => [...s]),
  );
  const errors = new Map<string, number>([[INPUT_ID, inputError]]);
  const result = built.analyzed.layers.flatMap((layer): LayerError[] => {
    const k = layers.indexOf(layer);
    const before = Math.max(0, ...layer.inputs.map((id) => errors.get(id) ?? 0));
    if (k < 0) {
      errors.set(layer.id, before);
      return [];
    }
    const error = relativeError(got[k] as number[], want[k] as number[]);
    errors.set(layer.id, error);
    return [{ layerId: layer.id, type: layer.type, error, added: error - before }];
  });
  const top = result.reduce<LayerError | undefined>((a, b) => (!a || b.added > a.added ? b : a), undefined);
  return { layers: result, worst: top && top.added > 0 ? top.layerId : null };
}
