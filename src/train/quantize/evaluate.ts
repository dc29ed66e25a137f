import * as tf from '@tensorflow/tfjs';
import type { AnalyzedModel } from '../../core/model/types.ts';
import type { FloatWeights } from '../../core/quant/types.ts';
import type { BuiltModel } from '../build/build-model.ts';
import { sampleOf, type Dataset } from '../datasets/types.ts';
import type { LossKind } from '../session/output.ts';
import { quantizeModel, runInt8, type Int8Model } from './int8-model.ts';
import { accuracyOf, classOf, confusionMatrix, meanAbsoluteError } from './metrics.ts';
import { perLayerErrors, type LayerError } from './per-layer.ts';

/** Float against int8 on the same validation samples: what the board will score, before flashing. */
export interface QuantReport {
  readonly task: 'classes' | 'values';
  readonly samples: number;
  readonly calibrationSamples: number;
  /**
   * Classes: accuracy (0–1). Values: mean absolute error. `float` is the tfjs model as it computed in
   * training: after quantization-aware training, with its weights on their packed grid.
   */
  readonly float: number;
  readonly int8: number;
  /** Share of samples on which int8 picks the same class as float (classes only). */
  readonly agreement: number | null;
  readonly classNames: readonly string[];
  /** counts[truth][predicted] of the int8 model, and of the float model. */
  readonly confusion: readonly (readonly number[])[];
  readonly floatConfusion: readonly (readonly number[])[];
  readonly layers: readonly LayerError[];
  readonly worstLayer: string | null;
  readonly blobBytes: number;
  readonly arenaBytes: number;
}

export interface EvaluateOptions {
  readonly built: BuiltModel;
  /**
   * The model the board runs, when tfjs trained another form of it: a token stream trains as its window
   * model, and runs one token at a time (its validation windows then run token by token, see runInt8).
   */
  readonly board?: AnalyzedModel;
  readonly weights: FloatWeights;
  readonly kind: LossKind;
  readonly calibration: readonly Float32Array[];
  readonly validation: Dataset;
  /** Samples compared layer by layer (the per-layer error is costlier than the accuracy). */
  readonly layerSamples?: number;
  readonly progress?: (done: number, total: number) => void;
}

const BATCH = 256;

function floatOutputs(built: BuiltModel, data: Dataset): Float32Array[] {
  const out: Float32Array[] = [];
  for (let start = 0; start < data.count; start += BATCH) {
    const n = Math.min(BATCH, data.count - start);
    const size = data.x.length / data.count;
    const y = tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * size, (start + n) * size), [n, ...data.sampleShape]);
      return (built.model.predict(x) as tf.Tensor).dataSync() as Float32Array;
    });
    const width = y.length / n;
    for (let i = 0; i < n; i++) out.push(y.slice(i * width, (i + 1) * width));
  }
  return out;
}

export function evaluateInt8(o: EvaluateOptions): { report: QuantReport; int8: Int8Model } {
  const int8 = quantizeModel(o.board ?? o.built.analyzed, o.weights, o.calibration);
  const data = o.validation;
  const floats = floatOutputs(o.built, data);
  const ints: Float32Array[] = [];
  for (let i = 0; i < data.count; i++) {
    ints.push(runInt8(int8, sampleOf(data, i)));
    if (i % 100 === 99) o.progress?.(i + 1, data.count);
  }
  const layerSamples = Array.from({ length: Math.min(data.count, o.layerSamples ?? 32) }, (_, i) =>
    sampleOf(data, i),
  );
  const { layers, worst } = perLayerErrors(o.built, int8, layerSamples);
  const base = {
    samples: data.count,
    calibrationSamples: o.calibration.length,
    layers,
    worstLayer: worst,
    blobBytes: int8.compiled.blob.length,
    arenaBytes: int8.compiled.plan.arenaBytes,
  };
  const t = data.target;
  if (t.kind === 'values') {
    const flat = (list: Float32Array[]) => list.flatMap((v) => [...v]);
    const truth = [...t.values];
    const report: QuantReport = {
      ...base,
      task: 'values',
      float: meanAbsoluteError(flat(floats), truth),
      int8: meanAbsoluteError(flat(ints), truth),
      agreement: null,
      classNames: [],
      confusion: [],
      floatConfusion: [],
    };
    return { report, int8 };
  }
  const classes = t.names.length;
  const floatClass = floats.map((y) => classOf(y, o.kind));
  const intClass = ints.map((y) => classOf(y, o.kind));
  const confusion = confusionMatrix(t.labels, intClass, classes);
  const floatConfusion = confusionMatrix(t.labels, floatClass, classes);
  const agreement = intClass.filter((c, i) => c === floatClass[i]).length / Math.max(1, data.count);
  const report: QuantReport = {
    ...base,
    task: 'classes',
    float: accuracyOf(floatConfusion),
    int8: accuracyOf(confusion),
    agreement,
    classNames: t.names,
    confusion,
    floatConfusion,
  };
  return { report, int8 };
}
