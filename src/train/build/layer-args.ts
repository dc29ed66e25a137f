import { MinnowError } from '../../core/errors.ts';
import type { AnalyzedLayer } from '../../core/model/types.ts';
import { dataAxis } from '../../core/ops/axis.ts';

type Params = Record<string, unknown>;
type ArgsOf = (p: Params, layer: AnalyzedLayer) => Params;

const pick =
  (...names: string[]): ArgsOf =>
  (p) =>
    Object.fromEntries(names.filter((n) => p[n] !== undefined && p[n] !== null).map((n) => [n, p[n]]));

/** tfjs runs a negative axis as -1 whatever it is (tfjs 4.22), so merge and norm layers get a positive one. */
const positiveAxis =
  (...rest: string[]): ArgsOf =>
  (p, layer) => ({
    ...pick(...rest)(p, layer),
    axis: dataAxis(layer, Number(p.axis ?? -1), layer.inputShapes[0]?.length ?? 1) + 1,
  });

const window = pick('poolSize', 'strides', 'padding');

/**
 * The tfjs-layers constructor arguments of each layer type, from core's parsed parameters (defaults already
 * filled, windows per axis). The model file uses tfjs names, so most are passed through.
 */
const ARGS: Readonly<Record<string, ArgsOf>> = {
  Dense: pick('units', 'activation', 'useBias'),
  Conv2D: pick('filters', 'kernelSize', 'strides', 'padding', 'activation', 'useBias'),
  Conv1D: pick('filters', 'kernelSize', 'strides', 'padding', 'activation', 'useBias'),
  DepthwiseConv2D: pick('kernelSize', 'strides', 'padding', 'depthMultiplier', 'activation', 'useBias'),
  MaxPooling2D: window,
  AveragePooling2D: window,
  MaxPooling1D: window,
  GlobalAveragePooling2D: pick(),
  Flatten: pick(),
  // The resolved shape, not the file's -1: tfjs leaves a -1 axis unknown, and a Flatten after it fails.
  Reshape: (_p, layer) => ({ targetShape: [...layer.outputShape] }),
  Dropout: pick('rate'),
  BatchNormalization: positiveAxis('momentum', 'epsilon'),
  Activation: pick('activation'),
  ReLU: pick('maxValue'),
  Softmax: positiveAxis(),
  Add: pick(),
  Concatenate: positiveAxis(),
  Embedding: pick('inputDim', 'outputDim'),
  // resetAfter is always false (the only variant tfjs runs) and tfjs does not take the argument.
  GRU: pick('units', 'activation', 'recurrentActivation', 'useBias', 'returnSequences'),
  Spectrogram: pick('sampleRate', 'frameLength', 'frameStep', 'fftLength', 'melBins', 'lowHz', 'highHz'),
};

export const TRAINABLE_TYPES: readonly string[] = Object.keys(ARGS);

export function layerArgs(layer: AnalyzedLayer): Params {
  const args = ARGS[layer.type];
  if (!args) {
    throw new MinnowError('TRAIN_UNSUPPORTED', {
      layer: layer.id,
      type: layer.type,
      detail: 'tfjs has no layer for this type in Minnow yet.',
    });
  }
  return args(layer.params, layer);
}
