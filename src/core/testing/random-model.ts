import { shapeSize, type ModelSpec } from '../model/types.ts';
import { createRandom, type Random } from '../random.ts';
import { spatialBlock } from './spatial-blocks.ts';
import { SpecBuilder, type Tensor } from './spec-builder.ts';
import { dense, vectorBlock } from './vector-blocks.ts';

/**
 * Random but valid model files, for the planner's property tests, the benchmark and the TS↔C parity runs.
 * The same seed and options always give the same file.
 *
 * A model starts from one input kind, runs a number of blocks, then a classifier head:
 * - image [h, w, 1|3] (h, w from 8 to 64): Conv2D, DepthwiseConv2D, Max/AveragePooling2D, residual Add
 *   blocks, Concatenate blocks, Conv+BatchNormalization+ReLU, standalone activations, Dropout, Reshape;
 * - sequence [steps 8–128, channels 1–12]: the same with Conv1D and MaxPooling1D, plus Dense on the last axis;
 * - vector [1–784]: Dense chains with residual and Concatenate branches, BN, activations, Reshape to a sequence;
 * - tokens [8–64] (only with `embedding`): Embedding first, then sequence blocks;
 * - audio [samples] (only with `audio`): a Spectrogram first, then sequence blocks.
 * Blocks may change the rank (Reshape), so one model can mix kinds. Channels stay at or below 64, units at
 * or below 256, and no layer exceeds `maxLayerMacs`. The head is Flatten or GlobalAveragePooling2D (or a
 * last GRU with `gru`), then Dense layers ending in softmax, sigmoid, linear or a Softmax layer.
 */
export interface RandomModelOptions {
  /** Blocks between the input and the head; drawn from 1 to 8 when not given. Stops short of 1,000 layers. */
  readonly blocks?: number;
  /** Allow Embedding (token-id inputs), which the int8 kernels may not run. Default false. */
  readonly embedding?: boolean;
  /** Allow GRU layers, which the int8 kernels may not run. Default false. */
  readonly gru?: boolean;
  /** Allow raw-audio inputs through a Spectrogram (small 8 kHz parameters). Default false. */
  readonly audio?: boolean;
  /** Largest multiply-accumulate count of one layer. Default 2,000,000. */
  readonly maxLayerMacs?: number;
}

/** Flatten is avoided above this many values: the Dense after it would be too large for flash. */
const MAX_FLATTEN = 4096;
/** Blocks stop here, leaving room for the head within the model file's 1,000 layers. */
const MAX_BODY_LAYERS = 970;
/** A block that declines (no room, no fitting size) is redrawn this many times before moving on. */
const ATTEMPTS = 4;

/** Raw 8 kHz audio through a small Spectrogram: a [frames, mels] sequence follows. */
function audioInput(b: SpecBuilder, r: Random): { shape: number[]; first: Tensor } {
  const frameLength = r.pick([64, 100, 128, 200]);
  const fftLength = 2 ** Math.ceil(Math.log2(frameLength));
  const frameStep = r.pick([32, 50, 64, 100]);
  const frames = r.int(3, 30);
  const melBins = r.int(4, 16);
  const shape = [frameLength + frameStep * (frames - 1) + r.int(0, frameStep - 1)];
  const params = { sampleRate: 8000, frameLength, frameStep, fftLength, melBins, lowHz: 60, highHz: 3800 };
  return { shape, first: b.layer('Spectrogram', { id: 'input', shape }, [frames, melBins], params) };
}

function inputTensor(
  b: SpecBuilder,
  r: Random,
  embedding: boolean,
  audio: boolean,
): { shape: number[]; first: Tensor } {
  const kinds = [
    'image',
    'sequence',
    'vector',
    ...(embedding ? ['tokens'] : []),
    ...(audio ? ['audio'] : []),
  ];
  const kind = r.pick(kinds);
  if (kind === 'audio') return audioInput(b, r);
  if (kind === 'image') {
    const side = r.pick([8, 12, 16, 20, 24, 28, 32, 40, 48, 64]);
    const shape = [side, r.chance(0.8) ? side : r.pick([8, 16, 32]), r.pick([1, 1, 3])];
    return { shape, first: { id: 'input', shape } };
  }
  if (kind === 'sequence') {
    const shape = [r.int(8, 128), r.int(1, 12)];
    return { shape, first: { id: 'input', shape } };
  }
  if (kind === 'vector') {
    const shape = [r.chance(0.1) ? 784 : r.int(1, 256)];
    return { shape, first: { id: 'input', shape } };
  }
  const shape = [r.int(8, 64)];
  const outputDim = r.pick([4, 8, 16, 32]);
  const params = { inputDim: r.int(16, 512), outputDim };
  return { shape, first: b.layer('Embedding', { id: 'input', shape }, [...shape, outputDim], params) };
}

/** Brings any tensor down to a vector: Flatten, GlobalAveragePooling2D, or a GRU reading the sequence. */
function toVector(b: SpecBuilder, t: Tensor): Tensor {
  const r = b.random;
  if (t.shape.length === 1) return t;
  if (t.shape.length === 3 && (shapeSize(t.shape) > MAX_FLATTEN || r.chance(0.5))) {
    return b.layer('GlobalAveragePooling2D', t, [t.shape[2] ?? 1]);
  }
  const [steps = 1, features = 1] = t.shape;
  if (t.shape.length === 2 && b.gru && r.chance(0.4) && steps * 3 * (features * 16 + 256) <= b.maxLayerMacs) {
    return b.layer('GRU', t, [16], { units: 16 });
  }
  let x = t;
  while (shapeSize(x.shape) > MAX_FLATTEN && (x.shape[0] ?? 1) >= 2) {
    const [length = 1, channels = 1] = x.shape;
    x = b.layer('MaxPooling1D', x, [Math.floor(length / 2), channels], { poolSize: 2 });
  }
  return b.layer('Flatten', x, [shapeSize(x.shape)]);
}

function head(b: SpecBuilder, t: Tensor): void {
  const r = b.random;
  let x = toVector(b, t);
  if (r.chance(0.4)) x = dense(b, x, b.activation()) ?? x;
  const classes = r.int(1, 10);
  // The classifier is always added, whatever the MAC budget: every model needs an output.
  const classifier = (activation: string) => b.layer('Dense', x, [classes], { units: classes, activation });
  if (classes > 1 && r.chance(0.2)) {
    const logits = classifier('linear');
    b.layer('Softmax', logits, logits.shape);
  } else {
    classifier(classes > 1 ? r.pick(['softmax', 'softmax', 'linear']) : r.pick(['sigmoid', 'linear']));
  }
}

export function randomModel(seed: number, options: RandomModelOptions = {}): ModelSpec {
  const random = createRandom(seed);
  const b = new SpecBuilder(random, options.maxLayerMacs ?? 2_000_000, options.gru ?? false);
  const { shape, first } = inputTensor(b, random, options.embedding ?? false, options.audio ?? false);
  let t = first;
  const blocks = options.blocks ?? random.int(1, 8);
  for (let i = 0; i < blocks && b.layers.length < MAX_BODY_LAYERS; i++) {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const mark = b.mark();
      const out = t.shape.length === 1 ? vectorBlock(b, t) : spatialBlock(b, t);
      if (out) {
        t = out;
        break;
      }
      b.rollback(mark);
    }
  }
  head(b, t);
  return { format: 'minnow-model', version: 1, name: `random-${seed}`, input: { shape }, layers: b.layers };
}
